// The newsroom desk on the admin's home page: drafts held back by a missing agency credit (with
// the rule and its message in both languages), the latest dispatches the importer brought in, and
// the quotations whose speaker an editor must confirm (needsReview); each admin sees only the
// articles and quotations that admin may open (the adminReads service); and the story lifecycle:
// embargoed stories with their time, stories killed within the kill notice, corrections issued today.
import path from 'path';
import type { Core } from '@strapi/strapi';
import { missingAgencies } from '#core/attribution';
import { assertAttribution, RuleViolation } from '#core/rules';
import type { CreditedSource } from '#core/dateline';
import type { Desk, HeldDraft, LifecycleRow, QuoteForReview, RecentImport } from '#shared/contracts/desk';
import { ARTICLE, PLUGIN, QUOTE } from '../constants';
import { getService, newsroomConfig } from '../utils';
import { latestStoredObjects } from '../utils/strapi-internals/core-store-row';
import type { AdminAbility } from './admin-reads';
import { IMPORT_MARKER, type ImportMarker } from './importer';
import { requiredAgencyNames } from './rules/related';

// Enough for a desk: more is a list view's job (the drafts' list filters by status).
const LIMIT = 10;
// Drafts read to find the held ones, newest first.
const DRAFTS_SCANNED = 500;
// Quotations to review read before the reader's permissions filter them, newest first.
const QUOTES_SCANNED = 500;
// How much of a quotation the desk shows: enough to recognise it.
const TEXT_START = 120;

interface ArticleRow {
  documentId: string;
  title: string | null;
  updatedAt: string;
  publishedAt: string | null;
  credits?: CreditedSource[];
}

/** Drafts never published whose credits miss a required agency: publishing them would be refused. */
async function heldDrafts(strapi: Core.Strapi, ability: AdminAbility): Promise<Desk['held']> {
  const config = newsroomConfig(strapi);
  const drafts: ArticleRow[] = await strapi.db.query(ARTICLE).findMany({
    select: ['documentId', 'title', 'updatedAt', 'publishedAt'],
    where: { publishedAt: null },
    populate: { credits: { populate: { source: { select: ['slug'] } } } },
    orderBy: { updatedAt: 'desc' },
    limit: DRAFTS_SCANNED,
  });
  const ids = drafts.map((row) => row.documentId);
  const published = new Set(
    ids.length === 0
      ? []
      : (
          await strapi.db.query(ARTICLE).findMany({
            select: ['documentId'],
            where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
          })
        ).map((row: { documentId: string }) => row.documentId),
  );
  const readable = await getService('adminReads', { strapi }).readableDocumentIds(ability, ARTICLE, ids);
  const held = drafts
    .filter((row) => !published.has(row.documentId) && readable.has(row.documentId))
    .map((row) => ({ row, missing: missingAgencies(row.credits ?? [], config.requiredAgencies) }))
    .filter(({ missing }) => missing.length > 0);
  // The agencies' names only word the messages: read them only when a draft is held.
  const known = held.length > 0 ? await requiredAgencyNames(strapi) : [];
  const items = held.slice(0, LIMIT).map(({ row, missing }): HeldDraft => {
    const refusal = refusalOf(row.credits ?? [], config, known);
    return {
      documentId: row.documentId,
      title: row.title,
      updatedAt: row.updatedAt,
      rule: refusal.violations[0].rule,
      missing,
      messages: { en: refusal.messageIn('en'), ar: refusal.messageIn('ar') },
    };
  });
  return { total: held.length, items };
}

// The refusal that publishing would meet, worded by the rule itself.
function refusalOf(
  credits: CreditedSource[],
  config: Parameters<typeof assertAttribution>[1],
  known: Parameters<typeof assertAttribution>[2],
): RuleViolation {
  try {
    assertAttribution(credits, config, known);
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('a held draft passed the attribution rule');
}

/** The latest dispatches the importer (or the seed) created, with their articles' state now. */
async function recentImports(strapi: Core.Strapi, ability: AdminAbility): Promise<RecentImport[]> {
  const markers = await latestStoredObjects<ImportMarker>(
    strapi,
    { type: 'plugin', name: PLUGIN, key: IMPORT_MARKER },
    LIMIT,
  );
  const ids = markers.map((marker) => marker.article).filter(Boolean);
  const rows: ArticleRow[] =
    ids.length === 0
      ? []
      : await strapi.db.query(ARTICLE).findMany({
          select: ['documentId', 'title', 'updatedAt', 'publishedAt'],
          where: { documentId: { $in: ids } },
        });
  const readable = await getService('adminReads', { strapi }).readableDocumentIds(ability, ARTICLE, ids);
  // A deleted article shows only its file name, which the importer's operator chose.
  const shown = markers.filter(
    (marker) => readable.has(marker.article) || !rows.some((row) => row.documentId === marker.article),
  );
  return shown.map((marker) => {
    const versions = rows.filter((row) => row.documentId === marker.article);
    return {
      documentId: marker.article,
      title: versions[0]?.title ?? null,
      file: path.basename(marker.file ?? ''),
      at: marker.at,
      status: versions.length === 0 ? 'deleted' : versions.some((row) => row.publishedAt) ? 'published' : 'draft',
    };
  });
}

/** The start of a quotation, cut at the last whole word. */
export function textStart(text: string, length = TEXT_START): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

interface QuoteRow {
  documentId: string;
  speaker: string | null;
  text: string | null;
  updatedAt: string;
  article?: { documentId: string; title: string | null } | null;
}

/**
 * Quotations whose speaker an editor must confirm: the draft of each (what the Content Manager
 * opens and saves), the flag cleared by an editor's save. Only the quotations this admin may open;
 * their article named only when the admin may open it too.
 */
async function quotesForReview(strapi: Core.Strapi, ability: AdminAbility): Promise<Desk['review']> {
  const rows: QuoteRow[] = await strapi.db.query(QUOTE).findMany({
    select: ['documentId', 'speaker', 'text', 'updatedAt'],
    where: { publishedAt: null, needsReview: true },
    populate: { article: { select: ['documentId', 'title'] } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    limit: QUOTES_SCANNED,
  });
  const adminReads = getService('adminReads', { strapi });
  const readable = await adminReads.readableDocumentIds(
    ability,
    QUOTE,
    rows.map((row) => row.documentId),
  );
  const shown = rows.filter((row) => readable.has(row.documentId));
  const articleIds = [
    ...new Set(shown.slice(0, LIMIT).flatMap((row) => (row.article ? [row.article.documentId] : []))),
  ];
  const readableArticles = await adminReads.readableDocumentIds(ability, ARTICLE, articleIds);
  const items = shown.slice(0, LIMIT).map(
    (row): QuoteForReview => ({
      documentId: row.documentId,
      speaker: row.speaker,
      textStart: textStart(row.text ?? ''),
      article:
        row.article && readableArticles.has(row.article.documentId)
          ? { documentId: row.article.documentId, title: row.article.title }
          : null,
      updatedAt: row.updatedAt,
    }),
  );
  return { total: shown.length, items };
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface PublishedRow {
  documentId: string;
  title: string | null;
  embargoedUntil?: string | Date | null;
  killedAt?: string | Date | null;
  ednote?: string | null;
  corrections?: Array<{ at: string | Date; note: string }>;
}

const iso = (value: string | Date) => new Date(value).toISOString();

/** The lifecycle rows of the published stories this admin may open. */
async function lifecycleRows(
  strapi: Core.Strapi,
  ability: AdminAbility,
  now = new Date(),
): Promise<Pick<Desk, 'embargoed' | 'killed' | 'corrected'>> {
  const published = { publishedAt: { $notNull: true } };
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const noticeFrom = new Date(now.getTime() - newsroomConfig(strapi).killNoticeDays * DAY_MS);
  const [embargoed, killed, corrected]: PublishedRow[][] = await Promise.all([
    strapi.db.query(ARTICLE).findMany({
      select: ['documentId', 'title', 'embargoedUntil'],
      where: {
        ...published,
        embargoedUntil: { $gt: now },
        $or: [{ pubStatus: { $null: true } }, { pubStatus: { $ne: 'canceled' } }],
      },
      orderBy: { embargoedUntil: 'asc' },
      limit: LIMIT,
    }),
    strapi.db.query(ARTICLE).findMany({
      select: ['documentId', 'title', 'killedAt', 'ednote'],
      where: { ...published, pubStatus: 'canceled', killedAt: { $gte: noticeFrom } },
      orderBy: { killedAt: 'desc' },
      limit: LIMIT,
    }),
    // A correction is a published write: its story was written today.
    strapi.db.query(ARTICLE).findMany({
      select: ['documentId', 'title'],
      where: { ...published, updatedAt: { $gte: today } },
      populate: { corrections: true },
      orderBy: { updatedAt: 'desc' },
      limit: DRAFTS_SCANNED,
    }),
  ]);
  const ids = [...embargoed, ...killed, ...corrected].map((row) => row.documentId);
  const readable = await getService('adminReads', { strapi }).readableDocumentIds(ability, ARTICLE, ids);
  const shown = (rows: PublishedRow[]) => rows.filter((row) => readable.has(row.documentId));
  const corrections = shown(corrected)
    .flatMap((row) =>
      (row.corrections ?? [])
        .filter((correction) => new Date(correction.at).getTime() >= today.getTime())
        .map(
          (correction): LifecycleRow => ({
            documentId: row.documentId,
            title: row.title,
            at: iso(correction.at),
            note: correction.note,
          }),
        ),
    )
    .sort((a, b) => b.at.localeCompare(a.at));
  return {
    embargoed: shown(embargoed).map((row) => ({
      documentId: row.documentId,
      title: row.title,
      at: iso(row.embargoedUntil as string),
    })),
    killed: shown(killed).map((row) => ({
      documentId: row.documentId,
      title: row.title,
      at: iso(row.killedAt as string),
      note: row.ednote ?? null,
    })),
    corrected: corrections.slice(0, LIMIT),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** What the desk shows this admin. */
  async show(ability: AdminAbility): Promise<Desk> {
    const [held, imports, review, lifecycle] = await Promise.all([
      heldDrafts(strapi, ability),
      recentImports(strapi, ability),
      quotesForReview(strapi, ability),
      lifecycleRows(strapi, ability),
    ]);
    return { held, imports, review, ...lifecycle };
  },
});
