// The newsroom's own settings: who must be credited, who we are, limits, and the outlets we know.
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  requiredAgencies: env.array('NEWSROOM_REQUIRED_AGENCIES', ['sputnik', 'pakistan-point-news']),
  houseDistributor: env('NEWSROOM_HOUSE_DISTRIBUTOR', 'pakistan-point-news'),
  maxBodyBytes: env.int('NEWSROOM_MAX_BODY_BYTES', 1024 * 1024),
  seedDispatches: env('NEWSROOM_SEED_DIR', 'database/dispatches'),
  // Expensive reads (lists, entries, full feeds) run this many at a time per instance, each client
  // (API token, else address) in arrival order and the clients in turn; beyond maxWaiting queued
  // requests in all, or maxWaitingPerClient of one client's, the API answers 503 with Retry-After.
  // SQLite runs every query on the event loop, so more than 2 at once only interleaves them;
  // PostgreSQL works beside it, so more may overlap.
  readQueue: {
    concurrency: env.int('NEWSROOM_READ_CONCURRENCY', env('DATABASE_CLIENT', 'sqlite') === 'postgres' ? 8 : 2),
    maxWaiting: env.int('NEWSROOM_READ_QUEUE', 1000),
    // Unset: a quarter of maxWaiting (at least 4), so one client alone cannot fill the queue.
    maxWaitingPerClient: env.int('NEWSROOM_READ_QUEUE_PER_CLIENT'),
  },
  // What the syndication feeds say about us.
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
  // How to write known outlets in Latin letters (their slugs come from it) and what they are.
  knownOutlets: [
    { names: ['سبوتنيك', 'سبوتنيك عربي'], nameLatin: 'Sputnik', kind: 'news-agency', url: 'https://sputniknews.com' },
    {
      names: ['پاکستان پوائنٹ نیوز', 'باكستان بوينت نيوز'],
      nameLatin: 'Pakistan Point News',
      kind: 'news-agency',
      url: 'https://www.pakistanpoint.com',
    },
    { names: ['ان بي سي', 'إن بي سي'], nameLatin: 'NBC', kind: 'broadcaster', url: 'https://www.nbcnews.com' },
    { names: ['الدفاع الروسية', 'وزارة الدفاع الروسية'], nameLatin: 'Russian Ministry of Defence', kind: 'government' },
  ],
});
