import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../newsroom/rules';
import type { KnownOutlet } from '../newsroom/dispatch';

export const ARTICLE = 'api::article.article';
export const QUOTE = 'api::quote.quote';
export const SOURCE = 'api::source.source';

export function newsroomConfig(
  strapi: Core.Strapi,
): NewsroomConfig & { seedDispatches: string; knownOutlets: KnownOutlet[] } {
  return strapi.config.get('newsroom');
}
