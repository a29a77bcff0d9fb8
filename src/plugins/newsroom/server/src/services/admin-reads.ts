// What an admin may open in the Content Manager, asked of the Content Manager's own permission
// checker with the role's conditions (an Author reads only what the Author created). Used where
// the newsroom shows or copies documents to an admin outside Strapi's own read routes: the desk,
// and the clone of a newsroom document (Strapi's clone checks only that the caller may create;
// middlewares/documents.ts).
import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../constants';

/** The CASL ability Strapi's admin authentication leaves in ctx.state.userAbility. */
export interface AdminAbility {
  can(action: string, subject: unknown, field?: string): boolean;
  rulesFor?: unknown;
}

interface PermissionChecker {
  cannot: { read: (entity?: unknown) => boolean };
  sanitizedQuery: { read: (query: Record<string, unknown>) => Promise<{ filters?: unknown }> };
}

function permissionChecker(strapi: Core.Strapi, ability: AdminAbility, uid: string): PermissionChecker {
  return strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: uid });
}

/** Of these documents, the ones this admin may read (the conditions applied as query filters). */
async function readableDocumentIds(
  strapi: Core.Strapi,
  ability: AdminAbility,
  uid: string,
  documentIds: string[],
): Promise<Set<string>> {
  const checker = permissionChecker(strapi, ability, uid);
  if (documentIds.length === 0 || checker.cannot.read()) return new Set();
  const { filters } = await checker.sanitizedQuery.read({});
  const rows = (await strapi.documents(uid as typeof ARTICLE).findMany({
    filters: { $and: [filters ?? {}, { documentId: { $in: documentIds } }] },
    fields: ['documentId'],
    status: 'draft',
  } as never)) as Array<{ documentId: string }>;
  return new Set(rows.map((row) => row.documentId));
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  readableDocumentIds: (ability: AdminAbility, uid: string, documentIds: string[]) =>
    readableDocumentIds(strapi, ability, uid, documentIds),
});
