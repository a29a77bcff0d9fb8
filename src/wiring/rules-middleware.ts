// Wires the pure newsroom rules into every write through the Document Service: REST, the admin
// Content Manager, importers and publish all pass here. Each write runs in one transaction, so a
// refusal leaves the database exactly as it was.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createHash } from 'crypto';
import { formatDateline, type CreditedSource } from '../newsroom/dateline';
import { missingAgencies } from '../newsroom/attribution';
import {
  assertAttribution,
  assertTitled,
  prepareArticle,
  prepareQuote,
  prepareSource,
  refuseDeletingCreditedSource,
  RuleViolation,
  type WriteContext,
} from '../newsroom/rules';
import { firstFreeSlug } from '../newsroom/slug';
import { ARTICLE, newsroomConfig, QUOTE, SOURCE } from './config';
import { touchContentVersion } from './content-version';

type Data = Record<string, unknown>;
type Params = Data & { documentId?: string; status?: string };
const PREPARE: Record<string, (data: Data, context: WriteContext) => Data> = {
  [ARTICLE]: prepareArticle,
  [QUOTE]: prepareQuote,
  [SOURCE]: prepareSource,
};
const SLUGGED = new Set([ARTICLE, SOURCE]);
// The stored fields the rules clean, re-checked on the draft when it is published.
const RULED_FIELDS: Record<string, string[]> = {
  [ARTICLE]: ['title', 'body', 'lang', 'dir', 'slug'],
  [QUOTE]: ['text', 'speaker', 'speakerRole', 'context', 'lang', 'dir'],
  [SOURCE]: ['name', 'nameLatin', 'url', 'lang', 'dir', 'slug'],
};

/** Every Document Service action that writes. A test enumerates Strapi's actions against it. */
export const WRITE_ACTIONS = ['create', 'clone', 'update', 'publish', 'unpublish', 'discardDraft', 'delete'];
/** The actions that only read, and so pass unruled. */
export const READ_ACTIONS = ['findMany', 'findFirst', 'findOne', 'count'];
const RULED_ACTIONS = new Set(WRITE_ACTIONS);

/** A Strapi error that the REST API and the admin show as a 400 (or 413) with our message. */
export function toStrapiError(violation: RuleViolation): Error {
  const details = {
    field: violation.violations[0].field,
    rule: violation.violations[0].rule,
    errors: violation.violations.map(({ field, rule, message }) => ({
      path: [field],
      message,
      name: 'ValidationError',
      rule,
    })),
  };
  if (violation.status === 413) return new errors.PayloadTooLargeError(violation.message, details);
  return new errors.ValidationError(violation.message, details);
}

const lockKey = (text: string) => createHash('sha256').update(text).digest().readInt32BE(0);

// Concurrent writers on PostgreSQL take turns per content type while they pick a slug.
async function lockSlugs(strapi: Core.Strapi, uid: string): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  await strapi.db.transaction(({ trx }) => trx.raw('select pg_advisory_xact_lock(?)', [lockKey(uid)]));
}

// Concurrent writes to one document on PostgreSQL take turns: Strapi replaces an entry's credits
// by reading, deleting and inserting component rows, and two interleaved updates leave orphaned
// rows behind (and each would check the rules against a state the other is changing).
async function lockDocument(strapi: Core.Strapi, uid: string, documentId: string | undefined): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres' || !documentId) return;
  await strapi.db.transaction(({ trx }) =>
    trx.raw('select pg_advisory_xact_lock(?, ?)', [lockKey(uid), lockKey(documentId)]),
  );
}

async function uniqueSlug(strapi: Core.Strapi, uid: string, base: string, documentId?: string): Promise<string> {
  await lockSlugs(strapi, uid);
  const rows = await strapi.db.query(uid as never).findMany({
    select: ['slug'],
    where: {
      $or: [{ slug: base }, { slug: { $startsWith: `${base}-` } }],
      ...(documentId ? { documentId: { $ne: documentId } } : {}),
    },
  });
  return firstFreeSlug(base, new Set(rows.map((row: { slug: string }) => row.slug)));
}

async function prepareWrite(strapi: Core.Strapi, uid: string, action: string, params: Params): Promise<void> {
  const config = newsroomConfig(strapi);
  const { documentId } = params;
  const versions = documentId ? await strapi.db.query(uid as never).findMany({ where: { documentId } }) : [];
  const existing = versions.find((row: Data) => row.publishedAt === null) ?? versions[0];
  // A clone is a new document: its slug is its own, whatever the original's state.
  const cloning = action === 'clone';
  const published = !cloning && versions.some((row: Data) => row.publishedAt !== null && row.publishedAt !== undefined);
  const data = PREPARE[uid]((params.data as Data) ?? {}, { existing, published, config });
  if (SLUGGED.has(uid) && typeof data.slug === 'string' && (cloning || data.slug !== existing?.slug)) {
    data.slug = await uniqueSlug(strapi, uid, data.slug, cloning ? undefined : documentId);
  }
  params.data = data;
}

// Publishing copies the stored draft, whoever wrote it: the rules run on it again first, and what
// they clean is written back to the draft before the copy.
async function reRuleDraft(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const versions: Data[] = await strapi.db.query(uid as never).findMany({ where: { documentId } });
  const draft = versions.find((row) => row.publishedAt === null);
  if (!draft) return;
  const stored = Object.fromEntries(RULED_FIELDS[uid].map((field) => [field, draft[field] ?? null]));
  const data = PREPARE[uid](stored, { published: false, config: newsroomConfig(strapi) });
  const changed = Object.fromEntries(
    Object.entries(data).filter(([field, value]) => field in stored && value !== undefined && value !== draft[field]),
  );
  if (typeof changed.slug === 'string') changed.slug = await uniqueSlug(strapi, uid, changed.slug, documentId);
  if (Object.keys(changed).length > 0) {
    await strapi.db.query(uid as never).update({ where: { id: draft.id }, data: changed });
  }
}

interface ArticleRow extends Data {
  id: number;
  publishedAt: string | null;
  dispatchDate: string | null;
  dateline: string | null;
  credits: CreditedSource[];
}

const withCredits = { credits: { populate: { source: true } } };

// The dateline of every version follows its credits and date, whoever wrote what.
async function refreshDatelines(strapi: Core.Strapi, documentId: string, result?: Data): Promise<ArticleRow[]> {
  const rows: ArticleRow[] = await strapi.db.query(ARTICLE).findMany({ where: { documentId }, populate: withCredits });
  const returned = [result, ...((result?.entries as Data[] | undefined) ?? [])].filter(Boolean) as Data[];
  // Versions whose dateline is stale, grouped by the dateline they should carry: the draft and the
  // published version usually agree, so a create or an update is one statement.
  const stale = new Map<string | null, number[]>();
  for (const row of rows) {
    const dateline = formatDateline(row.credits ?? [], row.dispatchDate);
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
async function settleArticle(strapi: Core.Strapi, documentId: string, action: string, result: Data | undefined) {
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
  const known = incomplete
    ? await strapi.db.query(SOURCE).findMany({
        select: ['slug', 'name', 'nameLatin'],
        where: { slug: { $in: config.requiredAgencies } },
      })
    : [];
  for (const row of mustBeComplete) {
    assertTitled(row.title);
    assertAttribution(row.credits ?? [], config, known);
  }
}

async function articlesCrediting(strapi: Core.Strapi, sourceDocumentId: string): Promise<string[]> {
  const rows = await strapi.db.query(ARTICLE).findMany({
    select: ['documentId'],
    where: { credits: { source: { documentId: sourceDocumentId } } },
  });
  return [...new Set(rows.map((row: { documentId: string }) => row.documentId))];
}

// The document a write leaves behind: a clone's is the new one, not the original it names.
function documentIdOf(action: string, params: Data, result: unknown): string | undefined {
  const fromResult = (result as Data | null)?.documentId;
  if (action === 'clone') return typeof fromResult === 'string' ? fromResult : undefined;
  if (typeof params.documentId === 'string') return params.documentId;
  return typeof fromResult === 'string' ? fromResult : undefined;
}

// Feeds' validators change only when what the public sees may have: not when a draft is saved.
function changesPublicContent(action: string, params: Params, draftAndPublish: boolean): boolean {
  if (!draftAndPublish || ['publish', 'unpublish', 'delete'].includes(action)) return true;
  return (action === 'create' || action === 'update') && params.status === 'published';
}

// An Article's Quotes go with it: a quotation is part of the story it was reported in.
async function quotesOf(strapi: Core.Strapi, articleDocumentId: string): Promise<string[]> {
  const rows = await strapi.db.query(QUOTE).findMany({
    select: ['documentId'],
    where: { article: { documentId: articleDocumentId } },
  });
  return [...new Set(rows.map((row: { documentId: string }) => row.documentId))];
}

interface DocumentContext {
  uid: string;
  action: string;
  params: Params;
  contentType?: { options?: { draftAndPublish?: boolean } };
}

export const newsroomRules = (strapi: Core.Strapi) => async (ctx: DocumentContext, next: () => Promise<unknown>) => {
  if (!PREPARE[ctx.uid] || !RULED_ACTIONS.has(ctx.action)) return next();
  const { uid, action, params } = ctx;
  try {
    return await strapi.db.transaction(async () => {
      await lockDocument(strapi, uid, params.documentId);
      if (uid === SOURCE && action === 'delete' && params.documentId) {
        refuseDeletingCreditedSource((await articlesCrediting(strapi, params.documentId)).length);
      }
      const cascade =
        uid === ARTICLE && action === 'delete' && params.documentId ? await quotesOf(strapi, params.documentId) : [];
      if (['create', 'update', 'clone'].includes(action)) await prepareWrite(strapi, uid, action, params);
      if (action === 'publish' && params.documentId) await reRuleDraft(strapi, uid, params.documentId);
      const result = (await next()) as Data | undefined;
      for (const quote of cascade) await strapi.documents(QUOTE).delete({ documentId: quote });
      if (changesPublicContent(action, params, ctx.contentType?.options?.draftAndPublish !== false)) {
        await touchContentVersion(strapi);
      }
      const documentId = documentIdOf(action, params, result);
      if (action === 'delete' || action === 'unpublish' || !documentId) return result;
      if (uid === ARTICLE) await settleArticle(strapi, documentId, action, result);
      // A renamed Source renames it in the datelines of the articles that credit it.
      if (uid === SOURCE && action === 'update') {
        for (const article of await articlesCrediting(strapi, documentId)) await refreshDatelines(strapi, article);
      }
      return result;
    });
  } catch (error) {
    if (error instanceof RuleViolation) throw toStrapiError(error);
    throw error;
  }
};
