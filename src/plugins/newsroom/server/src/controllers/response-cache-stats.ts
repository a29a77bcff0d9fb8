// GET /newsroom/response-cache (admin panel sessions only): what the instance's response cache
// holds and how it has answered since the instance started.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { getService, newsroomConfig } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const { maxBytes } = newsroomConfig(strapi).responseCache;
    if (maxBytes === 0) {
      ctx.body = { data: { enabled: false } };
      return;
    }
    const cache = getService('responseCache', { strapi }).cache(maxBytes);
    ctx.body = { data: { enabled: true, ...cache.stats, ...cache.lru.stats(), rendering: cache.flight.size } };
  },
});
