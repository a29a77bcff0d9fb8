// Which requests are reads of the content API under the REST prefix, for the guards that treat
// reads apart (the read queue, the response cache).
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { canonicalPath } from '#core/well-formed';

/** A test of GET/HEAD requests whose path, after the app's REST prefix, matches `pattern`. */
export function apiReads(strapi: Core.Strapi, pattern: RegExp): (ctx: Context) => boolean {
  const prefix = canonicalPath(String(strapi.config.get('api.rest.prefix', '/api')));
  return (ctx) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return false;
    const path = canonicalPath(ctx.path);
    return path.startsWith(`${prefix}/`) && pattern.test(path.slice(prefix.length));
  };
}
