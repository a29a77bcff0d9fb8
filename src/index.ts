import type { Core } from '@strapi/strapi';
import { acquireBootLock, releaseBootLock } from './wiring/boot-lock';
import { consistentReads } from './wiring/consistent-reads';
import { newsroomRules } from './wiring/rules-middleware';
import { grantPublicRead } from './wiring/public-permissions';
import { seedDispatches } from './wiring/seed';

export default {
  /** Every write to Article, Quote and Source passes the newsroom rules; reads see one snapshot. */
  async register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(newsroomRules(strapi) as never);
    strapi.documents.use(consistentReads(strapi) as never);
    // Instances sharing one PostgreSQL database boot (schema sync, bootstrap, seed) one at a time.
    await acquireBootLock(strapi);
  },

  /** The public role reads; the dispatches under database/dispatches are seeded once. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      await grantPublicRead(strapi);
      await seedDispatches(strapi);
    } finally {
      await releaseBootLock(strapi);
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await releaseBootLock(strapi);
  },
};
