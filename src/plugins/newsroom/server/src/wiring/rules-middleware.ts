// Wires the pure newsroom rules into every write through the Document Service: REST, the admin
// Content Manager, importers and publish all pass here. Each write runs in one transaction, so a
// refusal leaves the database exactly as it was.
import type { Core } from '@strapi/strapi';
import { refuseDeletingCreditedSource, RuleViolation } from '../../../core/rules';
import { ARTICLE, QUOTE, SOURCE } from './config';
import { touchContentVersion } from './content-version';
import { refreshDatelines, settleArticle } from './rules/datelines';
import { lockDocument } from './rules/locks';
import { PREPARE, prepareWrite, reRuleDraft } from './rules/prepare';
import { articlesCrediting, quotesOf } from './rules/related';
import { toStrapiError } from './rules/strapi-error';
import { editorLanguage } from './interface-language';
import type { Data, Params } from './rules/types';

/** Every Document Service action that writes. A test enumerates Strapi's actions against it. */
export const WRITE_ACTIONS = ['create', 'clone', 'update', 'publish', 'unpublish', 'discardDraft', 'delete'];
/** The actions that only read, and so pass unruled. */
export const READ_ACTIONS = ['findMany', 'findFirst', 'findOne', 'count'];
const RULED_ACTIONS = new Set(WRITE_ACTIONS);

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

interface DocumentContext {
  uid: string;
  action: string;
  params: Params;
  contentType?: { options?: { draftAndPublish?: boolean } };
}

/** The Document Service middleware; its name lets the benchmark leave it out to measure its cost. */
export const newsroomRules = (strapi: Core.Strapi) =>
  async function newsroomRulesMiddleware(ctx: DocumentContext, next: () => Promise<unknown>) {
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
      if (error instanceof RuleViolation) throw toStrapiError(error, editorLanguage(strapi));
      throw error;
    }
  };
