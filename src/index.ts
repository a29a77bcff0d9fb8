import type { Core } from '@strapi/strapi';
import { newsroomRules } from './wiring/rules-middleware';
import { grantPublicRead } from './wiring/public-permissions';
import { seedDispatches } from './wiring/seed';
import { configureAdminViews } from './wiring/admin-views';
import { createDemoAdmin } from './wiring/demo-admin';
import { rulesSwitchedOff } from './newsroom/bench-switch';

export default {
  /** Every write to Article, Quote and Source passes the newsroom rules; the body has its editor. */
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.customFields.register({ name: 'rtl-html', type: 'text' });
    if (rulesSwitchedOff(process.env)) strapi.log.warn('newsroom: rules switched OFF for a benchmark');
    else strapi.documents.use(newsroomRules(strapi) as never);
  },

  /** Public read access, the dispatches seeded once, the editors' views, an optional demo admin. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicRead(strapi);
    await seedDispatches(strapi);
    await configureAdminViews(strapi);
    await createDemoAdmin(strapi);
  },
};
