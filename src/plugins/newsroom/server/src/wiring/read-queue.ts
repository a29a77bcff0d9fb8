// The instance's fair read queue (see core/fair-queue.ts): the content API's reads and the
// feeds' full renders take their turn in it, each client in its own line; a conditional feed
// request that can be answered 304 never waits.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { FairQueue, isQueueFull } from '../../../core/fair-queue';
import { verifiedBearer } from './callers';
import { newsroomConfig } from './config';

export interface ReadQueueSettings {
  concurrency: number;
  maxWaiting: number;
  /** Unset: a quarter of maxWaiting, at least 4 (see fair-queue.ts). */
  maxWaitingPerClient?: number;
}

// Kept on a global symbol so every copy of this module (the compiled app's, a test's TypeScript
// import) finds the same queue for an instance.
type Registry = WeakMap<Core.Strapi, { key: string; queue: FairQueue }>;
const REGISTRY = Symbol.for('newsroom.read-queues');
const registry = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
const queues: Registry = (registry[REGISTRY] ??= new WeakMap());

// Settings are read on every request, so a changed setting applies to the requests after it.
export function readQueue(strapi: Core.Strapi): FairQueue {
  const { concurrency, maxWaiting, maxWaitingPerClient } = newsroomConfig(strapi).readQueue;
  const key = `${concurrency}/${maxWaiting}/${maxWaitingPerClient}`;
  const current = queues.get(strapi);
  if (current?.key === key) return current.queue;
  const queue = new FairQueue(concurrency, maxWaiting, maxWaitingPerClient ?? undefined);
  queues.set(strapi, { key, queue });
  return queue;
}

const yieldToIncoming = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Whose line a request waits in: the caller its bearer token proves (a forged token proves no
 * one), else its address (`ctx.ip`, which follows X-Forwarded-For only when Koa trusts the proxy).
 */
export async function clientKey(strapi: Core.Strapi, ctx: Context): Promise<string> {
  return (await verifiedBearer(strapi, String(ctx.get?.('Authorization') ?? ''))) ?? `ip:${ctx.ip ?? ''}`;
}

/**
 * Runs `work` in its turn. Before it starts, the event loop reads the requests that arrived
 * meanwhile, so they join the queue in arrival order. A full queue answers 503 with Retry-After.
 */
export async function inTurn(strapi: Core.Strapi, ctx: Context, work: () => Promise<void>): Promise<void> {
  try {
    await readQueue(strapi).run(await clientKey(strapi, ctx), async () => {
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
