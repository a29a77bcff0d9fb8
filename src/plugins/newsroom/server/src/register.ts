// Before Strapi builds its models and routes: the credit component, the RTL editor field, the
// migration from the app version, the closed directory routes, the admin permission, the upload
// guard, the Document Service middlewares every write and read of ours passes, and the boot lock
// that makes instances on one PostgreSQL database boot one at a time.
import type { Core, UID } from '@strapi/strapi';
import { registerComponents } from './components';
import { PLUGIN } from './constants';
import contentTypes from './content-types';
import { registerDocumentMiddlewares } from './middlewares/documents';
import { MIGRATION_NAME, moveAppTypesToPlugin } from './migrations/1.0.0-app-types-to-plugin';
import { closeDirectoryRoutes } from './policies';
import { getService, newsroomConfig } from './utils';
import { refuseRouteClash } from './utils/route-clash';
import { registerInternalMigration } from './utils/strapi-internals/internal-migrations';

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
  await getService('permissions', { strapi }).registerAdminActions();
  getService('uploadGuard', { strapi }).guardUploads();
  registerDocumentMiddlewares(strapi);
  getService('readQueue', { strapi }).queue(); // refuses impossible read-queue settings at boot, not on the first request
  // Instances sharing one PostgreSQL database boot (schema sync, bootstrap, seed) one at a time.
  await getService('bootLock', { strapi }).acquire();
};
