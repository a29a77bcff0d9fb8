// On the plugin's own read routes (routes/index.ts), so a host gets it with no configuration; a
// host may also list it as a global middleware (before the read queue), where a hit skips Strapi's
// other global middlewares too, and the route's copy then lets the request pass. Anonymous
// GET/HEAD of the content API's articles, quotes and sources and of every feed are answered from
// the instance's response cache while the content version is unchanged (a hit never waits in the
// read queue), compressed by Accept-Encoding, and revalidated per RFC 9110 (a 304 also under
// Cache-Control: no-cache), until the story lifecycle's next change. Requests with credentials, or with a header that makes Strapi render
// another answer, pass through untouched and are never stored.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { cacheKey, shapesAnswer } from '#core/cache/cache-key';
import { chooseCoding, type Coding } from '#core/http/accept-encoding';
import { notModified } from '#core/http/conditional';
import { publicBaseUrl, type PublicServerConfig } from '#core/feeds/public-url';
import { PLUGIN } from '../constants';
import type { CachedResponse, CacheEntry } from '../services/response-cache';
import { getService } from '../utils';
import { apiReads } from '../utils/api-reads';

const CACHED_PATH = /^\/(articles|quotes|sources|syndication|search)(\/|$)/;
// Set on a request the cache has looked at, so a route's copy does not look again.
const SEEN = 'newsroomResponseCache';

function bodyBytes(body: unknown): Buffer | undefined {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe !== 'function')
    return Buffer.from(JSON.stringify(body));
  return undefined;
}

function send(ctx: Context, entry: CacheEntry, outcome: 'HIT' | 'MISS', onNotModified: () => void): void {
  const offered = (['br', 'gzip'] as Coding[]).filter((coding) => entry.representations[coding]);
  const coding = chooseCoding(ctx.get('Accept-Encoding') || undefined, offered);
  const representation = entry.representations[coding] ?? entry.representations.identity;
  if (!representation) return;
  ctx.vary('Accept-Encoding');
  ctx.set('ETag', representation.etag);
  ctx.set('Last-Modified', entry.lastModified);
  if (entry.cacheControl) ctx.set('Cache-Control', entry.cacheControl);
  ctx.set('X-Cache', outcome);
  const request = {
    method: ctx.method,
    ifNoneMatch: ctx.get('If-None-Match') || undefined,
    ifModifiedSince: ctx.get('If-Modified-Since') || undefined,
  };
  if (notModified(request, { etag: representation.etag, lastModified: entry.lastModified })) {
    onNotModified();
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.type = entry.contentType;
  if (coding !== 'identity' && entry.representations[coding]) ctx.set('Content-Encoding', coding);
  else ctx.remove('Content-Encoding');
  ctx.body = representation.bytes;
}

// Keys by the raw request line, so a hit parses no query string; bounded, oldest out first.
const KEYS_REMEMBERED = 1024;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cacheable = apiReads(strapi, CACHED_PATH);
  const baseUrl = publicBaseUrl(strapi.config.get('server') as PublicServerConfig);
  const keys = new Map<string, string>();
  const keyOf = (ctx: Context): string => {
    // The links an answer writes: the public address, and the readers' pages when configured.
    const articleUrl = strapi.config.get(`plugin::${PLUGIN}.articleUrl`, null) as string | null;
    const request = articleUrl ? `${articleUrl} ${ctx.url}` : ctx.url;
    const remembered = keys.get(request);
    if (remembered !== undefined) return remembered;
    const links = articleUrl ? `${baseUrl} ${articleUrl}` : baseUrl;
    const key = cacheKey(ctx.path, ctx.query as Record<string, unknown>, links);
    if (keys.size >= KEYS_REMEMBERED) keys.delete(keys.keys().next().value as string);
    keys.set(request, key);
    return key;
  };
  return async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.state[SEEN] || !cacheable(ctx)) return next();
    ctx.state[SEEN] = true;
    // Read per request: an operator's change applies at once.
    const maxBytes = Number(strapi.config.get(`plugin::${PLUGIN}.responseCache.maxBytes`, 0));
    const cache = maxBytes > 0 ? getService('responseCache', { strapi }).cache(maxBytes) : undefined;
    if (!cache) return next();
    // Credentials, or a header that makes Strapi render another answer (core/cache/cache-key.ts).
    if (ctx.get('Authorization') || ctx.get('Cookie') || shapesAnswer(ctx.headers)) {
      cache.stats.bypasses += 1;
      return next();
    }
    // Read after the request arrived: a write committed before it is always seen.
    const content = await getService('contentVersion', { strapi }).read();
    // An answer is true for one content version until the lifecycle's next change (an embargo
    // lifting, a kill notice ending), which no write announces: both name the entry's version.
    const window = await getService('lifecycle', { strapi }).changeWindow(content);
    const version = {
      tag: window.nextChangeAt ? `${content.tag}|${window.nextChangeAt}` : content.tag,
      at: new Date(
        Math.max(Date.parse(content.at), window.lastChangeAt ? Date.parse(window.lastChangeAt) : 0),
      ).toISOString(),
      expiresAt: window.nextChangeAt ?? undefined,
    };
    const key = keyOf(ctx);
    const cached = cache.lru.get(key);
    if (cached && cached.version === version.tag) {
      cache.stats.hits += 1;
      send(ctx, cached, 'HIT', () => (cache.stats.notModified += 1));
      return;
    }
    if (cached) cache.lru.delete(key);
    cache.stats.misses += 1;
    const render = async (): Promise<CachedResponse> => {
      cache.stats.renders += 1;
      await next();
      const bytes = ctx.status === 200 ? bodyBytes(ctx.body) : undefined;
      if (!bytes) return { status: ctx.status };
      const entry = await cache.store(
        key,
        {
          version: version.tag,
          lastModified: new Date(version.at).toUTCString(),
          contentType: String(ctx.response.get('Content-Type') || 'application/json; charset=utf-8'),
          cacheControl: String(ctx.response.get('Cache-Control') || '') || undefined,
          expiresAt: version.expiresAt,
        },
        bytes,
      );
      return { status: 200, entry };
    };
    // Only requests that read the same version share a render.
    const result = await cache.flight.run(`${version.tag} ${key}`, render, (outcome) => outcome.entry !== undefined);
    if (result.entry) send(ctx, result.entry, 'MISS', () => (cache.stats.notModified += 1));
  };
};
