import type { Context } from 'koa';
import { adminOrigins } from '../src/host/admin-origins';
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // Room for a body at the newsroom's limit even when a client escapes every character as \uXXXX;
  // anything larger is refused by the parser before it reaches the rules.
  const maxBodyBytes = env.int('NEWSROOM_MAX_BODY_BYTES', 1024 * 1024);
  const requestLimit = `${Math.ceil((maxBodyBytes * 4) / 1024)}kb`;
  // Only these origins get credentials (the admin's refresh cookie); see README, Configuration.
  const editorOrigins = adminOrigins({
    publicUrl: env('PUBLIC_URL', ''),
    port: env.int('PORT', 1337),
    nodeEnv: env('NODE_ENV', 'development'),
    extra: env('CORS_ORIGINS', ''),
  });
  const cors = {
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
    headers: ['Content-Type', 'Authorization', 'Origin', 'Accept'],
    maxAge: 86400,
  };
  return [
    'strapi::logger',
    'strapi::errors',
    'strapi::security',
    // Any site may read the content API, without credentials: its tokens are bearer headers.
    { name: 'plugin::newsroom.public-api-cors', config: { ...cors, adminOrigins: editorOrigins } },
    // Everywhere else, and with credentials, only the admin's own origins.
    {
      name: 'strapi::cors',
      config: {
        ...cors,
        origin: editorOrigins,
        credentials: (ctx: Context) => editorOrigins.includes(ctx.get('Origin')),
      },
    },
    // A state-changing request with cookies from another site's page is refused (the refresh cookie).
    { name: 'plugin::newsroom.cross-site-cookie-guard', config: { adminOrigins: editorOrigins } },
    'strapi::poweredBy',
    // Without an Authorization header: a small body (413), no upload, a declared length (411), all unread.
    {
      name: 'plugin::newsroom.anonymous-body-limit',
      config: { limit: env.int('NEWSROOM_ANONYMOUS_BODY_LIMIT', 64 * 1024) },
    },
    // Anonymous public reads answered from memory while the content is unchanged (never queued).
    'plugin::newsroom.response-cache',
    // Reads of articles, quotes and sources wait their turn, in turn (config/plugins.ts, readQueue).
    'plugin::newsroom.read-queue',
    'strapi::query',
    // A body the parser cannot read is a 400, not a 500.
    'plugin::newsroom.unreadable-body',
    { name: 'strapi::body', config: { jsonLimit: requestLimit, formLimit: requestLimit, textLimit: requestLimit } },
    // NUL, lone surrogates, prototype keys, deep nesting and bogus pagination are refused with a 400.
    'plugin::newsroom.well-formed-request',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
