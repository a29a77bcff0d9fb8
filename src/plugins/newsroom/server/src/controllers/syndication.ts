// Thin feed controller: validate ?limit, answer conditional requests from the content version,
// otherwise render with the pure serialisers.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { FEED_FORMATS, parseLimit, renderNinjsItem, toFeedItem, type FeedSettings } from '#core/feeds';
import { notModified } from '#core/http/conditional';
import { getService, newsroomConfig } from '../utils';
import { publicBaseUrl, type PublicServerConfig } from '#core/feeds/public-url';

// Bumped when the feed output changes shape, so caches do not keep the old one.
const FORMAT_REVISION = '1';
const CACHE_CONTROL = 'public, max-age=60, s-maxage=60, stale-while-revalidate=300';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('syndication', { strapi });
  const inTurn = (ctx: Context, work: () => Promise<void>) => getService('readQueue', { strapi }).inTurn(ctx, work);

  // Links name the configured public address, never the request's Host header: a forged Host would
  // otherwise put another site's links into a publicly cached feed. Production requires PUBLIC_URL.
  const baseUrl = publicBaseUrl(strapi.config.get('server') as PublicServerConfig);

  function settings(ctx: Context): FeedSettings {
    return { ...newsroomConfig(strapi).feed, baseUrl, selfUrl: `${baseUrl}${ctx.path}` } as FeedSettings;
  }

  // Sets ETag, Last-Modified and Cache-Control; true when the client's copy is still fresh.
  async function conditional(ctx: Context, variant: string, feed: FeedSettings): Promise<boolean> {
    const version = await getService('contentVersion', { strapi }).read();
    const tag = createHash('sha1')
      .update([FORMAT_REVISION, version.tag, variant, feed.baseUrl].join('|'))
      .digest('base64url');
    ctx.set('ETag', `"${tag}"`);
    ctx.set('Last-Modified', new Date(version.at).toUTCString());
    ctx.set('Cache-Control', CACHE_CONTROL);
    ctx.vary('Accept-Encoding'); // added to, not replacing, the Vary: Origin that CORS set
    ctx.status = 200;
    // RFC 9110 §13: If-None-Match first, the request's Cache-Control never consulted (Koa's
    // ctx.fresh answers 200 to a revalidation that says no-cache).
    const request = {
      method: ctx.method,
      ifNoneMatch: ctx.get('If-None-Match') || undefined,
      ifModifiedSince: ctx.get('If-Modified-Since') || undefined,
    };
    if (!notModified(request, { etag: `"${tag}"`, lastModified: new Date(version.at).toUTCString() })) return false;
    ctx.status = 304;
    ctx.body = null;
    return true;
  }

  const serveFeed = (format: keyof typeof FEED_FORMATS) => async (ctx: Context) => {
    const { limit, error } = parseLimit(ctx.query.limit);
    if (error !== undefined) return ctx.badRequest(error, { field: 'limit', rule: 'limit-range' });
    const feed = settings(ctx);
    const { type, render } = FEED_FORMATS[format];
    if (await conditional(ctx, `${format}:${limit}`, feed)) return;
    await inTurn(ctx, async () => {
      const articles = await service().newest(limit);
      ctx.type = type;
      ctx.body = render(
        articles.map((article) => toFeedItem(article, feed)),
        feed,
      );
    });
  };

  return {
    rss: serveFeed('rss'),
    atom: serveFeed('atom'),
    json: serveFeed('json'),
    ninjs: serveFeed('ninjs'),
    async ninjsItem(ctx: Context) {
      const feed = settings(ctx);
      if (await conditional(ctx, `ninjs-item:${ctx.params.slug}`, feed)) return;
      await inTurn(ctx, async () => {
        const article = await service().bySlug(String(ctx.params.slug));
        if (!article) {
          ctx.remove('ETag');
          ctx.remove('Last-Modified');
          // A slug may be published a moment later: a 404 must not be cached in front of it.
          ctx.set('Cache-Control', 'no-store');
          return ctx.notFound(
            `No published article has the slug "${ctx.params.slug}" — لا يوجد مقال منشور بهذا المعرّف`,
          );
        }
        ctx.type = FEED_FORMATS.ninjs.type;
        ctx.body = renderNinjsItem(toFeedItem(article, feed), feed);
      });
    },
  };
};
