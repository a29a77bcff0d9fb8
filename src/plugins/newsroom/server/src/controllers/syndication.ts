// Thin feed controller: validate ?limit, answer conditional requests from the content version and
// the lifecycle's change window, otherwise render with the pure serialisers at this instant.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { FEED_FORMATS, parseLimit, parseSubject, renderNinjsItem, toFeedItem, type FeedSettings } from '#core/feeds';
import { notModified } from '#core/http/conditional';
import { getService, newsroomConfig } from '../utils';
import type { Audience } from '#core/lifecycle';
import { publicBaseUrl, type PublicServerConfig } from '#core/feeds/public-url';

// Bumped when the feed output changes shape, so caches do not keep the old one.
const FORMAT_REVISION = '3';
const MAX_AGE = 60;

// Shared caches keep a public answer a minute at most, and never past the instant it stops being
// true (an embargo lifting); an embargo partner's answer is its own.
function cacheControl(audience: Audience, nextChangeAt: string | null): string {
  if (audience !== 'public') return 'private, no-store';
  const left = nextChangeAt ? Math.floor((Date.parse(nextChangeAt) - Date.now()) / 1000) : MAX_AGE;
  const maxAge = Math.max(0, Math.min(MAX_AGE, left));
  return maxAge < MAX_AGE
    ? `public, max-age=${maxAge}, s-maxage=${maxAge}`
    : `public, max-age=${MAX_AGE}, s-maxage=${MAX_AGE}, stale-while-revalidate=300`;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('syndication', { strapi });
  const lifecycle = () => getService('lifecycle', { strapi });
  const inTurn = (ctx: Context, work: () => Promise<void>) => getService('readQueue', { strapi }).inTurn(ctx, work);

  // Links name the configured public address, never the request's Host header: a forged Host would
  // otherwise put another site's links into a publicly cached feed. Production requires PUBLIC_URL.
  const baseUrl = publicBaseUrl(strapi.config.get('server') as PublicServerConfig);

  function settings(ctx: Context): FeedSettings {
    const { feed, articleUrl } = newsroomConfig(strapi);
    // The feed's own address with the parameters that chose it (validated before this is called).
    const chosen = new URLSearchParams();
    for (const name of ['limit', 'subject']) if (typeof ctx.query[name] === 'string') chosen.set(name, ctx.query[name]);
    const query = chosen.toString();
    return {
      ...feed,
      articleUrl,
      baseUrl,
      selfUrl: `${baseUrl}${ctx.path}${query ? `?${query}` : ''}`,
    } as FeedSettings;
  }

  // Sets ETag, Last-Modified and Cache-Control; true when the client's copy is still fresh. The
  // answer changes with the content version, with no write when an embargo lifts or a kill notice
  // ends (the lifecycle's change window), and with the reader (an embargo partner sees more).
  async function conditional(ctx: Context, variant: string, feed: FeedSettings, audience: Audience): Promise<boolean> {
    const version = await getService('contentVersion', { strapi }).read();
    const window = await getService('lifecycle', { strapi }).changeWindow(version);
    const tag = createHash('sha1')
      .update(
        [
          FORMAT_REVISION,
          version.tag,
          window.nextChangeAt ?? '',
          audience,
          variant,
          feed.baseUrl,
          feed.articleUrl ?? '',
        ].join('|'),
      )
      .digest('base64url');
    const changed = Math.max(Date.parse(version.at), window.lastChangeAt ? Date.parse(window.lastChangeAt) : 0);
    const lastModified = new Date(changed).toUTCString();
    ctx.set('ETag', `"${tag}"`);
    ctx.set('Last-Modified', lastModified);
    ctx.set('Cache-Control', cacheControl(audience, window.nextChangeAt));
    ctx.vary('Accept-Encoding'); // added to, not replacing, the Vary: Origin that CORS set
    ctx.status = 200;
    // RFC 9110 §13: If-None-Match first, the request's Cache-Control never consulted (Koa's
    // ctx.fresh answers 200 to a revalidation that says no-cache).
    const request = {
      method: ctx.method,
      ifNoneMatch: ctx.get('If-None-Match') || undefined,
      ifModifiedSince: ctx.get('If-Modified-Since') || undefined,
    };
    if (!notModified(request, { etag: `"${tag}"`, lastModified })) return false;
    ctx.status = 304;
    ctx.body = null;
    return true;
  }

  const serveFeed = (format: keyof typeof FEED_FORMATS) => async (ctx: Context) => {
    const { limit, error } = parseLimit(ctx.query.limit);
    if (error !== undefined) return ctx.badRequest(error, { field: 'limit', rule: 'limit-range' });
    const asked = parseSubject(ctx.query.subject);
    if (asked.error !== undefined) return ctx.badRequest(asked.error, { field: 'subject', rule: 'subject-slug' });
    const { subject } = asked;
    const feed = settings(ctx);
    const { type, render } = FEED_FORMATS[format];
    const audience = await lifecycle().audienceOf(ctx);
    if (await conditional(ctx, `${format}:${limit}:${subject ?? ''}`, feed, audience)) return;
    await inTurn(ctx, async () => {
      if (subject && !(await service().subjectExists(subject))) {
        ctx.remove('ETag');
        ctx.remove('Last-Modified');
        // A subject may be added a moment later: a 404 must not be cached in front of it.
        ctx.set('Cache-Control', 'no-store');
        return ctx.notFound(`No subject has the slug "${subject}" — لا يوجد موضوع بهذا المعرّف`, {
          field: 'subject',
        });
      }
      const now = new Date();
      const articles = await service().newest(limit, now, audience, subject);
      const options = lifecycle().options(audience);
      ctx.type = type;
      ctx.body = render(
        articles.map((article) => toFeedItem(article, feed, now, options)),
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
      const audience = await lifecycle().audienceOf(ctx);
      if (await conditional(ctx, `ninjs-item:${ctx.params.slug}`, feed, audience)) return;
      await inTurn(ctx, async () => {
        const now = new Date();
        const article = await service().bySlug(String(ctx.params.slug), now, audience);
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
        ctx.body = renderNinjsItem(toFeedItem(article, feed, now, lifecycle().options(audience)), feed);
      });
    },
  };
};
