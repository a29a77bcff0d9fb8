// Route middleware of the content API's reads, after published-only: marks the request as a read
// whose Articles and Quotes the lifecycle filters (middlewares/documents.ts, `lifecycleReads`), for
// its reader: the public, or an embargo partner. A full-access token's read of drafts is the
// newsroom's own and is not marked.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

/** Where the mark is kept in ctx.state. */
export const READER = 'newsroomReader';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.query.status !== 'draft') {
      ctx.state[READER] = { audience: await getService('lifecycle', { strapi }).audienceOf(ctx) };
    }
    await next();
  };
};
