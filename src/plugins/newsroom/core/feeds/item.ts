// One neutral item model for every feed format, built from a published article.
import { paragraphsOf } from '../sanitize';
import { isLanguageTag, type Direction } from '../rtl';
import { CREDIT_ROLES, type CreditRole } from '../dateline';

export interface FeedSource {
  name?: string | null;
  nameLatin?: string | null;
  slug?: string | null;
  url?: string | null;
  kind?: string | null;
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
  credits?: Array<{ role?: string | null; source?: FeedSource | null }> | null;
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
}

export interface FeedCredit {
  role: string;
  name: string;
  nameLatin: string;
  uri: string;
}

export interface FeedItem {
  id: string;
  documentId: string;
  slug: string;
  title: string;
  link: string;
  published: string;
  updated: string;
  summary: string;
  lang: string;
  dir: Direction;
  html: string;
  dateline: string;
  credits: FeedCredit[];
  quotes: Array<{ text: string; speaker: string; speakerRole?: string }>;
  copyrightHolder: string;
  copyrightNotice: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const articleUri = (documentId: string) => `urn:newsroom:article:${documentId}`;

function creditOf(credit: { role?: string | null; source?: FeedSource | null }): FeedCredit | undefined {
  const source = credit.source;
  if (!source?.name) return undefined;
  return {
    role: credit.role ?? 'contributor',
    name: source.name,
    nameLatin: source.nameLatin || source.name,
    uri: source.url || `urn:newsroom:source:${source.slug ?? encodeURIComponent(source.name)}`,
  };
}

/** The item every serialiser writes: direction in the HTML, credit to each agency, quotes. */
export function toFeedItem(article: FeedArticle, settings: FeedSettings): FeedItem {
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
  return {
    id: articleUri(article.documentId),
    documentId: article.documentId,
    slug: article.slug ?? article.documentId,
    title: article.title,
    link: `${settings.baseUrl}/api/articles/${article.documentId}`,
    published: article.publishedAt,
    updated: article.updatedAt,
    summary: paragraphsOf(body)[0] ?? '',
    lang,
    dir,
    html: `<div dir="${dir}" lang="${escapeHtml(lang)}">${body}${quotesHtml}</div>`,
    dateline: article.dateline ?? '',
    credits,
    quotes,
    copyrightHolder: holder,
    copyrightNotice:
      `© ${year} ${holder}${distributors.length ? `; distributed by ${distributors.join(', ')}` : ''}. ${credits
        .map((credit) => credit.name)
        .join(' / ')}`.trim(),
  };
}

/** The feed's updated time: the newest item's, or the epoch for an empty feed. */
export function newestUpdate(items: FeedItem[]): string {
  return items.reduce((newest, item) => (item.updated > newest ? item.updated : newest), new Date(0).toISOString());
}
