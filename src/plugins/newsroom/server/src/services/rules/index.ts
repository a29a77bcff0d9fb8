// The newsroom rules' Strapi side, for the Document Service middleware (middlewares/documents.ts):
// preparing a write with the pure rules, the locks, the datelines and the documents that hang on
// another. Its state: whether the middleware applies them at all, and which writes are the importer's.
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import type { QuoteWriter } from '#core/rules';
import { isAdminSession } from '../../utils/strapi-internals/authentication';
import { refreshDatelines, settleArticle } from './datelines';
import { beforePublish, prepareLifecycleWrite, settleVersion, type BeforePublish } from './lifecycle';
import { lockDocument } from './locks';
import { PREPARE, prepareWrite, reRuleDraft } from './prepare';
import { articlesCrediting, assertQuoteOfPublishedStory, quotesOf, requiredAgencyNames } from './related';
import type { Data, Params } from './types';

export type { Data, Params } from './types';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let enabled = true;
  // The importer's writes, whatever request (if any) the importer runs in: they set needsReview.
  const importing = new AsyncLocalStorage<true>();
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
    /** Runs `work` as the importer: the Quotes it writes keep the needsReview it gives them. */
    asImporter: <T>(work: () => Promise<T>): Promise<T> => importing.run(true, work),
    /**
     * Who writes a Quote now: the importer (or code with no request: a bootstrap, a script), an
     * editor of the admin panel, or a client of the content API.
     */
    quoteWriter(): QuoteWriter {
      if (importing.getStore()) return 'importer';
      const request = strapi.requestContext.get();
      if (!request) return 'importer';
      return isAdminSession(request.state?.auth) ? 'editor' : 'client';
    },
    /** True for the types the rules prepare (Articles, Quotes, Sources). */
    rules: (uid: string): boolean => Boolean(PREPARE[uid]),
    lockDocument: (uid: string, documentId: string | undefined) => lockDocument(strapi, uid, documentId),
    prepareWrite: (uid: string, action: string, params: Params) => prepareWrite(strapi, uid, action, params),
    reRuleDraft: (uid: string, documentId: string) => reRuleDraft(strapi, uid, documentId),
    prepareLifecycleWrite: (action: string, params: Params) => prepareLifecycleWrite(strapi, action, params),
    beforePublish: (documentId: string | undefined) => beforePublish(strapi, documentId),
    settleVersion: (documentId: string, before: BeforePublish, result?: Data) =>
      settleVersion(strapi, documentId, before, result),
    settleArticle: (documentId: string, action: string, result: Data | undefined) =>
      settleArticle(strapi, documentId, action, result),
    async refreshDatelines(documentId: string): Promise<void> {
      await refreshDatelines(strapi, documentId);
    },
    articlesCrediting: (sourceDocumentId: string) => articlesCrediting(strapi, sourceDocumentId),
    quotesOf: (articleDocumentId: string) => quotesOf(strapi, articleDocumentId),
    assertQuoteOfPublishedStory: (quoteDocumentId: string) => assertQuoteOfPublishedStory(strapi, quoteDocumentId),
    requiredAgencyNames: () => requiredAgencyNames(strapi),
  };
};
