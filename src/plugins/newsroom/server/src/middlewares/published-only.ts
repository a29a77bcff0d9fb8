// Route middleware: the content API serves drafts only to a full-access API token.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { isFullAccessToken } from '../utils/callers';

export default (_config: unknown, _context: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    if (!isFullAccessToken(ctx.state?.auth)) {
      ctx.query = { ...ctx.query, status: 'published' };
    }
    await next();
  };
};
