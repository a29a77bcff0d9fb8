// The newsroom's options, as a host sets them in its config/plugins.ts under `newsroom.config`.
// Defaults give a working newsroom for the two agencies of the seed dispatch; the validator stops
// the boot with a message naming the first wrong option ("Error regarding newsroom config: …").
import { WIRE_AGENCIES, type KnownOutlet } from '#core/dispatch';
import { DEFAULT_MAX_UPLOAD_BYTES, NEWSROOM_IMAGE_TYPES, RECOGNISABLE_TYPES } from '#core/uploads/file-signature';
import type { FeedSettings } from '#core/feeds';
import { DEFAULT_KILL_NOTICE_DAYS } from '#core/lifecycle';

/** The fair read queue's settings (services/read-queue.ts, core/fair-queue.ts). */
export interface ReadQueueSettings {
  concurrency: number;
  maxWaiting: number;
  /** Unset: a quarter of maxWaiting, at least 4 (see fair-queue.ts). */
  maxWaitingPerClient?: number;
}

export interface NewsroomOptions {
  /** Slugs of the Sources every Article must credit (as originator or distributor). */
  requiredAgencies: string[];
  /** Slug of the Source credited as distributor when a dispatch names none; '' for none. */
  houseDistributor: string;
  /** Largest Article body, in bytes of UTF-8. */
  maxBodyBytes: number;
  /** A folder of dispatches imported once per database at boot (relative to the app); null: none. */
  seedDispatches: string | null;
  /** Grant the Public role find/findOne on Articles, Quotes and Sources (published only). */
  publicRead: boolean;
  /** Close public sign-up, the user directory (to every caller) and the media listing (to read-only tokens). */
  protectUsersApi: boolean;
  readQueue: ReadQueueSettings;
  /** Anonymous public reads answered from memory while the content is unchanged; 0 turns it off. */
  responseCache: { maxBytes: number };
  feed: Omit<FeedSettings, 'baseUrl' | 'selfUrl'>;
  knownOutlets: KnownOutlet[];
  /** Outlets added to knownOutlets (which a host may also replace whole). */
  additionalOutlets: KnownOutlet[];
  /** Media types the media library accepts, recognised by their bytes (raster images by default). */
  allowedUploadTypes: string[];
  /** The largest file the media library accepts, in bytes (20 MB by default); an empty file never. */
  maxUploadBytes: number;
  /** Days a killed story stays in the feeds as a kill notice (ninjs: `pubStatus: canceled`). */
  killNoticeDays: number;
  /**
   * Names of the API tokens whose holders are embargo partners: they see embargoed stories, as
   * `pubStatus: withheld`, in the content API and the feeds.
   */
  embargoPartners: string[];
  /**
   * The readers' page of a story, such as `https://news.example/{slug}` (`{slug}` and `{documentId}`
   * are filled in): every feed item's link and the JSON-LD's url, the API URL an alternate. null:
   * the API URL.
   */
  articleUrl: string | null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCE_KINDS = ['news-agency', 'publisher', 'broadcaster', 'government', 'other'];

export const DEFAULT_OPTIONS: Readonly<NewsroomOptions> = {
  requiredAgencies: ['sputnik', 'pakistan-point-news'],
  houseDistributor: 'pakistan-point-news',
  maxBodyBytes: 1024 * 1024,
  seedDispatches: null,
  publicRead: true,
  protectUsersApi: false,
  // Expensive reads run this many at a time per instance, each client in its own line; beyond
  // maxWaiting queued requests in all, or maxWaitingPerClient of one client's, the API answers 503.
  readQueue: { concurrency: 2, maxWaiting: 1000 },
  responseCache: { maxBytes: 64 * 1024 * 1024 },
  feed: {
    title: 'پاکستان پوائنٹ نیوز — الأخبار العربية',
    description: 'أخبار عربية من وكالات الأنباء، منسوبة إلى كل وكالة',
    publisher: 'Pakistan Point News',
    publisherUrl: 'https://www.pakistanpoint.com',
    usageTerms: 'Republication by syndication partners only, crediting every agency named in the item.',
    language: 'ar',
  },
  // How to write known outlets in Latin letters (their slugs come from it) and what they are.
  knownOutlets: [
    ...WIRE_AGENCIES,
    { names: ['ان بي سي', 'إن بي سي'], nameLatin: 'NBC', kind: 'broadcaster', url: 'https://www.nbcnews.com' },
    { names: ['الدفاع الروسية', 'وزارة الدفاع الروسية'], nameLatin: 'Russian Ministry of Defence', kind: 'government' },
  ],
  additionalOutlets: [],
  allowedUploadTypes: NEWSROOM_IMAGE_TYPES,
  maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
  killNoticeDays: DEFAULT_KILL_NOTICE_DAYS,
  embargoPartners: [],
  articleUrl: null,
};

type Problem = string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isCount = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min;
const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

function outletProblem(outlet: unknown, index: number, list: string): Problem {
  const at = `${list}[${index}]`;
  if (!isRecord(outlet)) return `${at} must be an object { names, nameLatin, kind, url? }`;
  if (!Array.isArray(outlet.names) || outlet.names.length === 0 || !outlet.names.every(isText))
    return `${at}.names must be a non-empty list of names as the dispatches write them`;
  if (!isText(outlet.nameLatin)) return `${at}.nameLatin must be the outlet's name in Latin letters`;
  if (!SOURCE_KINDS.includes(String(outlet.kind))) return `${at}.kind must be one of ${SOURCE_KINDS.join(', ')}`;
  if (outlet.url !== undefined && !isHttpUrl(outlet.url)) return `${at}.url must be an http(s) URL`;
  return undefined;
}

/** Every problem with the options, each naming the option; empty when they are fine. */
export function optionProblems(options: Record<string, unknown>): string[] {
  const problems: Problem[] = [];
  const known = new Set(Object.keys(DEFAULT_OPTIONS));
  for (const key of Object.keys(options)) if (!known.has(key)) problems.push(`unknown option ${key}`);
  const { requiredAgencies, houseDistributor, maxBodyBytes, seedDispatches, readQueue, feed, knownOutlets } = options;
  if (
    !Array.isArray(requiredAgencies) ||
    !requiredAgencies.every((slug) => typeof slug === 'string' && SLUG.test(slug))
  )
    problems.push('requiredAgencies must be a list of Source slugs such as ["sputnik", "pakistan-point-news"]');
  if (typeof houseDistributor !== 'string' || (houseDistributor !== '' && !SLUG.test(houseDistributor)))
    problems.push('houseDistributor must be a Source slug such as "pakistan-point-news", or "" for none');
  if (!isCount(maxBodyBytes, 1)) problems.push('maxBodyBytes must be a whole number of bytes, at least 1');
  if (seedDispatches !== null && !isText(seedDispatches))
    problems.push('seedDispatches must be a folder of dispatches (relative to the app), or null for none');
  for (const flag of ['publicRead', 'protectUsersApi'])
    if (typeof options[flag] !== 'boolean') problems.push(`${flag} must be true or false`);
  if (!isRecord(readQueue)) problems.push('readQueue must be { concurrency, maxWaiting, maxWaitingPerClient? }');
  else {
    if (!isCount(readQueue.concurrency, 1)) problems.push('readQueue.concurrency must be a whole number, at least 1');
    if (!isCount(readQueue.maxWaiting, 0)) problems.push('readQueue.maxWaiting must be a whole number, at least 0');
    if (readQueue.maxWaitingPerClient != null && !isCount(readQueue.maxWaitingPerClient, 1))
      problems.push('readQueue.maxWaitingPerClient must be a whole number, at least 1, or unset');
  }
  if (!isRecord(options.responseCache) || !isCount(options.responseCache.maxBytes, 0))
    problems.push('responseCache.maxBytes must be a whole number of bytes (0 turns the cache off)');
  if (!isRecord(feed))
    problems.push('feed must be { title, description, publisher, publisherUrl, usageTerms, language }');
  else {
    for (const key of ['title', 'description', 'publisher', 'usageTerms'])
      if (!isText(feed[key])) problems.push(`feed.${key} must be a non-empty text`);
    if (!isHttpUrl(feed.publisherUrl)) problems.push('feed.publisherUrl must be an http(s) URL');
    if (typeof feed.language !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(feed.language))
      problems.push('feed.language must be a language tag such as "ar"');
  }
  for (const [list, outlets] of [
    ['knownOutlets', knownOutlets],
    ['additionalOutlets', options.additionalOutlets],
  ] as const) {
    if (!Array.isArray(outlets)) problems.push(`${list} must be a list of { names, nameLatin, kind, url? }`);
    else outlets.forEach((outlet, index) => problems.push(outletProblem(outlet, index, list)));
  }
  const uploads = options.allowedUploadTypes;
  if (!Array.isArray(uploads) || !uploads.every((type) => RECOGNISABLE_TYPES.includes(String(type))))
    problems.push(
      `allowedUploadTypes must be a list of media types recognisable by their content: ${RECOGNISABLE_TYPES.join(', ')}`,
    );
  if (!isCount(options.maxUploadBytes, 1))
    problems.push('maxUploadBytes must be a whole number of bytes, at least 1, such as 20971520 (20 MB)');
  if (!isCount(options.killNoticeDays, 0))
    problems.push('killNoticeDays must be a whole number of days, at least 0 (0: no kill notice in the feeds)');
  const partners = options.embargoPartners;
  if (!Array.isArray(partners) || !partners.every(isText))
    problems.push('embargoPartners must be a list of API token names, such as ["partner-feed"]');
  const { articleUrl } = options;
  if (
    articleUrl !== null &&
    (typeof articleUrl !== 'string' || !isHttpUrl(articleUrl) || !/\{(slug|documentId)\}/.test(articleUrl))
  )
    problems.push(
      'articleUrl must be an http(s) address naming {slug} or {documentId}, such as "https://news.example/{slug}", or null',
    );
  return problems.filter((problem): problem is string => problem !== undefined);
}

// Strapi merges a host's options into the defaults with lodash's defaultsDeep, which fills a
// shorter list from the default list index by index (["afp"] would become ["afp",
// "pakistan-point-news"]). So the lists have no default there; withDefaultLists supplies them.
const LISTS = [
  'requiredAgencies',
  'knownOutlets',
  'additionalOutlets',
  'allowedUploadTypes',
  'embargoPartners',
] as const;

/** The options as the plugin uses them: a list the host did not set takes its default. */
export function withDefaultLists(options: Record<string, unknown>): NewsroomOptions {
  const complete: Record<string, unknown> = { ...options };
  // Read on every request (the read queue, the feeds): the defaults are shared, never copied or changed.
  for (const list of LISTS) complete[list] ??= DEFAULT_OPTIONS[list];
  return complete as unknown as NewsroomOptions;
}

const {
  requiredAgencies: _agencies,
  knownOutlets: _outlets,
  additionalOutlets: _more,
  allowedUploadTypes: _uploads,
  embargoPartners: _partners,
  ...scalarDefaults
} = DEFAULT_OPTIONS;

/** The outlets the importer knows; additionalOutlets first, so a newsroom's entry wins over a default. */
export const outletGazetteer = (options: NewsroomOptions): KnownOutlet[] => [
  ...options.additionalOutlets,
  ...options.knownOutlets,
];

export default {
  default: scalarDefaults,
  validator(options: Record<string, unknown>): void {
    const problems = optionProblems(withDefaultLists(options) as unknown as Record<string, unknown>);
    if (problems.length > 0) throw new Error(`newsroom: ${problems.join('; ')}`);
  },
};
