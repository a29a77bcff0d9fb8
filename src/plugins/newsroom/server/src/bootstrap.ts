// Once the models exist: the public role's read access (cached answers dropped whenever any role's
// access changes), the seed dispatches (only when the host names a folder), and the editors'
// Content Manager views. The next instance may boot once this one
// is loaded (after the admin's and the app's bootstraps, which Strapi runs after the plugins').
import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './wiring/admin-views';
import { releaseBootLock, releaseBootLockWhenLoaded } from './wiring/boot-lock';
import { invalidateOnAccessChanges } from './wiring/permission-changes';
import { grantPublicRead } from './wiring/public-permissions';
import { seedDispatches } from './wiring/seed';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  try {
    await grantPublicRead(strapi);
    invalidateOnAccessChanges(strapi);
    await seedDispatches(strapi);
    await configureAdminViews(strapi);
  } catch (error) {
    await releaseBootLock(strapi);
    throw error;
  }
  releaseBootLockWhenLoaded(strapi);
};
