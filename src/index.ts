import type { Core } from '@strapi/strapi';
import { newsroomRules } from './wiring/rules-middleware';
import { grantPublicRead } from './wiring/public-permissions';
import { seedDispatches } from './wiring/seed';

export default {
  /** Every write to Article, Quote and Source passes the newsroom rules. */
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(newsroomRules(strapi) as never);
  },

  /** The public role reads; the dispatches under database/dispatches are seeded once. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicRead(strapi);
    await seedDispatches(strapi);
  },
};
