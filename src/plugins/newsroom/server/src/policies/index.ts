// The newsroom's policies (plugin::newsroom.<name>). Strapi's read-only API token may call every
// `find` action, the user directory's and the media library's included. With the protectUsersApi
// option, register() puts these policies on those routes (closeDirectoryRoutes): they refuse where
// the router itself matched the route, so no spelling of the path (letter case, escapes, a trailing
// slash) goes around them.
import type { Core } from '@strapi/strapi';
import { PLUGIN } from '../constants';
import noMediaListing from './no-media-listing';
import noUserDirectory from './no-user-directory';

// The user directory's actions; a reader keeps /api/users/me.
const DIRECTORY = [
  'user.find',
  'user.findOne',
  'user.count',
  'role.find',
  'role.findOne',
  'permissions.getPermissions',
];

interface Route {
  method: string;
  handler: string;
  config?: { policies?: unknown[] };
}

function contentApiRoutes(strapi: Core.Strapi, plugin: string): Route[] {
  const routes = strapi.plugin(plugin)?.routes as Record<string, { routes?: Route[] }> | undefined;
  return routes?.['content-api']?.routes ?? [];
}

const policies = { 'no-user-directory': noUserDirectory, 'no-media-listing': noMediaListing };

function addPolicy(route: Route, name: keyof typeof policies): void {
  route.config = { ...route.config, policies: [...(route.config?.policies ?? []), `plugin::${PLUGIN}.${name}`] };
}

/** Called in register(), before Strapi builds its router from the plugins' routes (the policies are the plugin's own). */
export function closeDirectoryRoutes(strapi: Core.Strapi): void {
  for (const route of contentApiRoutes(strapi, 'users-permissions')) {
    if (DIRECTORY.includes(route.handler)) addPolicy(route, 'no-user-directory');
  }
  for (const route of contentApiRoutes(strapi, 'upload')) {
    if (route.method === 'GET') addPolicy(route, 'no-media-listing');
  }
}

export default policies;
