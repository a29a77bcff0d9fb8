import type { Core } from '@strapi/strapi';

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

/**
 * Strapi types a Document Service middleware against the exact params and result of every action
 * at once; ours read a few fields of the context (uid, action, params.documentId, params.data) and
 * return whatever next() returned, so they are typed by what they read and adapted here, once.
 */
export function documentMiddleware<Context>(
  middleware: (ctx: Context, next: () => Promise<unknown>) => Promise<unknown>,
): DocumentMiddleware {
  return middleware as unknown as DocumentMiddleware;
}
