// Documents that hang on another: the Articles that credit a Source, the Quotes of an Article, and
// the Sources a refusal names.
import type { Core } from '@strapi/strapi';
import type { AgencyNames } from '#core/attribution';
import { ARTICLE, QUOTE, SOURCE } from '../../constants';
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
