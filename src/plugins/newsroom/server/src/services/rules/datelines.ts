// After an Article write: the dateline of every version follows its credits and date, and a
// published Article credits every required agency and describes its picture.
import type { Core } from '@strapi/strapi';
import { formatDateline, type CreditedSource } from '#core/dateline';
import { missingAgencies } from '#core/attribution';
import { assertAttribution, assertPictureDescribed, assertTitled } from '#core/rules';
import { ARTICLE } from '../../constants';
import { newsroomConfig } from '../../utils';
import { requiredAgencyNames } from './related';
import type { Data } from './types';

interface ArticleRow extends Data {
  id: number;
  publishedAt: string | null;
  dispatchDate: string | null;
  city?: string | null;
  dateline: string | null;
  credits: CreditedSource[];
}

interface PictureRow {
  id: number;
  picture?: { image?: unknown; alt?: string | null } | null;
}

const withCredits = { credits: { populate: { source: true } } };

// The dateline of every version follows its credits and date, whoever wrote what.
export async function refreshDatelines(strapi: Core.Strapi, documentId: string, result?: Data): Promise<ArticleRow[]> {
  const rows: ArticleRow[] = await strapi.db.query(ARTICLE).findMany({ where: { documentId }, populate: withCredits });
  const returned = [result, ...((result?.entries as Data[] | undefined) ?? [])].filter(Boolean) as Data[];
  // Versions whose dateline is stale, grouped by the dateline they should carry: the draft and the
  // published version usually agree, so a create or an update is one statement.
  const stale = new Map<string | null, number[]>();
  for (const row of rows) {
    const dateline = formatDateline(row.credits ?? [], row.dispatchDate, row.city);
    if (row.dateline !== dateline) stale.set(dateline, [...(stale.get(dateline) ?? []), row.id]);
    for (const entry of returned) if (entry.id === row.id) entry.dateline = dateline;
  }
  for (const [dateline, ids] of stale) {
    await strapi.db
      .query(ARTICLE)
      .updateMany({ where: { id: { $in: ids } }, data: { dateline, updatedAt: new Date() } });
  }
  return rows;
}

// After the write: regenerate the dateline on every version and hold the attribution rule.
export async function settleArticle(strapi: Core.Strapi, documentId: string, action: string, result: Data | undefined) {
  const config = newsroomConfig(strapi);
  const rows = await refreshDatelines(strapi, documentId, result);
  // Once published, every version must credit the agencies: a draft may not drop one either.
  const publishedRows = rows.filter((row) => row.publishedAt);
  const mustBeComplete = publishedRows.length === 0 ? [] : action === 'publish' ? publishedRows : rows;
  if (mustBeComplete.length === 0) return;
  // The agencies' names only word a refusal: read them only when a credit is missing.
  const incomplete = mustBeComplete.some(
    (row) => missingAgencies(row.credits ?? [], config.requiredAgencies).length > 0,
  );
  const known = incomplete ? await requiredAgencyNames(strapi) : [];
  for (const row of mustBeComplete) {
    assertTitled(row.title);
    assertAttribution(row.credits ?? [], config, known);
  }
  // The pictures, read only for the versions the rule holds (a draft's write reads none).
  const pictures: PictureRow[] = await strapi.db.query(ARTICLE).findMany({
    where: { id: { $in: mustBeComplete.map((row) => row.id) } },
    select: ['id'],
    populate: { picture: { populate: { image: { select: ['id'] } } } },
  });
  for (const row of pictures) assertPictureDescribed(row.picture);
}
