// Documents that hang on another: the Articles that credit a Source, the Quotes of an Article, and
// the Sources a refusal names.
import type { Core } from '@strapi/strapi';
import type { AgencyNames } from '#core/attribution';
import { ARTICLE, QUOTE, SOURCE } from '../../constants';
import { refuse } from '#core/rules/violation';
import { newsroomConfig } from '../../utils';

export async function articlesCrediting(strapi: Core.Strapi, sourceDocumentId: string): Promise<string[]> {
  const rows = await strapi.db.query(ARTICLE).findMany({
    select: ['documentId'],
    where: { credits: { source: { documentId: sourceDocumentId } } },
  });
  return [...new Set(rows.map((row: { documentId: string }) => row.documentId))];
}

// An Article's Quotes go with it: a quotation is part of the story it was reported in.
export async function quotesOf(strapi: Core.Strapi, articleDocumentId: string): Promise<string[]> {
  const rows = await strapi.db.query(QUOTE).findMany({
    select: ['documentId'],
    where: { article: { documentId: articleDocumentId } },
  });
  return [...new Set(rows.map((row: { documentId: string }) => row.documentId))];
}

/** The names of the agencies every published Article must credit, to word a refusal with. */
export async function requiredAgencyNames(strapi: Core.Strapi): Promise<AgencyNames[]> {
  return strapi.db.query(SOURCE).findMany({
    select: ['slug', 'name', 'nameLatin'],
    where: { slug: { $in: newsroomConfig(strapi).requiredAgencies } },
  });
}

/**
 * A published Quote belongs to a published story: a Quote whose draft names an Article that has no
 * published version (never published, or unpublished) may not be published, or its published
 * version, linked to nothing, would read as a quotation of no story and reach the public.
 */
export async function assertQuoteOfPublishedStory(strapi: Core.Strapi, quoteDocumentId: string): Promise<void> {
  const rows: Array<{ publishedAt: unknown; article?: { documentId: string } | null }> = await strapi.db
    .query(QUOTE)
    .findMany({
      select: ['publishedAt'],
      where: { documentId: quoteDocumentId },
      populate: { article: { select: ['documentId'] } },
    });
  const draft = rows.find((row) => !row.publishedAt);
  const published = rows.find((row) => row.publishedAt);
  if (!published || !draft?.article || published.article) return;
  refuse(
    'article',
    'quote-of-unpublished-article',
    'this quotation belongs to an article that is not published: publish the article first.',
    'هذا الاقتباس من مقال غير منشور: انشر المقال أولًا.',
  );
}
