// The newsroom's middlewares. published-only and lifecycle-reads are route middlewares of the plugin's own routes; the
// others are global and a host lists them in its config/middlewares.ts in the order shown there
// (README, "Installing the newsroom into your Strapi app"): a plugin cannot place itself in a
// host's middleware stack.
import anonymousBodyLimit from './anonymous-body-limit';
import crossSiteCookieGuard from './cross-site-cookie-guard';
import lifecycleReads from './lifecycle-reads';
import publicApiCors from './public-api-cors';
import publishedOnly from './published-only';
import readQueue from './read-queue';
import responseCache from './response-cache';
import unreadableBody from './unreadable-body';
import wellFormedRequest from './well-formed-request';

export default {
  'anonymous-body-limit': anonymousBodyLimit,
  'cross-site-cookie-guard': crossSiteCookieGuard,
  'lifecycle-reads': lifecycleReads,
  'public-api-cors': publicApiCors,
  'published-only': publishedOnly,
  'read-queue': readQueue,
  'response-cache': responseCache,
  'unreadable-body': unreadableBody,
  'well-formed-request': wellFormedRequest,
};
