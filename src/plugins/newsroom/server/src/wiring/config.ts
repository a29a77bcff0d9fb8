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
