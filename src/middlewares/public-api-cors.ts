// Global middleware, right before strapi::cors: the content API authenticates with bearer tokens,
// never cookies, so any site may call it, as `Access-Control-Allow-Origin: *` without credentials.
// Everything else (the admin, its plugins, the admin's own origins on /api) is left to strapi::cors,
// which config/middlewares.ts limits to the admin's own origins, the only ones given credentials.
import type { Core } from '@strapi/strapi';

export interface PublicApiCorsConfig {
  adminOrigins: string[];
  methods: string[];
  headers: string[];
  maxAge: number;
}

export interface AdminOriginSettings {
  /** PUBLIC_URL, the server's configured url; a relative or empty url names no origin. */
  publicUrl: string;
  port: number;
  nodeEnv: string;
  /** CORS_ORIGINS: comma-separated origins of admin front-ends served elsewhere. */
  extra: string;
}

function originOf(value: string, variable: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(
      `${variable}: "${value}" is not an http(s) origin; write origins such as https://desk.example.com, ` +
        'separated by commas (a wildcard would hand an editor’s session to every site).',
    );
  }
  return url.origin;
}

/** The origins an editor's browser may call the admin from: the only ones granted credentials. */
export function adminOrigins({ publicUrl, port, nodeEnv, extra }: AdminOriginSettings): string[] {
  const origins = new Set<string>();
  if (/^https?:\/\//i.test(publicUrl)) origins.add(originOf(publicUrl, 'PUBLIC_URL'));
  if (nodeEnv === 'development' || nodeEnv === 'test') {
    origins.add(originOf(`http://127.0.0.1:${port}`, 'PORT'));
    origins.add(originOf(`http://localhost:${port}`, 'PORT'));
  }
  for (const entry of extra.split(',').map((item) => item.trim())) {
    if (entry) origins.add(originOf(entry, 'CORS_ORIGINS'));
  }
  return [...origins];
}

export default (config: PublicApiCorsConfig, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api'));
  const admin = new Set(config.adminOrigins);
  const isContentApi = (path: string) => path === prefix || path.startsWith(`${prefix}/`);
  return async (ctx: any, next: () => Promise<void>) => {
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
