// On the plugin's own read routes (routes/index.ts), so a host gets it with no configuration; a
// host may also list it as a global middleware (after the response cache), where a read waits
// before any other work is done for it, and the route's copy then lets it pass. Reads of the
// content API's own types take their turn in the instance's fair read queue. The feeds queue in their controller, after
// the conditional check, so a revalidation is answered at once.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { apiReads } from '../utils/api-reads';

const QUEUED_PATH = /^\/(articles|quotes|sources)(\/|$)/;
// Set on a request that has had its turn, so a route's copy does not queue it twice.
const QUEUED = 'newsroomReadQueue';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const queued = apiReads(strapi, QUEUED_PATH);
  return async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.state[QUEUED] || !queued(ctx)) return next();
    ctx.state[QUEUED] = true;
    await getService('readQueue', { strapi }).inTurn(ctx, next);
  };
};
