// The plugin's name, its UIDs and its admin permission: the one place they are spelled.
export const PLUGIN = 'newsroom';
export const ARTICLE = 'plugin::newsroom.article';
export const QUOTE = 'plugin::newsroom.quote';
export const SOURCE = 'plugin::newsroom.source';
export const SUBJECT = 'plugin::newsroom.subject';
export const CREDIT = 'newsroom.credit';
export const CORRECTION = 'newsroom.correction';
export const PICTURE = 'newsroom.picture';

/** The newsroom's own content types. */
export const NEWSROOM_TYPES: ReadonlySet<string> = new Set([ARTICLE, QUOTE, SOURCE, SUBJECT]);

/** The admin permission that reads the response cache's statistics (super admins have it). */
export const READ_CACHE_STATS = `plugin::${PLUGIN}.response-cache.read`;
