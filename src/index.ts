// The host app. The newsroom itself is the plugin in src/plugins/newsroom (config/plugins.ts);
// the app adds only what is an app's: a demo admin for demos and tests.
import type { Core } from '@strapi/strapi';
import { createDemoAdmin } from './host/demo-admin';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await createDemoAdmin(strapi);
  },
};
