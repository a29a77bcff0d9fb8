// Loads published articles for the feeds in a fixed number of queries, whatever the item count.
import type { Core, Modules } from '@strapi/strapi';
import type { FeedArticle } from '#core/feeds';
import { ARTICLE } from '../constants';

const QUERY = {
  status: 'published',
  fields: ['title', 'slug', 'body', 'lang', 'dir', 'dateline', 'dispatchDate', 'publishedAt', 'updatedAt'],
  populate: {
    credits: { populate: { source: { fields: ['name', 'nameLatin', 'slug', 'url', 'kind'] } } },
    quotes: { fields: ['text', 'speaker', 'speakerRole', 'position'], sort: ['position:asc'] },
  },
} satisfies Modules.Documents.ServiceParams<typeof ARTICLE>['findMany'];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async newest(limit: number): Promise<FeedArticle[]> {
    return (await strapi.documents(ARTICLE).findMany({
      ...QUERY,
      sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
      limit,
    })) as unknown as FeedArticle[];
  },

  async bySlug(slug: string): Promise<FeedArticle | undefined> {
    const found = await strapi.documents(ARTICLE).findFirst({ ...QUERY, filters: { slug } });
    return (found as unknown as FeedArticle) ?? undefined;
  },
});
