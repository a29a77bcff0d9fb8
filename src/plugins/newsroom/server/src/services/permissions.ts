// Who may do what: the public role reads published Articles, Quotes, Sources and Subjects (and a story's
// JSON-LD) and writes nothing
// of ours (with the protectUsersApi option it cannot sign up either); a change of any role's access
// moves the content version; the newsroom's own admin permissions are offered in Settings → Roles.
import type { Core } from '@strapi/strapi';
import { ARTICLE, PLUGIN, QUOTE, SOURCE, SUBJECT } from '../constants';
import { getService, newsroomConfig } from '../utils';

const PERMISSION = 'plugin::users-permissions.permission';
// The JSON-LD of a story is a read like its entry (read-only tokens may call any findOne).
export const JSON_LD_ACTION = `plugin::${PLUGIN}.jsonld.findOne`;
// Search answers what the lists answer (read-only tokens may call any find).
export const SEARCH_ACTION = `plugin::${PLUGIN}.search.find`;
const READ_ACTIONS = [
  ...[ARTICLE, QUOTE, SOURCE, SUBJECT].flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  JSON_LD_ACTION,
  SEARCH_ACTION,
];
const OUR_PREFIXES = [ARTICLE, QUOTE, SOURCE, SUBJECT].map((uid) => `${uid}.`);
// The newsroom has no public accounts: an anonymous caller must not create one.
const CLOSED_TO_PUBLIC = ['plugin::users-permissions.auth.register'];
// A public answer depends on what the Public role may read as much as on the content: a permission
// revoked in Settings must stop the cached answers that it allowed, on every instance. A change of
// any users-permissions role or permission therefore moves the content version, as a published
// write does, and every instance's response cache misses on its next read.
const ACCESS_MODELS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];

async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
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

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Called in bootstrap(). */
  grantPublicRead: () => grantPublicRead(strapi),

  /** Called in bootstrap(), once the database exists. */
  invalidateOnAccessChanges(): void {
    const touch = async () => {
      await getService('contentVersion', { strapi }).touch();
    };
    strapi.db.lifecycles.subscribe({
      models: ACCESS_MODELS,
      afterCreate: touch,
      afterCreateMany: touch,
      afterUpdate: touch,
      afterUpdateMany: touch,
      afterDelete: touch,
      afterDeleteMany: touch,
    });
  },

  /** The newsroom's own admin permissions, offered in Settings → Roles beside Strapi's. */
  async registerAdminActions(): Promise<void> {
    await strapi.service('admin::permission').actionProvider.registerMany([
      {
        section: 'plugins',
        displayName: 'Read the response cache statistics',
        uid: 'response-cache.read',
        pluginName: PLUGIN,
      },
    ]);
  },
});
