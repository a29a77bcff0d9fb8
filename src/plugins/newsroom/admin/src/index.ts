// The newsroom in the admin panel: the whole admin right to left in a right-to-left interface
// language, the body editor (the custom field plugin::newsroom.rtl-html), derived fields in a side
// panel, the story lifecycle's document actions, the desk on the home page, input directions, and
// its strings (Strapi's Arabic mended).
import { Feather } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { DerivedFieldsPanel } from './components/DerivedFieldsPanel';
import { LIFECYCLE_ACTIONS } from './components/LifecycleActions';
import { injectDirectionStyles } from './strapi-internals/admin-panel-dom';
import { followInterfaceLanguage } from './strapi-internals/interface-direction';
import { loadedMessage, PLUGIN_ID, translationsFor } from './translations';

interface ContentManagerApis {
  addEditViewSidePanel(panels: unknown[]): void;
  addDocumentAction(actions: (current: unknown[]) => unknown[]): void;
}

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
    // The desk comes first on the home page.
    app.widgets.register((widgets) => [
      {
        icon: Feather,
        title: { id: `${PLUGIN_ID}.desk.title`, defaultMessage: 'Newsroom desk' },
        component: async () => (await import('./components/DeskWidget')).DeskWidget,
        pluginId: PLUGIN_ID,
        id: 'desk',
        link: {
          label: { id: `${PLUGIN_ID}.desk.link`, defaultMessage: 'All articles' },
          href: '/content-manager/collection-types/plugin::newsroom.article',
        },
        permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::newsroom.article' }],
      },
      ...widgets,
    ]);
  },

  bootstrap(app: StrapiApp) {
    followInterfaceLanguage();
    injectDirectionStyles(window, (value) => loadedMessage(document.documentElement.lang, value));
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis } | undefined;
    contentManager?.apis.addEditViewSidePanel([DerivedFieldsPanel]);
    contentManager?.apis.addDocumentAction((actions) => [...actions, ...LIFECYCLE_ACTIONS]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(locales.map(async (locale) => ({ data: await translationsFor(locale), locale })));
  },
};
