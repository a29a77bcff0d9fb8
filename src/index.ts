import type { Core } from '@strapi/strapi';
import { acquireBootLock, releaseBootLock } from './wiring/boot-lock';
import { consistentReads } from './wiring/consistent-reads';
import { newsroomRules } from './wiring/rules-middleware';
import { grantPublicRead } from './wiring/public-permissions';
import { seedDispatches } from './wiring/seed';
import { configureAdminViews } from './wiring/admin-views';
import { createDemoAdmin } from './wiring/demo-admin';
import { readQueue } from './wiring/read-queue';
import { closeDirectoryRoutes } from './wiring/closed-routes';

export default {
  /** Every write to Article, Quote and Source passes the newsroom rules; reads see one snapshot. */
  async register({ strapi }: { strapi: Core.Strapi }) {
    strapi.customFields.register({ name: 'rtl-html', type: 'text' });
    closeDirectoryRoutes(strapi);
    strapi.documents.use(newsroomRules(strapi) as never);
    readQueue(strapi); // refuses impossible read-queue settings at boot, not on the first request
    strapi.documents.use(consistentReads(strapi) as never);
    // Instances sharing one PostgreSQL database boot (schema sync, bootstrap, seed) one at a time.
    await acquireBootLock(strapi);
  },

  /** Public read access, the dispatches seeded once, the editors' views, an optional demo admin. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      await grantPublicRead(strapi);
      await seedDispatches(strapi);
      await configureAdminViews(strapi);
      await createDemoAdmin(strapi);
    } finally {
      await releaseBootLock(strapi);
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await releaseBootLock(strapi);
  },
};
