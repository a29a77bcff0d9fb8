// Global middleware, right after strapi::body: refuse, with a 400 naming the field, requests whose
// text or shape Strapi would store mangled (NUL, lone surrogates), crash on (prototype keys, deep
// nesting, filters outside the grammar of Strapi's query builder), or silently reinterpret
// (pagination that is not a count, an unknown status).
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '../utils/strapi-internals/strapi-errors';
import {
  canonicalPath,
  describeProblem,
  inputProblem,
  queryProblem,
  typedQueryProblem,
  type FieldShape,
  type InputProblem,
  type SchemaLookup,
} from '#core/well-formed';

// The feeds own their `?limit` semantics; the rest of the content API follows Strapi's.
const paginated = (prefix: string) => (path: string) => {
  const canonical = canonicalPath(path);
  return canonical.startsWith(`${prefix}/`) && !canonical.startsWith(`${prefix}/syndication`);
};

export const BODY_READ = 'newsroomBodyRead';

// The fields of a content type or component as the filter grammar needs them.
const schemaOf =
  (strapi: Core.Strapi): SchemaLookup =>
  (uid) => {
    const model = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as
      | { attributes: Record<string, { type: string; target?: string; component?: string }> }
      | undefined;
    if (!model) return undefined;
    const fields: Record<string, FieldShape> = {};
    for (const [name, attribute] of Object.entries(model.attributes)) {
      const target = attribute.type === 'media' ? 'plugin::upload.file' : (attribute.target ?? attribute.component);
      fields[name] = { type: attribute.type, target };
    }
    return fields;
  };

/**
 * The content type a content-API path reads (`/api/articles/…` → its UID), for the app's types and
 * the newsroom's, whose routes are `<prefix>/<pluralName>` (`<prefix>/<singularName>` for a single type).
 */
function contentTypeOfPath(strapi: Core.Strapi, prefix: string): (path: string) => string | undefined {
  let byName: Map<string, string> | undefined;
  return (path) => {
    if (!byName) {
      byName = new Map();
      for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
        if (!uid.startsWith('api::') && !uid.startsWith('plugin::newsroom.')) continue;
        const { kind, info } = contentType as { kind: string; info: { pluralName: string; singularName: string } };
        byName.set(kind === 'singleType' ? info.singularName : info.pluralName, uid);
      }
    }
    const canonical = canonicalPath(path);
    if (!canonical.startsWith(`${prefix}/`)) return undefined;
    return byName.get(canonical.slice(prefix.length + 1).split('/')[0]);
  };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = canonicalPath(String(strapi.config.get('api.rest.prefix', '/api')));
  const isPaginated = paginated(prefix);
  const contentTypeOf = contentTypeOfPath(strapi, prefix);
  const schema = schemaOf(strapi);
  const typedQuery = (query: Record<string, unknown>, uid: string | undefined) =>
    uid ? typedQueryProblem(query, uid, schema) : null;
  return async (ctx: Context, next: () => Promise<void>) => {
    ctx.state[BODY_READ] = true;
    const problem: InputProblem | null =
      inputProblem(ctx.query, 'query') ??
      inputProblem(ctx.request.body, 'body') ??
      (isPaginated(ctx.path) ? queryProblem(ctx.query ?? {}) : null) ??
      typedQuery(ctx.query ?? {}, contentTypeOf(ctx.path));
    if (problem) {
      throw new errors.ValidationError(describeProblem(problem), { field: problem.field, rule: problem.rule });
    }
    await next();
  };
};
