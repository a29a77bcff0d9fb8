// The content API keeps the paths it had as an app: /api/articles, /api/quotes, /api/sources, /api/subjects and
// /api/syndication/*. A plugin's routes are mounted under /api/newsroom unless a route says
// `prefix: ''` (Strapi's router reads route.config.prefix; RouterConfig types it for whole
// routers only, so the per-route form goes through `atApiRoot`).
import { factories } from '@strapi/strapi';
import { ARTICLE, QUOTE, READ_CACHE_STATS, SOURCE, SUBJECT } from '../constants';

const CORE_ACTIONS = ['find', 'findOne', 'create', 'update', 'delete'] as const;
// Reads: answered from the response cache when they can be, else in turn in the read queue; only a
// full-access token reads drafts through the content API. Both guards are also global middlewares
// a host may list (faster on a hit); then these copies let the request pass.
const READS = [
  'plugin::newsroom.response-cache',
  'plugin::newsroom.read-queue',
  'plugin::newsroom.published-only',
  // Killed and embargoed stories, in no public read (core/lifecycle).
  'plugin::newsroom.lifecycle-reads',
];

/** Every core action at the API root; reads pass the published-only middleware first. */
function atApiRoot(readMiddlewares: string[]) {
  const config: Record<string, { prefix: string; middlewares?: string[] }> = {};
  for (const action of CORE_ACTIONS) {
    const reads = action === 'find' || action === 'findOne';
    config[action] = reads ? { prefix: '', middlewares: readMiddlewares } : { prefix: '' };
  }
  return { config } as Parameters<typeof factories.createCoreRouter>[1];
}

// Public feeds of published articles (see the contract's "Syndication" table).
const feed = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler: `syndication.${handler}`,
  // The feeds wait in the read queue in their controller, after their own conditional check.
  config: { auth: false as const, prefix: '', middlewares: ['plugin::newsroom.response-cache'] },
});

export default {
  article: factories.createCoreRouter(ARTICLE, atApiRoot(READS)),
  quote: factories.createCoreRouter(QUOTE, atApiRoot(READS)),
  source: factories.createCoreRouter(SOURCE, atApiRoot(READS)),
  subject: factories.createCoreRouter(SUBJECT, atApiRoot(READS)),
  // Served under /newsroom, to admin panel sessions only.
  admin: {
    type: 'admin' as const,
    routes: [
      {
        method: 'GET' as const,
        path: '/response-cache',
        handler: 'responseCacheStats.show',
        // Operators' figures: a role must be given the permission (super admins have it).
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            { name: 'admin::hasPermissions', config: { actions: [READ_CACHE_STATS] } },
          ],
        },
      },
      {
        method: 'GET' as const,
        path: '/desk',
        handler: 'desk.show',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      // The editors' lifecycle actions; the service checks the Content Manager's update and publish.
      ...(
        [
          ['kill', 'kill'],
          ['correction', 'correction'],
          ['update-of', 'updateOf'],
          ['embargo', 'embargo'],
        ] as const
      ).map(([path, handler]) => ({
        method: 'POST' as const,
        path: `/articles/:documentId/${path}`,
        handler: `lifecycleActions.${handler}`,
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      })),
    ],
  },
  // schema.org NewsArticle of a public story; the Public role is granted it with the reads.
  jsonld: {
    type: 'content-api' as const,
    routes: [
      {
        method: 'GET' as const,
        path: '/articles/:documentId/jsonld',
        handler: 'jsonld.findOne',
        config: { prefix: '', middlewares: ['plugin::newsroom.response-cache'] },
      },
    ],
  },
  // Search of published documents (drafts for a full-access token), read like the lists.
  search: {
    type: 'content-api' as const,
    routes: [
      {
        method: 'GET' as const,
        path: '/search',
        handler: 'search.find',
        config: { prefix: '', middlewares: READS.filter((name) => name !== 'plugin::newsroom.read-queue') },
      },
    ],
  },
  syndication: {
    type: 'content-api' as const,
    routes: [
      feed('/syndication/rss', 'rss'),
      feed('/syndication/atom', 'atom'),
      feed('/syndication/json', 'json'),
      feed('/syndication/ninjs', 'ninjs'),
      feed('/syndication/ninjs/:slug', 'ninjsItem'),
    ],
  },
};
