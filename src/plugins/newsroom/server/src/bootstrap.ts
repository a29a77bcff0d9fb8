// Once the models exist: the public role's read access, the seed dispatches (only when the host
// names a folder), and the editors' Content Manager views. Then the next instance may boot.
import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './wiring/admin-views';
import { releaseBootLock } from './wiring/boot-lock';
import { grantPublicRead } from './wiring/public-permissions';
import { seedDispatches } from './wiring/seed';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  try {
    await grantPublicRead(strapi);
    await seedDispatches(strapi);
    await configureAdminViews(strapi);
  } finally {
    await releaseBootLock(strapi);
  }
};
