// The newsroom in the admin panel: the right-to-left body editor (the custom field
// plugin::newsroom.rtl-html), the direction of Arabic and Latin inputs, and its own strings.
import type { StrapiApp } from '@strapi/strapi/admin';
import { injectDirectionStyles } from './strapi-internals/admin-panel-dom';

const PLUGIN_ID = 'newsroom';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Newsroom' });
    app.customFields.register({
      name: 'rtl-html',
      pluginId: PLUGIN_ID,
      type: 'text',
      intlLabel: { id: `${PLUGIN_ID}.rtl-html.label`, defaultMessage: 'Rich text (right-to-left HTML)' },
      intlDescription: {
        id: `${PLUGIN_ID}.rtl-html.description`,
        defaultMessage: 'HTML edited right-to-left, with a direction switch per paragraph',
      },
      components: {
        Input: async () => import('./components/RtlHtmlInput').then((module) => ({ default: module.RtlHtmlInput })),
      },
    } as Parameters<StrapiApp['customFields']['register']>[0]);
  },

  bootstrap() {
    injectDirectionStyles();
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          const prefixed: Record<string, string> = {};
          for (const [key, value] of Object.entries(data as Record<string, string>))
            prefixed[`${PLUGIN_ID}.${key}`] = value;
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
