// Once the models exist: the public role's read access (cached answers dropped whenever any role's
// access changes), versions for stories published before the lifecycle fields existed, the search
// index (made, and filled for what has no entry), the IPTC subjects, the seed
// dispatches (only when the host names a folder), and the editors' Content Manager views. The
// next instance may boot once this one is loaded (after the admin's and the app's bootstraps,
// which Strapi runs after the plugins').
import type { Core } from '@strapi/strapi';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const bootLock = getService('bootLock', { strapi });
  try {
    const permissions = getService('permissions', { strapi });
    await permissions.grantPublicRead();
    permissions.invalidateOnAccessChanges();
    getService('uploadGuard', { strapi }).invalidateOnMediaChanges();
    await getService('lifecycle', { strapi }).backfillVersions();
    await getService('search', { strapi }).prepare();
    await getService('seed', { strapi }).seedSubjects();
    await getService('seed', { strapi }).seedDispatches();
    await getService('adminViews', { strapi }).configure();
  } catch (error) {
    await bootLock.release();
    throw error;
  }
  bootLock.releaseWhenLoaded();
};
