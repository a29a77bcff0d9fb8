// Global middleware, right after strapi::body: refuse, with a 400 naming the field, requests whose
// text or shape Strapi would store mangled (NUL, lone surrogates), crash on (prototype keys, deep
// nesting), or silently reinterpret (pagination that is not a count, an unknown status).
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '../wiring/strapi-internals/strapi-errors';
import {
  canonicalPath,
  describeProblem,
  inputProblem,
  queryProblem,
  type InputProblem,
} from '../../../core/well-formed';

// The feeds own their `?limit` semantics; the rest of the content API follows Strapi's.
const paginated = (prefix: string) => (path: string) => {
  const canonical = canonicalPath(path);
  return canonical.startsWith(`${prefix}/`) && !canonical.startsWith(`${prefix}/syndication`);
};

export const BODY_READ = 'newsroomBodyRead';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const isPaginated = paginated(canonicalPath(String(strapi.config.get('api.rest.prefix', '/api'))));
  return async (ctx: Context, next: () => Promise<void>) => {
    ctx.state[BODY_READ] = true;
    const problem: InputProblem | null =
      inputProblem(ctx.query, 'query') ??
      inputProblem(ctx.request.body, 'body') ??
      (isPaginated(ctx.path) ? queryProblem(ctx.query ?? {}) : null);
    if (problem) {
      throw new errors.ValidationError(describeProblem(problem), { field: problem.field, rule: problem.rule });
    }
    await next();
  };
};
