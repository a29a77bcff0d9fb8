// GET /api/articles/:documentId/jsonld: the schema.org NewsArticle of a story the public may read
// (core/feeds/news-article-jsonld.ts builds it), a 404 for any other, as for a missing one.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { renderNewsArticleJsonLd, toFeedItem, type FeedSettings } from '#core/feeds';
import { publicBaseUrl, type PublicServerConfig } from '#core/feeds/public-url';
import { getService, newsroomConfig } from '../utils';

export const JSON_LD_TYPE = 'application/ld+json; charset=utf-8';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const baseUrl = publicBaseUrl(strapi.config.get('server') as PublicServerConfig);
  return {
    async findOne(ctx: Context) {
      const { feed, articleUrl } = newsroomConfig(strapi);
      const settings = { ...feed, articleUrl, baseUrl, selfUrl: `${baseUrl}${ctx.path}` } as FeedSettings;
      await getService('readQueue', { strapi }).inTurn(ctx, async () => {
        const now = new Date();
        const lifecycle = getService('lifecycle', { strapi });
        // The public page's metadata: what the public reads, whoever asks.
        const article = await getService('syndication', { strapi }).byDocumentId(
          String(ctx.params.documentId),
          now,
          'public',
        );
        const document =
          article && renderNewsArticleJsonLd(toFeedItem(article, settings, now, lifecycle.options()), settings);
        if (!document) {
          return ctx.notFound(
            `No public story has the documentId "${ctx.params.documentId}" — لا يوجد خبر منشور بهذا المعرّف`,
          );
        }
        ctx.type = JSON_LD_TYPE;
        ctx.body = document;
      });
    },
  };
};
