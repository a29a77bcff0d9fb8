// The Content Manager views editors work in: a form laid out for writing (the body full width),
// derived fields out of the form (the admin shows them read-only in a side panel), credits chosen
// by Source name, useful list columns, labels in English (the admin's Arabic comes from the
// plugin's translations, keyed by these fields). Each version of this layout is applied once, so
// an administrator's later changes to the views are kept.
import type { Core, UID } from '@strapi/strapi';
import { ARTICLE, CORRECTION, CREDIT, PICTURE, QUOTE, SOURCE, SUBJECT } from '../constants';
import { viewConfiguration, type ViewConfiguration } from '../utils/strapi-internals/content-manager-configuration';

// Version 3: a Quote's needsReview, read-only in the side panel and a column of the list.
// Version 4: the story lifecycle (status for partners, embargo, editor's note, corrections, the
// story updated); version, first publication and kill time read-only in the side panel.
// Version 7: the lead picture under the body, the subjects beside the credits, the Subject type.
const LAYOUT_VERSION = 7;

interface ViewPlan {
  uid: string;
  component?: boolean;
  mainField?: string;
  list?: string[];
  /** Rows of the edit form, as field names and widths out of 12. */
  edit?: Array<Array<[string, number]>>;
  /** Derived by the rules: read-only, and out of the edit form. */
  derived?: string[];
  relationsShow?: Record<string, string>;
  labels?: Record<string, string>;
  /** The labels version 1 wrote (both languages glued): replaced where nobody changed them. */
  formerLabels?: Record<string, string>;
}

const PLANS: ViewPlan[] = [
  {
    uid: ARTICLE,
    mainField: 'title',
    list: ['title', 'dispatchDate', 'credits'],
    // Corrections under the text they correct, before the credits (whose add button editors' tools
    // and the e2e suites find as the form's last).
    edit: [
      [['title', 12]],
      [
        ['dispatchDate', 4],
        ['city', 4],
      ],
      [['body', 12]],
      [['picture', 12]],
      [['corrections', 12]],
      [['subjects', 12]],
      [['credits', 12]],
      [['quotes', 12]],
      [
        ['pubStatus', 4],
        ['embargoedUntil', 4],
      ],
      [['ednote', 12]],
      [['updates', 6]],
    ],
    derived: ['slug', 'dateline', 'lang', 'dir', 'version', 'firstPublishedAt', 'killedAt'],
    relationsShow: { quotes: 'text', updates: 'title', subjects: 'name' },
    labels: {
      title: 'Title',
      dispatchDate: 'Dispatch date',
      city: 'City of the dateline',
      dateline: 'Dateline',
      body: 'Body',
      credits: 'Credits',
      quotes: 'Quotes',
      pubStatus: 'Status for partners',
      embargoedUntil: 'Embargoed until',
      ednote: 'Editor’s note to partners',
      corrections: 'Corrections',
      updates: 'Updates the story',
      picture: 'Lead picture',
      subjects: 'Subjects',
      version: 'Version',
      firstPublishedAt: 'First published',
      killedAt: 'Killed at',
    },
    formerLabels: {
      title: 'Title · العنوان',
      dispatchDate: 'Dispatch date · تاريخ البرقية',
      dateline: 'Dateline (generated) · سطر التاريخ',
      body: 'Body · النص',
      credits: 'Credits · الإسناد',
      quotes: 'Quotes · الاقتباسات',
    },
  },
  {
    uid: QUOTE,
    mainField: 'speaker',
    list: ['speaker', 'article', 'text', 'position', 'needsReview'],
    edit: [
      [['text', 12]],
      [
        ['speaker', 6],
        ['speakerRole', 6],
      ],
      [['context', 12]],
      [
        ['article', 6],
        ['venue', 6],
      ],
      [['position', 4]],
    ],
    derived: ['lang', 'dir', 'needsReview'],
    relationsShow: { article: 'title', venue: 'name' },
    labels: {
      text: 'Quotation',
      speaker: 'Speaker',
      speakerRole: 'Role',
      context: 'Context',
      venue: 'Venue',
      needsReview: 'Speaker needs review',
    },
    formerLabels: {
      text: 'Quotation · نص الاقتباس',
      speaker: 'Speaker · القائل',
      speakerRole: 'Role · الصفة',
      context: 'Context · السياق',
      venue: 'Venue · المنبر',
    },
  },
  {
    uid: SOURCE,
    mainField: 'name',
    list: ['name', 'nameLatin', 'kind', 'slug'],
    derived: ['lang', 'dir'],
    labels: {
      name: 'Name',
      nameLatin: 'Name in Latin letters',
      copyrightNotice: 'Copyright notice',
      usageTerms: 'Usage terms',
    },
    formerLabels: { name: 'Name · الاسم', nameLatin: 'Name in Latin letters' },
  },
  {
    uid: SUBJECT,
    mainField: 'name',
    list: ['name', 'nameLatin', 'slug', 'code'],
    derived: ['lang', 'dir'],
    labels: { name: 'Name', nameLatin: 'Name in Latin letters', code: 'IPTC code', slug: 'Slug' },
  },
  {
    uid: PICTURE,
    component: true,
    mainField: 'caption',
    edit: [
      [['image', 12]],
      [['caption', 12]],
      [
        ['credit', 6],
        ['alt', 6],
      ],
    ],
    derived: ['lang', 'dir'],
    labels: {
      image: 'Image',
      caption: 'Caption',
      credit: 'Credit (photographer or agency)',
      alt: 'Text alternative (what the picture shows)',
    },
  },
  {
    uid: CREDIT,
    component: true,
    mainField: 'role',
    relationsShow: { source: 'name' },
    labels: { source: 'Source', role: 'Role' },
    formerLabels: { source: 'Source · المصدر', role: 'Role · الدور' },
  },
  {
    uid: CORRECTION,
    component: true,
    mainField: 'note',
    labels: { at: 'Issued at', note: 'What was corrected' },
  },
];

type EditRows = Array<Array<{ name: string; size: number }>>;

// A label is replaced only when it is the attribute's name (Strapi's default) or what an earlier
// version of this layout wrote: an administrator's own label stays.
function relabel(metadata: ViewConfiguration['metadatas'][string], field: string, plan: ViewPlan, label: string) {
  for (const view of [metadata.edit, metadata.list]) {
    if (!view) continue;
    const current = view.label;
    if (current === undefined || current === field || current === plan.formerLabels?.[field]) view.label = label;
  }
}

// The planned rows, then any field the plan does not place (one an app added), each on its own row;
// never a field its schema hides from the Content Manager (the search's private `searchText`).
function editRows(plan: ViewPlan, configuration: ViewConfiguration, hidden: Set<string>): EditRows | undefined {
  if (!plan.edit && !plan.derived) return undefined;
  const current = (configuration.layouts.edit as EditRows | undefined) ?? [];
  const derived = new Set(plan.derived ?? []);
  const rows: EditRows = plan.edit
    ? plan.edit.map((row) => row.map(([name, size]) => ({ name, size })))
    : current.map((row) => row.filter((field) => !derived.has(field.name))).filter((row) => row.length > 0);
  const placed = new Set(rows.flat().map((field) => field.name));
  for (const field of current.flat()) {
    if (!placed.has(field.name) && !derived.has(field.name)) rows.push([{ name: field.name, size: field.size }]);
  }
  return rows
    .map((row) => row.filter((field) => !hidden.has(field.name)))
    .filter((row) => row.length > 0 && row.every((field) => configuration.metadatas[field.name]));
}

async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  if ((await store.get({ key: 'admin-views' })) === LAYOUT_VERSION) return;
  for (const plan of PLANS) {
    const views = viewConfiguration(strapi, plan.uid, plan.component);
    const configuration = await views.read();
    const { settings, metadatas, layouts } = configuration;
    if (plan.mainField) settings.mainField = plan.mainField;
    for (const field of plan.derived ?? []) metadatas[field].edit.editable = false;
    for (const [field, mainField] of Object.entries(plan.relationsShow ?? {}))
      metadatas[field].edit.mainField = mainField;
    for (const [field, label] of Object.entries(plan.labels ?? {})) relabel(metadatas[field], field, plan, label);
    if (plan.list) layouts.list = plan.list;
    const attributes = (strapi.contentTypes[plan.uid as UID.ContentType]?.attributes ?? {}) as Record<
      string,
      { pluginOptions?: { 'content-manager'?: { visible?: boolean } } }
    >;
    const hidden = new Set(
      Object.keys(attributes).filter((name) => attributes[name].pluginOptions?.['content-manager']?.visible === false),
    );
    const rows = editRows(plan, configuration, hidden);
    if (rows) layouts.edit = rows;
    await views.write({ settings, metadatas, layouts });
  }
  await store.set({ key: 'admin-views', value: LAYOUT_VERSION });
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Applies this layout version once per database. */
  configure: () => configureAdminViews(strapi),
});
