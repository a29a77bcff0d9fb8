// Route middleware: the content API serves drafts only to a full-access API token.
import type { Core } from '@strapi/strapi';

const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export default (_config: unknown, _context: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const auth = ctx.state?.auth;
    // Strapi 5 names its API token strategy 'content-api-token' ('api-token' in v4).
    const fullAccess = API_TOKEN_STRATEGIES.has(auth?.strategy?.name) && auth?.credentials?.type === 'full-access';
    if (!fullAccess) {
      ctx.query = { ...ctx.query, status: 'published' };
    }
    await next();
  };
};
