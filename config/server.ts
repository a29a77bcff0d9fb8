import { proxySettings, refuseUnsafeStartup } from '../src/host/secrets';
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // Every start-up guard at once, before Strapi opens the database or a port.
  refuseUnsafeStartup(process.env);
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Strapi 5 reads server.proxy.koa (koa's app.proxy): trust X-Forwarded-Proto/-For from the proxy;
    // and (5.52+) maxIpsCount/ipHeader: ctx.ip is the address the proxies appended, not the client's.
    proxy: proxySettings(process.env),
    app: { keys: env.array('APP_KEYS') },
  };
};
