// For demos and tests only: NEWSROOM_ADMIN_EMAIL and NEWSROOM_ADMIN_PASSWORD create the first
// super admin when none exists. Never by default; refused in production unless allowed.
import type { Core } from '@strapi/strapi';

export async function createDemoAdmin(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const email = env.NEWSROOM_ADMIN_EMAIL;
  const password = env.NEWSROOM_ADMIN_PASSWORD;
  if (!email || !password) return;
  if (env.NODE_ENV === 'production' && env.NEWSROOM_ALLOW_ENV_ADMIN !== 'true') {
    throw new Error(
      'NEWSROOM_ADMIN_EMAIL/NEWSROOM_ADMIN_PASSWORD are for demos and tests; unset them in production ' +
        '(or set NEWSROOM_ALLOW_ENV_ADMIN=true if you really mean it).',
    );
  }
  if ((await strapi.db.query('admin::user').count()) > 0) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: 'Newsroom',
    lastname: 'Editor',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`newsroom: created the demo super admin ${email}`);
}
