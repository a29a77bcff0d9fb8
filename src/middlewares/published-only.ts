// Route middleware: the content API serves drafts only to a full-access API token.
import type { Core } from '@strapi/strapi';

export default (_config: unknown, _context: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const auth = ctx.state?.auth;
    const fullAccess = auth?.strategy?.name === 'api-token' && auth?.credentials?.type === 'full-access';
    if (!fullAccess) {
      ctx.query = { ...ctx.query, status: 'published' };
    }
    await next();
  };
};
