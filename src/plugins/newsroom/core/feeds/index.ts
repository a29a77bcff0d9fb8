// The syndication formats of the public contract, and what each answers with.
import { renderAtom } from './atom';
import { renderJsonFeed } from './json-feed';
import { renderNinjsList } from './ninjs';
import { renderRss } from './rss';
import type { FeedItem, FeedSettings } from './item';

export const FEED_FORMATS: Record<
  string,
  { type: string; render: (items: FeedItem[], settings: FeedSettings) => string }
> = {
  rss: { type: 'application/rss+xml; charset=utf-8', render: renderRss },
  atom: { type: 'application/atom+xml; charset=utf-8', render: renderAtom },
  json: { type: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
  ninjs: { type: 'application/json; charset=utf-8', render: renderNinjsList },
};

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** `?limit=N`: absent → 20; a whole number from 1 to 100; anything else is refused. */
export function parseLimit(raw: unknown): { limit: number; error?: undefined } | { limit?: undefined; error: string } {
  if (raw === undefined) return { limit: DEFAULT_LIMIT };
  if (typeof raw !== 'string' || !/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_LIMIT) {
    return {
      error: `limit must be a whole number from 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}) — يجب أن يكون الحد عددًا صحيحًا من 1 إلى ${MAX_LIMIT}`,
    };
  }
  return { limit: Number(raw) };
}

/** `?subject=SLUG`: absent → every story; a subject's slug (ASCII, as `/api/subjects` gives it); anything else is refused. */
export function parseSubject(
  raw: unknown,
): { subject: string | undefined; error?: undefined } | { subject?: undefined; error: string } {
  if (raw === undefined) return { subject: undefined };
  if (typeof raw !== 'string' || raw.length > 80 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw)) {
    return {
      error:
        'subject must be one subject\'s slug, such as "politics" (see /api/subjects) — يجب أن يكون الموضوع معرّف موضوع واحد مثل "politics" (انظر /api/subjects)',
    };
  }
  return { subject: raw };
}

export { toFeedItem, newestUpdate } from './item';
export { renderNinjsItem } from './ninjs';
export { renderNewsArticleJsonLd, toNewsArticleJsonLd } from './news-article-jsonld';
export type { FeedArticle, FeedItem, FeedPicture, FeedSettings, FeedSubject } from './item';
