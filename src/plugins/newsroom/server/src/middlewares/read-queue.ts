// Global middleware: reads of the content API's own types take their turn in the instance's fair
// read queue before any other work is done for them. The feeds queue in their controller, after
// the conditional check, so a revalidation is answered at once.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { inTurn } from '../wiring/read-queue';
import { canonicalPath } from '../../../core/well-formed';

const QUEUED_PATH = /^\/(articles|quotes|sources)(\/|$)/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = canonicalPath(String(strapi.config.get('api.rest.prefix', '/api')));
  return async (ctx: Context, next: () => Promise<void>) => {
    const path = canonicalPath(ctx.path);
    const queued =
      (ctx.method === 'GET' || ctx.method === 'HEAD') &&
      path.startsWith(`${prefix}/`) &&
      QUEUED_PATH.test(path.slice(prefix.length));
    if (!queued) return next();
    await inTurn(strapi, ctx, next);
  };
};
