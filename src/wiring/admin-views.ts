// The Content Manager views editors work in: derived fields read-only, credits chosen by Source
// name, useful list columns, bilingual labels. Applied once per version of this layout, so an
// administrator's later changes to the views are kept.
import type { Core } from '@strapi/strapi';
import { ARTICLE, QUOTE, SOURCE } from './config';

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
    const service = strapi.plugin('content-manager').service(plan.component ? 'components' : 'content-types');
    const model = plan.component ? strapi.components[plan.uid as never] : strapi.contentType(plan.uid as never);
    const configuration = await service.findConfiguration(model);
    const { settings, metadatas, layouts } = configuration;
    if (plan.mainField) settings.mainField = plan.mainField;
    for (const field of plan.readOnly ?? []) metadatas[field].edit.editable = false;
    for (const [field, mainField] of Object.entries(plan.relationsShow ?? {}))
      metadatas[field].edit.mainField = mainField;
    for (const [field, label] of Object.entries(plan.labels ?? {})) {
      metadatas[field].edit.label = label;
      if (metadatas[field].list) metadatas[field].list.label = label;
    }
    if (plan.list) layouts.list = plan.list;
    await service.updateConfiguration(model, { settings, metadatas, layouts });
  }
  await store.set({ key: 'admin-views', value: LAYOUT_VERSION });
}
