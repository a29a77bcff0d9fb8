// The instance's fair read queue (see core/fair-queue.ts): the content API's reads and the
// feeds' full renders take their turn in it, each client in its own line; a conditional feed
// request that can be answered 304 never waits.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { FairQueue, isQueueFull } from '#core/fair-queue';
import { getService, newsroomConfig } from '../utils';

const yieldToIncoming = () => new Promise<void>((resolve) => setImmediate(resolve));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let current: { key: string; queue: FairQueue } | undefined;

  // Settings are read on every request, so a changed setting applies to the requests after it.
  function queue(): FairQueue {
    const { concurrency, maxWaiting, maxWaitingPerClient } = newsroomConfig(strapi).readQueue;
    const key = `${concurrency}/${maxWaiting}/${maxWaitingPerClient}`;
    if (current?.key === key) return current.queue;
    current = { key, queue: new FairQueue(concurrency, maxWaiting, maxWaitingPerClient ?? undefined) };
    return current.queue;
  }

  /**
   * Whose line a request waits in: the caller its bearer token proves (a forged token proves no
   * one), else its address (`ctx.ip`, which follows X-Forwarded-For only when Koa trusts the proxy).
   */
  async function clientKey(ctx: Context): Promise<string> {
    const bearer = await getService('callers', { strapi }).verifiedBearer(String(ctx.get?.('Authorization') ?? ''));
    return bearer ?? `ip:${ctx.ip ?? ''}`;
  }

  /**
   * Runs `work` in its turn. Before it starts, the event loop reads the requests that arrived
   * meanwhile, so they join the queue in arrival order. A full queue answers 503 with Retry-After.
   */
  async function inTurn(ctx: Context, work: () => Promise<void>): Promise<void> {
    try {
      await queue().run(await clientKey(ctx), async () => {
        await yieldToIncoming();
        await work();
      });
    } catch (error) {
      if (!isQueueFull(error)) throw error;
      // A feed has set its validators already: a refusal must not be cached or revalidated as one.
      ctx.remove('ETag');
      ctx.remove('Last-Modified');
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Retry-After', '1');
      ctx.status = 503;
      ctx.body = {
        data: null,
        error: { status: 503, name: 'ServiceUnavailableError', message: error.message, details: {} },
      };
    }
  }

  return { queue, clientKey, inTurn };
};
