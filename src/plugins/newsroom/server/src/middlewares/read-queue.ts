// Global middleware: reads of the content API's own types take their turn in the instance's fair
// read queue before any other work is done for them. The feeds queue in their controller, after
// the conditional check, so a revalidation is answered at once.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { apiReads } from '../utils/api-reads';

const QUEUED_PATH = /^\/(articles|quotes|sources)(\/|$)/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const queued = apiReads(strapi, QUEUED_PATH);
  return async (ctx: Context, next: () => Promise<void>) => {
    if (!queued(ctx)) return next();
    await getService('readQueue', { strapi }).inTurn(ctx, next);
  };
};
