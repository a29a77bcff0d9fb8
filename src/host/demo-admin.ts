// For demos and tests only: NEWSROOM_ADMIN_EMAIL and NEWSROOM_ADMIN_PASSWORD create the first
// super admin when none exists. Never by default; refused in production unless allowed.
import type { Core } from '@strapi/strapi';
import { envAdminProblems } from './secrets';

export async function createDemoAdmin(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const email = env.NEWSROOM_ADMIN_EMAIL;
  const password = env.NEWSROOM_ADMIN_PASSWORD;
  // config/server.ts refuses these at start-up already; checked again for callers that skip it.
  const problems = envAdminProblems(env);
  if (problems.length > 0) throw new Error(`Refusing to create the demo admin: ${problems.join('; ')}`);
  if (!email || !password) return;
  if ((await strapi.db.query('admin::user').count()) > 0) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  try {
    await strapi.service('admin::user').create({
      email,
      password,
      firstname: 'Newsroom',
      lastname: 'Editor',
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
  } catch (error) {
    // Another instance booting on the same database created it first.
    if ((await strapi.db.query('admin::user').count()) > 0) return;
    throw error;
  }
  strapi.log.info(`newsroom: created the demo super admin ${email}`);
}
