// Global middleware, right before strapi::cors: the content API authenticates with bearer tokens,
// never cookies, so any site may call it, as `Access-Control-Allow-Origin: *` without credentials.
// Everything else (the admin, its plugins, the admin's own origins on /api) is left to strapi::cors,
// which the host limits to the admin's own origins (its config/middlewares.ts), the only ones given credentials.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

export interface PublicApiCorsConfig {
  adminOrigins: string[];
  methods: string[];
  headers: string[];
  maxAge: number;
}

export default (config: PublicApiCorsConfig, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api'));
  const admin = new Set(config.adminOrigins);
  const isContentApi = (path: string) => path === prefix || path.startsWith(`${prefix}/`);
  return async (ctx: Context, next: () => Promise<void>) => {
    try {
      const origin = ctx.get('Origin');
      if (!origin || admin.has(origin) || !isContentApi(ctx.path)) return await next();
      if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method')) {
        ctx.set('Access-Control-Allow-Origin', '*');
        ctx.set('Access-Control-Allow-Methods', config.methods.join(','));
        ctx.set('Access-Control-Allow-Headers', config.headers.join(','));
        ctx.set('Access-Control-Max-Age', String(config.maxAge));
        ctx.status = 204;
        return;
      }
      ctx.set('Access-Control-Allow-Origin', '*');
      await next();
    } finally {
      // The CORS answer depends on Origin everywhere; re-added in case a handler set Vary outright.
      ctx.vary('Origin');
    }
  };
};
