// Loads the stories of the feeds in a fixed number of queries per page, whatever the item count:
// published stories the reader may read, and killed ones while their kill notice lasts
// (core/lifecycle's shownInFeeds decides; the query only narrows).
import { stat } from 'fs/promises';
import path from 'path';
import type { Core, Modules } from '@strapi/strapi';
import type { FeedArticle } from '#core/feeds';
import { publicState, readFilter, shownInFeeds, type Audience } from '#core/lifecycle';
import { ARTICLE, SUBJECT } from '../constants';
import { getService } from '../utils';

const DAY_MS = 24 * 60 * 60 * 1000;

const QUERY = {
  status: 'published',
  fields: [
    'title',
    'slug',
    'body',
    'lang',
    'dir',
    'dateline',
    'dispatchDate',
    'city',
    'publishedAt',
    'updatedAt',
    'firstPublishedAt',
    'version',
    'pubStatus',
    'embargoedUntil',
    'killedAt',
    'ednote',
  ],
  populate: {
    credits: {
      populate: {
        source: { fields: ['name', 'nameLatin', 'slug', 'url', 'kind', 'copyrightNotice', 'usageTerms'] },
      },
    },
    quotes: { fields: ['text', 'speaker', 'speakerRole', 'position'], sort: ['position:asc'] },
    corrections: true,
    updates: { fields: ['title'] },
    picture: { populate: { image: true } },
    subjects: { fields: ['code', 'name', 'nameLatin', 'slug'], sort: ['name:asc'] },
  },
} satisfies Modules.Documents.ServiceParams<typeof ARTICLE>['findMany'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const lifecycle = () => getService('lifecycle', { strapi });

  // What the reader reads, and the stories killed within the notice (the kill time, else the last write).
  function feedFilter(now: Date, audience: Audience) {
    const days = lifecycle().options().killNoticeDays ?? 0;
    const oldest = new Date(now.getTime() - days * DAY_MS).toISOString();
    return {
      $or: [
        readFilter(now, audience),
        {
          $and: [
            { pubStatus: { $eq: 'canceled' } },
            {
              $or: [
                { killedAt: { $gte: oldest } },
                { $and: [{ killedAt: { $null: true } }, { updatedAt: { $gte: oldest } }] },
              ],
            },
          ],
        },
      ],
    };
  }

  // The query of one read: the story an item updates is named only when the reader may read it (an
  // embargoed or killed earlier story lends no headline to the feeds).
  const queryFor = (now: Date, audience: Audience) =>
    ({
      ...QUERY,
      populate: {
        ...QUERY.populate,
        updates: { fields: ['title' as const], filters: readFilter(now, audience) as Record<string, unknown> },
      },
    }) as typeof QUERY;

  const shown = (article: FeedArticle, now: Date, audience: Audience) =>
    shownInFeeds(publicState(article, now, lifecycle().options(audience)), audience);

  // The exact length of a picture kept by the local upload provider (Strapi records kilobytes to two
  // decimals); a file elsewhere (a cloud provider) keeps Strapi's figure.
  const publicDir = () => strapi.dirs.static.public;
  async function withPictureBytes(articles: FeedArticle[]): Promise<FeedArticle[]> {
    for (const article of articles) {
      const image = article.picture?.image;
      if (!image?.url || !image.url.startsWith('/uploads/')) continue;
      const file = path.join(publicDir(), decodeURIComponent(image.url.split('?')[0]));
      if (!file.startsWith(path.join(publicDir(), 'uploads') + path.sep)) continue;
      try {
        image.bytes = (await stat(file)).size;
      } catch {
        // A file gone from disk: Strapi's figure stands.
      }
    }
    return articles;
  }

  return {
    /** Whether a subject has this slug. */
    async subjectExists(slug: string): Promise<boolean> {
      return (await strapi.db.query(SUBJECT).count({ where: { slug } })) > 0;
    },

    /**
     * The newest `limit` stories of the feeds for `audience` at `now`, newest publication first;
     * with `subject`, only the stories with that subject (its kill notices too).
     */
    async newest(limit: number, now: Date, audience: Audience, subject?: string): Promise<FeedArticle[]> {
      const filters = subject
        ? { $and: [feedFilter(now, audience), { subjects: { slug: { $eq: subject } } }] }
        : feedFilter(now, audience);
      const stories: FeedArticle[] = [];
      // The filter may let through a story that shownInFeeds leaves out (killed before its embargo
      // lifted): read on until the page is full.
      for (let start = 0; stories.length < limit; start += limit) {
        const page = (await strapi.documents(ARTICLE).findMany({
          ...queryFor(now, audience),
          filters,
          sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
          start,
          limit,
        })) as unknown as FeedArticle[];
        stories.push(...page.filter((article) => shown(article, now, audience)));
        if (page.length < limit) break;
      }
      return withPictureBytes(stories.slice(0, limit));
    },

    /** One story the reader may read (no kill notice: a killed story has no public page). */
    async byDocumentId(documentId: string, now: Date, audience: Audience): Promise<FeedArticle | undefined> {
      const found = (await strapi.documents(ARTICLE).findOne({
        ...queryFor(now, audience),
        documentId,
        filters: readFilter(now, audience),
      })) as unknown as FeedArticle | null;
      return found ? (await withPictureBytes([found]))[0] : undefined;
    },

    async bySlug(slug: string, now: Date, audience: Audience): Promise<FeedArticle | undefined> {
      const found = (await strapi.documents(ARTICLE).findFirst({
        ...queryFor(now, audience),
        filters: { $and: [{ slug }, feedFilter(now, audience)] },
      })) as unknown as FeedArticle | null;
      return found && shown(found, now, audience) ? (await withPictureBytes([found]))[0] : undefined;
    },
  };
};
