// The plugin's UIDs and its options as the host set them (server/src/config).
import type { Core } from '@strapi/strapi';
import { withDefaultLists, type NewsroomOptions } from '../config';

export const PLUGIN = 'newsroom';
export const ARTICLE = 'plugin::newsroom.article';
export const QUOTE = 'plugin::newsroom.quote';
export const SOURCE = 'plugin::newsroom.source';
export const CREDIT = 'newsroom.credit';

export function newsroomConfig(strapi: Core.Strapi): NewsroomOptions {
  return withDefaultLists(strapi.config.get(`plugin::${PLUGIN}`) ?? {});
}

/** The admin permission that reads the response cache's statistics (super admins have it). */
export const READ_CACHE_STATS = `plugin::${PLUGIN}.response-cache.read`;

/** The newsroom's own admin permissions, offered in Settings → Roles beside Strapi's. */
export async function registerAdminActions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'Read the response cache statistics',
      uid: 'response-cache.read',
      pluginName: PLUGIN,
    },
  ]);
}
