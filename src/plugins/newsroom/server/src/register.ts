// Before Strapi builds its models and routes: the credit component, the RTL editor field, the
// Document Service middlewares every write and read of ours passes (a clone from the admin needs read
// permission on its original), the migration from the app
// version, and the boot lock that makes instances on one PostgreSQL database boot one at a time.
import type { Core, UID } from '@strapi/strapi';
import { registerComponents } from './components';
import contentTypes from './content-types';
import { refuseRouteClash } from './wiring/route-clash';
import { guardUploads } from './wiring/upload-guard';
import { MIGRATION_NAME, moveAppTypesToPlugin } from './migrations/app-types-to-plugin';
import { acquireBootLock } from './wiring/boot-lock';
import { cloneNeedsRead } from './wiring/admin-reads';
import { closeDirectoryRoutes } from './wiring/closed-routes';
import { newsroomConfig, PLUGIN, registerAdminActions } from './wiring/config';
import { consistentReads } from './wiring/consistent-reads';
import { documentMiddleware } from './wiring/document-middleware';
import { readQueue } from './wiring/read-queue';
import { newsroomRules } from './wiring/rules-middleware';
import { registerInternalMigration } from './wiring/strapi-internals/internal-migrations';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  refuseRouteClash(
    strapi,
    Object.values(contentTypes).map(({ schema }) => ({ uid: '', info: schema.info })),
  );
  registerComponents(strapi);
  strapi.customFields.register({ name: 'rtl-html', plugin: PLUGIN, type: 'text' });
  registerInternalMigration(strapi, MIGRATION_NAME, (knex) =>
    moveAppTypesToPlugin(knex, { stillDefined: (uid) => Boolean(strapi.contentTypes[uid as UID.ContentType]) }),
  );
  if (newsroomConfig(strapi).protectUsersApi) closeDirectoryRoutes(strapi);
  await registerAdminActions(strapi);
  guardUploads(strapi);
  strapi.documents.use(documentMiddleware(cloneNeedsRead(strapi)));
  strapi.documents.use(documentMiddleware(newsroomRules(strapi)));
  readQueue(strapi); // refuses impossible read-queue settings at boot, not on the first request
  strapi.documents.use(documentMiddleware(consistentReads(strapi)));
  // Instances sharing one PostgreSQL database boot (schema sync, bootstrap, seed) one at a time.
  await acquireBootLock(strapi);
};
