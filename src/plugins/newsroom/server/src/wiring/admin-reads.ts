// What an admin may open in the Content Manager, asked of the Content Manager's own permission
// checker with the role's conditions (an Author reads only what the Author created). Used where
// the newsroom shows or copies documents to an admin outside Strapi's own read routes: the desk,
// and the clone of a newsroom document (Strapi's clone checks only that the caller may create).
import type { Core } from '@strapi/strapi';
import { errors } from './strapi-internals/strapi-errors';
import { ARTICLE, QUOTE, SOURCE } from './config';

const NEWSROOM_TYPES = new Set<string>([ARTICLE, QUOTE, SOURCE]);

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
export async function readableDocumentIds(
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

interface RequestState {
  userAbility?: AdminAbility;
  auth?: { strategy?: { name?: string } };
}

/**
 * Document Service middleware: cloning a newsroom document from the admin needs read permission on
 * the original, with its conditions, as opening it would; otherwise a clone is a copy of a draft
 * the admin may not open. Calls outside an admin request (API tokens, the importer) pass.
 */
export const cloneNeedsRead =
  (strapi: Core.Strapi) =>
  async (ctx: { uid: string; action: string; params: { documentId?: string } }, next: () => Promise<unknown>) => {
    if (ctx.action !== 'clone' || !NEWSROOM_TYPES.has(ctx.uid)) return next();
    const state = strapi.requestContext.get()?.state as RequestState | undefined;
    const ability = state?.userAbility;
    if (!ability || state?.auth?.strategy?.name !== 'admin') return next();
    const original = ctx.params.documentId;
    if (!original || !(await readableDocumentIds(strapi, ability, ctx.uid, [original])).has(original)) {
      // A PolicyError: Strapi's route authorisation turns any other ForbiddenError into a bare "Forbidden".
      throw new errors.PolicyError(
        'You may clone only what you may open: reading this document needs the Content Manager read permission. — ' +
          'لا يُنسخ إلا ما يحق لك فتحه: قراءة هذه المادة تحتاج إلى إذن القراءة في مدير المحتوى.',
        { rule: 'clone-needs-read' },
      );
    }
    return next();
  };
