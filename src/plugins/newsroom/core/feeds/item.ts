// One neutral item model for every feed format, built from a published article.
import { paragraphsOf } from '../sanitize';
import { isLanguageTag, type Direction } from '../rtl';
import { CREDIT_ROLES, type CreditRole } from '../dateline';
import { effectivePubStatus, instant, type Correction, type LifecycleOptions, type PubStatus } from '../lifecycle';
import { escapeHtml } from './html';
import { KILL_LABEL, killNoticeHtml, killedRights } from './kill-notice';

export interface FeedSource {
  name?: string | null;
  nameLatin?: string | null;
  slug?: string | null;
  url?: string | null;
  kind?: string | null;
  /** The agency's own rights, carried into every item that credits it. */
  copyrightNotice?: string | null;
  usageTerms?: string | null;
}

export interface FeedArticle {
  documentId: string;
  slug?: string | null;
  title: string;
  body?: string | null;
  lang?: string | null;
  dir?: string | null;
  dateline?: string | null;
  dispatchDate?: string | null;
  publishedAt: string;
  updatedAt: string;
  /** The first publication (the item's published date); `publishedAt` is this version's. */
  firstPublishedAt?: string | null;
  version?: number | null;
  pubStatus?: string | null;
  embargoedUntil?: string | null;
  killedAt?: string | null;
  ednote?: string | null;
  corrections?: Array<Partial<Correction>> | null;
  /** The earlier story this one updates. */
  updates?: { documentId: string; title?: string | null } | null;
  /** The dateline's city, for ninjs `located`. */
  city?: string | null;
  credits?: Array<{ role?: string | null; source?: FeedSource | null }> | null;
  /** The lead picture; `image.bytes` is the file's exact length when the service could read it. */
  picture?: {
    image?: {
      url?: string | null;
      mime?: string | null;
      width?: number | null;
      height?: number | null;
      /** Strapi's size, in kilobytes. */
      size?: number | null;
      bytes?: number | null;
    } | null;
    caption?: string | null;
    credit?: string | null;
    alt?: string | null;
    lang?: string | null;
    dir?: string | null;
  } | null;
  subjects?: Array<{
    code?: string | null;
    name?: string | null;
    nameLatin?: string | null;
    slug?: string | null;
  }> | null;
  quotes?: Array<{
    text?: string | null;
    speaker?: string | null;
    speakerRole?: string | null;
    position?: number | null;
  }> | null;
}

export interface FeedSettings {
  baseUrl: string;
  selfUrl: string;
  title: string;
  description: string;
  publisher: string;
  publisherUrl: string;
  usageTerms: string;
  language: string;
  /**
   * The readers' page of a story, `{slug}` and `{documentId}` filled in (`https://news.example/{slug}`):
   * every item's link, the API URL then an alternate. Unset: the API URL is the link.
   */
  articleUrl?: string | null;
}

export interface FeedCredit {
  role: string;
  name: string;
  nameLatin: string;
  uri: string;
  copyrightNotice?: string;
  usageTerms?: string;
}

export interface FeedPicture {
  /** Absolute, on the public address (or the upload provider's own). */
  url: string;
  type: string;
  /** The file's length in bytes (RSS `enclosure`). */
  length: number;
  width?: number;
  height?: number;
  caption?: string;
  credit?: string;
  alt?: string;
  lang: string;
  dir: Direction;
}

export interface FeedSubject {
  /** The topic's URI (`http://cv.iptc.org/newscodes/mediatopic/04000000`), when it has one. */
  code?: string;
  name: string;
  nameLatin: string;
  slug: string;
}

export interface FeedItem {
  id: string;
  documentId: string;
  slug: string;
  title: string;
  /** The readers' page (the articleUrl option), else the API URL. */
  link: string;
  /** The story in the content API (`/api/articles/<documentId>`), JSON. */
  apiUrl: string;
  published: string;
  updated: string;
  /** The agency's own date of the dispatch (YYYY-MM-DD), when its dateline gave one. */
  dispatchDate?: string;
  summary: string;
  lang: string;
  dir: Direction;
  html: string;
  dateline: string;
  credits: FeedCredit[];
  quotes: Array<{ text: string; speaker: string; speakerRole?: string }>;
  copyrightHolder: string;
  copyrightNotice: string;
  /** Each credited agency's usage terms (`Sputnik: …`), then the newsroom's. */
  usageTerms: string;
  /** What RSS `dc:rights`, Atom `rights` and JSON Feed `_newsroom.rights` say: notice and agencies' terms. */
  rights: string;
  /** The version number as stored; absent on a story published before versions existed. */
  version?: number;
  pubStatus: PubStatus;
  embargoedUntil?: string;
  ednote?: string;
  corrections: Correction[];
  updates?: { uri: string; title?: string };
  city?: string;
  /** Left out of a killed story: its headline alone stays, behind the kill label. */
  picture?: FeedPicture;
  /** Kept on a killed story: a partner who takes one subject gets its kill notice. */
  subjects: FeedSubject[];
}

export { escapeHtml };

export const articleUri = (documentId: string) => `urn:newsroom:article:${documentId}`;

// An agency's address as an identifier in canonical form (`https://sputniknews.com/`, with the
// path's slash and a lower-case host), as the W3C Feed Validator asks of Atom ids.
function canonicalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function creditOf(credit: { role?: string | null; source?: FeedSource | null }): FeedCredit | undefined {
  const source = credit.source;
  if (!source?.name) return undefined;
  return {
    role: credit.role ?? 'contributor',
    name: source.name,
    nameLatin: source.nameLatin || source.name,
    uri: source.url
      ? canonicalUrl(source.url)
      : `urn:newsroom:source:${source.slug ?? encodeURIComponent(source.name)}`,
    ...(source.copyrightNotice?.trim() ? { copyrightNotice: source.copyrightNotice.trim() } : {}),
    ...(source.usageTerms?.trim() ? { usageTerms: source.usageTerms.trim() } : {}),
  };
}

const unique = (texts: string[]) => [...new Set(texts)];
const isoOrUndefined = (value: string | null | undefined) => {
  const time = instant(value);
  return time === undefined ? undefined : new Date(time).toISOString();
};

/** The picture of a story as the feeds carry it, when it has an image with an address. */
export function pictureOf(
  picture: FeedArticle['picture'],
  settings: FeedSettings,
  story: { lang: string; dir: Direction },
): FeedPicture | undefined {
  const image = picture?.image;
  if (!image?.url) return undefined;
  let url: string;
  try {
    url = new URL(image.url, `${settings.baseUrl}/`).href;
  } catch {
    return undefined;
  }
  const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);
  const length =
    Number.isInteger(image.bytes) && (image.bytes as number) >= 0
      ? (image.bytes as number)
      : Math.max(0, Math.round((image.size ?? 0) * 1000));
  const caption = text(picture?.caption);
  const credit = text(picture?.credit);
  const alt = text(picture?.alt);
  return {
    url,
    type: image.mime || 'application/octet-stream',
    length,
    ...(Number.isInteger(image.width) ? { width: image.width as number } : {}),
    ...(Number.isInteger(image.height) ? { height: image.height as number } : {}),
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
    ...(alt ? { alt } : {}),
    lang: picture?.lang && isLanguageTag(picture.lang) ? picture.lang : story.lang,
    dir: picture?.dir === 'ltr' ? 'ltr' : picture?.dir === 'rtl' ? 'rtl' : story.dir,
  };
}

/** The subjects of a story, each with a name and a slug. */
export function subjectsOf(subjects: FeedArticle['subjects']): FeedSubject[] {
  return (subjects ?? []).flatMap((subject) => {
    if (!subject?.name || !subject.slug) return [];
    return [
      {
        ...(subject.code ? { code: subject.code } : {}),
        name: subject.name,
        nameLatin: subject.nameLatin || subject.name,
        slug: subject.slug,
      },
    ];
  });
}

/** The readers' page of a story from the articleUrl template, or undefined when none is set. */
export function articleLink(
  template: string | null | undefined,
  article: { documentId: string; slug?: string | null },
): string | undefined {
  if (!template) return undefined;
  return template
    .replace(/\{slug\}/g, encodeURIComponent(article.slug ?? article.documentId))
    .replace(/\{documentId\}/g, encodeURIComponent(article.documentId));
}

/**
 * The item every serialiser writes: direction in the HTML, credit to each agency, quotes, rights,
 * and the lifecycle. Given `now`, `pubStatus` is the one partners see then (`withheld` turns
 * `usable` when the embargo lifts); without it, as stored. A killed story (`canceled`) keeps only
 * its headline, behind the kill label: its text gives way to the kill notice in every format.
 */
export function toFeedItem(
  article: FeedArticle,
  settings: FeedSettings,
  now?: Date | string,
  lifecycle: LifecycleOptions = {},
): FeedItem {
  // Stored values were checked on write; a lang or dir written behind Strapi's back (raw SQL,
  // `strapi import`) still cannot carry a forged tag into partners' feeds. The body is served as
  // stored: data moved in that way must come from a newsroom that cleaned it (README, Syndication).
  const lang = article.lang && isLanguageTag(article.lang) ? article.lang : settings.language;
  const dir: Direction = article.dir === 'ltr' ? 'ltr' : 'rtl';
  // The body was sanitized, its direction marked and its Latin runs isolated on write (the rules
  // run on every write path, publish included): the feeds serve it as stored.
  const body = article.body ?? '';
  const quotes = [...(article.quotes ?? [])]
    .filter((quote) => quote.text && quote.speaker)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((quote) => ({
      text: quote.text as string,
      speaker: quote.speaker as string,
      ...(quote.speakerRole ? { speakerRole: quote.speakerRole } : {}),
    }));
  const quotesHtml = quotes
    .map(
      (quote) =>
        `<blockquote dir="${dir}" lang="${escapeHtml(lang)}"><p>${escapeHtml(quote.text)}</p>` +
        `<p>— <cite>${escapeHtml(quote.speaker)}</cite>${quote.speakerRole ? `، ${escapeHtml(quote.speakerRole)}` : ''}</p></blockquote>`,
    )
    .join('');
  const credits = (article.credits ?? [])
    .map(creditOf)
    .filter((credit): credit is FeedCredit => Boolean(credit))
    .sort((a, b) => CREDIT_ROLES.indexOf(a.role as CreditRole) - CREDIT_ROLES.indexOf(b.role as CreditRole));
  const originator = credits.find((credit) => credit.role === 'originator') ?? credits[0];
  const distributors = credits.filter((credit) => credit.role === 'distributor').map((credit) => credit.nameLatin);
  const year = (article.dispatchDate ?? article.publishedAt).slice(0, 4);
  const holder = originator?.nameLatin ?? settings.publisher;
  // An agency's own notice replaces the generated one: it is what the agency asks partners to print.
  const agencyNotices = unique(credits.flatMap((credit) => (credit.copyrightNotice ? [credit.copyrightNotice] : [])));
  const copyrightNotice = agencyNotices.length
    ? agencyNotices.join(' ')
    : `© ${year} ${holder}${distributors.length ? `; distributed by ${distributors.join(', ')}` : ''}. ${credits
        .map((credit) => credit.name)
        .join(' / ')}`.trim();
  const agencyTerms = unique(
    credits.flatMap((credit) => (credit.usageTerms ? [`${credit.nameLatin}: ${credit.usageTerms}`] : [])),
  );
  const usageTerms = [...agencyTerms, settings.usageTerms].filter(Boolean).join(' ');
  const rights = [copyrightNotice, ...agencyTerms].join(' ');
  const pubStatus: PubStatus = now
    ? effectivePubStatus(article, now, lifecycle)
    : article.pubStatus === 'canceled' || article.pubStatus === 'withheld'
      ? article.pubStatus
      : 'usable';
  const killed = pubStatus === 'canceled';
  const ednote = article.ednote?.trim() || undefined;
  const corrections = (article.corrections ?? []).flatMap((correction) => {
    const at = isoOrUndefined(correction.at);
    return at && correction.note?.trim() ? [{ at, note: correction.note.trim() }] : [];
  });
  const embargoedUntil = isoOrUndefined(article.embargoedUntil);
  const version = Number.isInteger(article.version) && (article.version as number) >= 1 ? article.version : undefined;
  return {
    id: articleUri(article.documentId),
    documentId: article.documentId,
    slug: article.slug ?? article.documentId,
    title: killed ? `${KILL_LABEL} ${article.title}` : article.title,
    link: articleLink(settings.articleUrl, article) ?? `${settings.baseUrl}/api/articles/${article.documentId}`,
    apiUrl: `${settings.baseUrl}/api/articles/${article.documentId}`,
    published: article.firstPublishedAt || article.publishedAt,
    ...(/^\d{4}-\d{2}-\d{2}$/u.test(article.dispatchDate ?? '')
      ? { dispatchDate: article.dispatchDate as string }
      : {}),
    updated: killed ? (isoOrUndefined(article.killedAt) ?? article.updatedAt) : article.updatedAt,
    summary: killed ? (ednote ?? '') : (paragraphsOf(body)[0] ?? ''),
    lang,
    dir,
    html: killed
      ? killNoticeHtml(ednote, lang, dir)
      : `<div dir="${dir}" lang="${escapeHtml(lang)}">${body}${quotesHtml}</div>`,
    dateline: article.dateline ?? '',
    credits,
    quotes: killed ? [] : quotes,
    copyrightHolder: holder,
    copyrightNotice,
    usageTerms,
    rights: killed ? killedRights(rights) : rights,
    ...(version ? { version } : {}),
    pubStatus,
    ...(embargoedUntil ? { embargoedUntil } : {}),
    ...(ednote ? { ednote } : {}),
    corrections,
    ...(article.updates?.documentId
      ? {
          updates: {
            uri: articleUri(article.updates.documentId),
            ...(article.updates.title ? { title: article.updates.title } : {}),
          },
        }
      : {}),
    ...(article.city?.trim() ? { city: article.city.trim() } : {}),
    ...(killed ? {} : optional('picture', pictureOf(article.picture, settings, { lang, dir }))),
    subjects: subjectsOf(article.subjects),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** The feed's updated time: the newest item's, or the epoch for an empty feed. */
export function newestUpdate(items: FeedItem[]): string {
  return items.reduce((newest, item) => (item.updated > newest ? item.updated : newest), new Date(0).toISOString());
}
