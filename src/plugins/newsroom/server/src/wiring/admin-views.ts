// The Content Manager views editors work in: derived fields read-only, credits chosen by Source
// name, useful list columns, bilingual labels. Applied once per version of this layout, so an
// administrator's later changes to the views are kept.
import type { Core } from '@strapi/strapi';
import { ARTICLE, QUOTE, SOURCE } from './config';
import { viewConfiguration } from './strapi-internals/content-manager-configuration';

const LAYOUT_VERSION = 1;

interface ViewPlan {
  uid: string;
  component?: boolean;
  mainField?: string;
  list?: string[];
  readOnly?: string[];
  relationsShow?: Record<string, string>;
  labels?: Record<string, string>;
}

const PLANS: ViewPlan[] = [
  {
    uid: ARTICLE,
    mainField: 'title',
    list: ['title', 'dispatchDate', 'credits'],
    readOnly: ['dateline', 'lang', 'dir'],
    relationsShow: { quotes: 'text' },
    labels: {
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
    list: ['speaker', 'article', 'text', 'position'],
    readOnly: ['lang', 'dir'],
    relationsShow: { article: 'title', venue: 'name' },
    labels: {
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
    readOnly: ['lang', 'dir'],
    labels: { name: 'Name · الاسم', nameLatin: 'Name in Latin letters' },
  },
  {
    uid: 'newsroom.credit',
    component: true,
    mainField: 'role',
    relationsShow: { source: 'name' },
    labels: { source: 'Source · المصدر', role: 'Role · الدور' },
  },
];

export async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  if ((await store.get({ key: 'admin-views' })) === LAYOUT_VERSION) return;
  for (const plan of PLANS) {
    const views = viewConfiguration(strapi, plan.uid, plan.component);
    const { settings, metadatas, layouts } = await views.read();
    if (plan.mainField) settings.mainField = plan.mainField;
    for (const field of plan.readOnly ?? []) metadatas[field].edit.editable = false;
    for (const [field, mainField] of Object.entries(plan.relationsShow ?? {}))
      metadatas[field].edit.mainField = mainField;
    for (const [field, label] of Object.entries(plan.labels ?? {})) {
      metadatas[field].edit.label = label;
      const list = metadatas[field].list;
      if (list) list.label = label;
    }
    if (plan.list) layouts.list = plan.list;
    await views.write({ settings, metadatas, layouts });
  }
  await store.set({ key: 'admin-views', value: LAYOUT_VERSION });
}
