// The Document Service middlewares, registered in register(), that every document of ours passes:
// - a clone from the admin needs read permission on its original (cloneNeedsRead);
// - the pure newsroom rules on every write (REST, the admin Content Manager, importers and publish
//   all pass here), each write in one transaction, so a refusal leaves the database as it was; a
//   Quote's needsReview set by who writes (the importer flags, an editor's save clears);
// - the lifecycle of public reads: no killed or embargoed story for the public (lifecycleReads);
// - each read in one snapshot on PostgreSQL (consistentReads);
// - the search index written in each write's transaction, and the admin's search box reading it.
import type { Core } from '@strapi/strapi';
import { refuseDeletingCreditedSource, RuleViolation, settleQuoteReview } from '#core/rules';
import { ARTICLE, NEWSROOM_TYPES, QUOTE, SOURCE } from '../constants';
import type { AdminAbility } from '../services/admin-reads';
import type { Data, Params } from '../services/rules';
import { getService } from '../utils';
import { documentMiddleware } from '../utils/document-middleware';
import { editorLanguage } from '../utils/editor-language';
import { errors } from '../utils/strapi-internals/strapi-errors';
import { restrictFilters, restrictPopulate } from '../utils/restrict-populate';
import { toStrapiError } from '../utils/strapi-error';
import type { Audience } from '#core/lifecycle';
import { searchBoxFilter } from '#core/search';
import { READER } from './lifecycle-reads';

/** Every Document Service action that writes. A test enumerates Strapi's actions against it. */
export const WRITE_ACTIONS = ['create', 'clone', 'update', 'publish', 'unpublish', 'discardDraft', 'delete'];
/** The actions that only read, and so pass unruled. */
export const READ_ACTIONS = ['findMany', 'findFirst', 'findOne', 'count'];
const RULED_ACTIONS = new Set(WRITE_ACTIONS);

interface RequestState {
  userAbility?: AdminAbility;
  auth?: { strategy?: { name?: string } };
}

/**
 * Cloning a newsroom document from the admin needs read permission on
 * the original, with its conditions, as opening it would; otherwise a clone is a copy of a draft
 * the admin may not open. Calls outside an admin request (API tokens, the importer) pass.
 */
const cloneNeedsRead =
  (strapi: Core.Strapi) =>
  async (ctx: { uid: string; action: string; params: { documentId?: string } }, next: () => Promise<unknown>) => {
    if (ctx.action !== 'clone' || !NEWSROOM_TYPES.has(ctx.uid)) return next();
    const state = strapi.requestContext.get()?.state as RequestState | undefined;
    const ability = state?.userAbility;
    if (!ability || state?.auth?.strategy?.name !== 'admin') return next();
    const original = ctx.params.documentId;
    if (
      !original ||
      !(await getService('adminReads', { strapi }).readableDocumentIds(ability, ctx.uid, [original])).has(original)
    ) {
      // A PolicyError: Strapi's route authorisation turns any other ForbiddenError into a bare "Forbidden".
      throw new errors.PolicyError(
        'You may clone only what you may open: reading this document needs the Content Manager read permission. — ' +
          'لا يُنسخ إلا ما يحق لك فتحه: قراءة هذه المادة تحتاج إلى إذن القراءة في مدير المحتوى.',
        { rule: 'clone-needs-read' },
      );
    }
    return next();
  };

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

// A publish, or a create or update that publishes at once (REST does unless ?status=draft): Strapi
// runs the publish inside the update, past the middlewares, so the update is where it is seen.
const publishesArticle = (action: string, params: Params) =>
  action === 'publish' || (['create', 'update'].includes(action) && params.status === 'published');

interface DocumentContext {
  uid: string;
  action: string;
  params: Params;
  contentType?: { options?: { draftAndPublish?: boolean } };
}

/** The rules; the rules service's setEnabled(false) (benchmarks only) lets every write pass unruled. */
const newsroomRules = (strapi: Core.Strapi) => async (ctx: DocumentContext, next: () => Promise<unknown>) => {
  const rules = getService('rules', { strapi });
  if (!rules.isEnabled() || !rules.rules(ctx.uid) || !RULED_ACTIONS.has(ctx.action)) return next();
  const { uid, action, params } = ctx;
  try {
    return await strapi.db.transaction(async () => {
      await rules.lockDocument(uid, params.documentId);
      if (uid === SOURCE && action === 'delete' && params.documentId) {
        refuseDeletingCreditedSource((await rules.articlesCrediting(params.documentId)).length);
      }
      // An Article's Quotes go with it: deleted with it, and out of the public when it is unpublished.
      const cascade =
        uid === ARTICLE && (action === 'delete' || action === 'unpublish') && params.documentId
          ? await rules.quotesOf(params.documentId)
          : [];
      if (['create', 'update', 'clone'].includes(action)) {
        await rules.prepareWrite(uid, action, params);
        if (uid === ARTICLE) await rules.prepareLifecycleWrite(action, params);
        // An editor's save confirms the speaker; the importer's write keeps the flag it set.
        if (uid === QUOTE) params.data = settleQuoteReview(params.data as Data, rules.quoteWriter());
      }
      if (action === 'publish' && params.documentId) await rules.reRuleDraft(uid, params.documentId);
      const publishes = uid === ARTICLE && publishesArticle(action, params);
      const before = publishes ? await rules.beforePublish(params.documentId) : undefined;
      const result = (await next()) as Data | undefined;
      for (const quote of cascade) {
        if (action === 'delete') await strapi.documents(QUOTE).delete({ documentId: quote });
        else await strapi.documents(QUOTE).unpublish({ documentId: quote });
      }
      if (changesPublicContent(action, params, ctx.contentType?.options?.draftAndPublish !== false)) {
        await getService('contentVersion', { strapi }).touch();
      }
      const documentId = documentIdOf(action, params, result);
      if (!documentId) return result;
      const search = getService('search', { strapi });
      if (action !== 'delete' && action !== 'unpublish') {
        if (uid === ARTICLE) await rules.settleArticle(documentId, action, result);
        if (uid === QUOTE && (action === 'publish' || params.status === 'published')) {
          await rules.assertQuoteOfPublishedStory(documentId);
        }
        if (before) await rules.settleVersion(documentId, before, result);
        // A renamed Source renames it in the datelines of the articles that credit it.
        if (uid === SOURCE && action === 'update') {
          for (const article of await rules.articlesCrediting(documentId)) {
            await rules.refreshDatelines(article);
            await search.indexDocument(ARTICLE, article);
          }
        }
      }
      // The search index, in this transaction: what the write left (nothing, after a delete).
      await search.indexDocument(uid, documentId);
      return result;
    });
  } catch (error) {
    if (error instanceof RuleViolation) throw toStrapiError(error, editorLanguage(strapi));
    throw error;
  }
};

// On PostgreSQL a Document Service read is several queries (the entry, then its components and
// relations). Under the default READ COMMITTED isolation a write that commits between them (an
// update republishes: new rows, new credits) lets a reader see an article with no credits at all.
// Each read of a newsroom type therefore runs in one REPEATABLE READ snapshot. SQLite has a single
// connection here, so its reads never interleave with a write.
const SNAPSHOT_ACTIONS = new Set(READ_ACTIONS);

const consistentReads =
  (strapi: Core.Strapi) => async (ctx: { uid: string; action: string }, next: () => Promise<unknown>) => {
    if (
      strapi.db.dialect.client !== 'postgres' ||
      !NEWSROOM_TYPES.has(ctx.uid) ||
      !SNAPSHOT_ACTIONS.has(ctx.action) ||
      strapi.db.inTransaction()
    ) {
      return next();
    }
    return strapi.db.transaction(async ({ trx }) => {
      await trx.raw('set transaction isolation level repeatable read');
      return next();
    });
  };

// The content API's public reads (marked by the lifecycle-reads route middleware) of Articles and
// Quotes leave out what their reader may not read, in the query: a list, its count and its
// pagination agree, and a populate from a Quote or another Article cannot reach a hidden story.
const LIFECYCLE_TYPES = new Set([ARTICLE, QUOTE, SOURCE]);

const lifecycleReads =
  (strapi: Core.Strapi) =>
  async (ctx: { uid: string; action: string; params: Params }, next: () => Promise<unknown>) => {
    if (!LIFECYCLE_TYPES.has(ctx.uid) || !SNAPSHOT_ACTIONS.has(ctx.action)) return next();
    const reader = (strapi.requestContext.get()?.state as Record<string, unknown> | undefined)?.[READER] as
      | { audience: Audience }
      | undefined;
    if (!reader) return next();
    const lifecycle = getService('lifecycle', { strapi });
    const now = new Date();
    const filterFor = (uid: string) => lifecycle.readFilter(uid, now, reader.audience);
    const own = filterFor(ctx.uid);
    // A condition through a relation (`filters[updates][body]…`) reads only stories the reader may read.
    const filters = restrictFilters(strapi, ctx.uid, ctx.params.filters, filterFor) as
      | Record<string, unknown>
      | undefined;
    if (filters !== undefined) ctx.params.filters = filters;
    if (own) ctx.params.filters = filters && Object.keys(filters).length > 0 ? { $and: [filters, own] } : own;
    if (ctx.params.populate !== undefined)
      ctx.params.populate = restrictPopulate(strapi, ctx.uid, ctx.params.populate, filterFor);
    return next();
  };

// The admin's search box (and the content API's `_q`) finds as the search does, in each row's
// terms (services/search.ts writes them to the private `searchText`): `ايران` finds `إيران` and
// `الإيرانية`, `محمد` finds `مُحَمَّد`, and a word being typed is found by its beginning. Those
// terms are the index's, not the document's: no answer carries them (the admin sees private fields).
function withoutSearchText(result: unknown): unknown {
  if (Array.isArray(result)) result.forEach(withoutSearchText);
  else if (result !== null && typeof result === 'object') {
    delete (result as Data).searchText;
    const entries = (result as Data).entries;
    if (Array.isArray(entries)) entries.forEach(withoutSearchText);
  }
  return result;
}

// The types with search terms (a Subject has none: its list is short and searched by its name).
const SEARCHED_TYPES = new Set([ARTICLE, QUOTE, SOURCE]);

const searchBox = () => async (ctx: { uid: string; action: string; params: Params }, next: () => Promise<unknown>) => {
  if (!SEARCHED_TYPES.has(ctx.uid)) return next();
  const params = ctx.params as { _q?: unknown; filters?: unknown };
  const filter = SNAPSHOT_ACTIONS.has(ctx.action) && typeof params._q === 'string' && searchBoxFilter(params._q);
  if (filter) {
    delete params._q;
    params.filters = params.filters ? { $and: [params.filters, filter] } : filter;
  }
  return withoutSearchText(await next());
};

/** Called in register(), in this order: a refused clone never reaches the rules. */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  strapi.documents.use(documentMiddleware(cloneNeedsRead(strapi)));
  strapi.documents.use(documentMiddleware(newsroomRules(strapi)));
  strapi.documents.use(documentMiddleware(lifecycleReads(strapi)));
  strapi.documents.use(documentMiddleware(consistentReads(strapi)));
  strapi.documents.use(documentMiddleware(searchBox()));
}
