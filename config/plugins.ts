// The newsroom plugin (src/plugins/newsroom) and its options, read from the environment as the app
// always did (README, "Configuration"); the plugin checks them at boot.
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  newsroom: {
    enabled: true,
    resolve: './src/plugins/newsroom',
    config: {
      requiredAgencies: env.array('NEWSROOM_REQUIRED_AGENCIES', ['sputnik', 'pakistan-point-news']),
      houseDistributor: env('NEWSROOM_HOUSE_DISTRIBUTOR', 'pakistan-point-news'),
      maxBodyBytes: env.int('NEWSROOM_MAX_BODY_BYTES', 1024 * 1024),
      // NEWSROOM_SEED_DIR=none seeds nothing.
      seedDispatches:
        env('NEWSROOM_SEED_DIR', 'database/dispatches') === 'none'
          ? null
          : env('NEWSROOM_SEED_DIR', 'database/dispatches'),
      publicRead: true,
      // This app serves no public accounts: no sign-up, no user directory, no media listing to readers.
      protectUsersApi: true,
      // SQLite runs every query on the event loop, so more than 2 reads at once only interleave;
      // PostgreSQL works beside it, so more may overlap.
      readQueue: {
        concurrency: env.int('NEWSROOM_READ_CONCURRENCY', env('DATABASE_CLIENT', 'sqlite') === 'postgres' ? 8 : 2),
        maxWaiting: env.int('NEWSROOM_READ_QUEUE', 1000),
        // Unset: a quarter of maxWaiting (at least 4), so one client alone cannot fill the queue.
        maxWaitingPerClient: env.int('NEWSROOM_READ_QUEUE_PER_CLIENT'),
      },
      responseCache: { maxBytes: env.int('NEWSROOM_RESPONSE_CACHE_BYTES', 64 * 1024 * 1024) },
      feed: {
        title: env('NEWSROOM_FEED_TITLE', 'پاکستان پوائنٹ نیوز — الأخبار العربية'),
        description: env('NEWSROOM_FEED_DESCRIPTION', 'أخبار عربية من وكالات الأنباء، منسوبة إلى كل وكالة'),
        publisher: env('NEWSROOM_PUBLISHER', 'Pakistan Point News'),
        publisherUrl: env('NEWSROOM_PUBLISHER_URL', 'https://www.pakistanpoint.com'),
        usageTerms: env(
          'NEWSROOM_USAGE_TERMS',
          'Republication by syndication partners only, crediting every agency named in the item.',
        ),
        language: 'ar',
      },
      // knownOutlets: the plugin's defaults (Sputnik, Pakistan Point News, NBC, the Russian MoD).
    },
  },
});
