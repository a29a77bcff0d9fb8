// The public role reads published Articles, Quotes and Sources and writes nothing of ours; with the
// protectUsersApi option it cannot sign up either.
import type { Core } from '@strapi/strapi';
import { ARTICLE, QUOTE, SOURCE, newsroomConfig } from './config';

const PERMISSION = 'plugin::users-permissions.permission';
const READ_ACTIONS = [ARTICLE, QUOTE, SOURCE].flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
const OUR_PREFIXES = [ARTICLE, QUOTE, SOURCE].map((uid) => `${uid}.`);
// The newsroom has no public accounts: an anonymous caller must not create one.
const CLOSED_TO_PUBLIC = ['plugin::users-permissions.auth.register'];

export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const { publicRead, protectUsersApi } = newsroomConfig(strapi);
  if (!strapi.plugin('users-permissions')) return;
  // A host that names the newsroom in config/plugins boots it before users-permissions, whose
  // bootstrap makes the default roles: make them now, the way it does (it then leaves them be).
  const findPublic = () => strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  let role = await findPublic();
  if (!role) {
    await strapi.plugin('users-permissions').service('users-permissions').initialize();
    role = await findPublic();
  }
  if (!role) return;
  const current: Array<{ id: number; action: string }> = await strapi.db.query(PERMISSION).findMany({
    where: { role: role.id },
  });
  const granted = new Set(current.map((permission) => permission.action));
  for (const action of publicRead ? READ_ACTIONS : []) {
    if (!granted.has(action)) await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  }
  for (const permission of current) {
    const ours = OUR_PREFIXES.some((prefix) => permission.action.startsWith(prefix));
    const closed = protectUsersApi && CLOSED_TO_PUBLIC.includes(permission.action);
    if ((ours && !READ_ACTIONS.includes(permission.action)) || closed) {
      strapi.log.warn(`newsroom: removing public permission ${permission.action}; the public role only reads.`);
      await strapi.db.query(PERMISSION).delete({ where: { id: permission.id } });
    }
  }
}
