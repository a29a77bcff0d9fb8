// The newsroom rules' Strapi side, for the Document Service middleware (middlewares/documents.ts):
// preparing a write with the pure rules, the locks, the datelines and the documents that hang on
// another. Whether the middleware applies them at all is this service's one piece of state.
import type { Core } from '@strapi/strapi';
import { refreshDatelines, settleArticle } from './datelines';
import { lockDocument } from './locks';
import { PREPARE, prepareWrite, reRuleDraft } from './prepare';
import { articlesCrediting, quotesOf, requiredAgencyNames } from './related';
import type { Data, Params } from './types';

export type { Data, Params } from './types';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let enabled = true;
  return {
    /** False only after setEnabled(false): every write then passes unruled. */
    isEnabled: () => enabled,
    /**
     * For benchmarks only (bench/server.js measures what the rules cost): switches the rules off for
     * this instance. Nothing in the newsroom calls it; a newsroom with the rules off accepts
     * anything, credits and datelines included.
     */
    setEnabled(value: boolean): void {
      enabled = value;
    },
    /** True for the types the rules prepare (Articles, Quotes, Sources). */
    rules: (uid: string): boolean => Boolean(PREPARE[uid]),
    lockDocument: (uid: string, documentId: string | undefined) => lockDocument(strapi, uid, documentId),
    prepareWrite: (uid: string, action: string, params: Params) => prepareWrite(strapi, uid, action, params),
    reRuleDraft: (uid: string, documentId: string) => reRuleDraft(strapi, uid, documentId),
    settleArticle: (documentId: string, action: string, result: Data | undefined) =>
      settleArticle(strapi, documentId, action, result),
    async refreshDatelines(documentId: string): Promise<void> {
      await refreshDatelines(strapi, documentId);
    },
    articlesCrediting: (sourceDocumentId: string) => articlesCrediting(strapi, sourceDocumentId),
    quotesOf: (articleDocumentId: string) => quotesOf(strapi, articleDocumentId),
    requiredAgencyNames: () => requiredAgencyNames(strapi),
  };
};
