import type { StrapiApp } from '@strapi/strapi/admin';
import { injectDirectionStyles } from './direction';

export default {
  config: {
    // Arabic is offered beside English as the admin interface language.
    locales: ['ar'],
  },
  register(app: StrapiApp) {
    app.customFields.register({
      name: 'rtl-html',
      type: 'text',
      intlLabel: { id: 'newsroom.rtl-html.label', defaultMessage: 'Rich text (right-to-left HTML)' },
      intlDescription: {
        id: 'newsroom.rtl-html.description',
        defaultMessage: 'HTML edited right-to-left, with a direction switch per paragraph',
      },
      components: {
        Input: async () => import('./components/RtlHtmlInput').then((module) => ({ default: module.RtlHtmlInput })),
      },
    } as never);
  },
  bootstrap() {
    injectDirectionStyles();
  },
};
