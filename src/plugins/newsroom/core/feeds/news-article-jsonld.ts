// schema.org NewsArticle JSON-LD of a published story, for `/api/articles/:documentId/jsonld`.
// Each credited agency is an Organization, named as printed (`سبوتنيك`) with its Latin name as
// alternateName, and is both `author` and `sourceOrganization` (the wire is the story's source and
// its writer); the newsroom is the `publisher`; the originator holds the copyright; each correction
// is a CorrectionComment. Only a story the public may read has one: a withheld or killed story has
// none (null), so the route answers 404 for it as for any story it does not show.
import type { FeedCredit, FeedItem, FeedSettings } from './item';

const organization = (credit: FeedCredit) => ({
  '@type': 'Organization',
  name: credit.name,
  ...(credit.nameLatin !== credit.name ? { alternateName: credit.nameLatin } : {}),
  ...(/^https?:\/\//i.test(credit.uri) ? { url: credit.uri } : { identifier: credit.uri }),
});

export function toNewsArticleJsonLd(item: FeedItem, settings: FeedSettings) {
  if (item.pubStatus !== 'usable') return null;
  const agencies = item.credits.filter((credit) => credit.role !== 'contributor');
  const holder = item.credits.find((credit) => credit.nameLatin === item.copyrightHolder);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': item.id,
    url: item.link,
    identifier: item.documentId,
    headline: item.title,
    ...(item.summary ? { description: item.summary } : {}),
    datePublished: item.published,
    dateModified: item.updated,
    ...(item.dateline ? { dateline: item.dateline } : {}),
    inLanguage: item.lang,
    ...(item.version ? { version: item.version } : {}),
    ...(item.city ? { locationCreated: { '@type': 'Place', name: item.city } } : {}),
    author: agencies.map(organization),
    sourceOrganization: agencies.map(organization),
    publisher: { '@type': 'Organization', name: settings.publisher, url: settings.publisherUrl },
    copyrightHolder: holder ? organization(holder) : { '@type': 'Organization', name: item.copyrightHolder },
    copyrightNotice: item.copyrightNotice,
    ...(item.corrections.length
      ? {
          correction: item.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            text: correction.note,
            datePublished: correction.at,
          })),
        }
      : {}),
    ...(item.updates ? { isBasedOn: item.updates.uri } : {}),
  };
}

/** The document as served; `<` escaped so it can also sit inside an HTML `<script>` unchanged. */
export function renderNewsArticleJsonLd(item: FeedItem, settings: FeedSettings): string | null {
  const document = toNewsArticleJsonLd(item, settings);
  return document && JSON.stringify(document).replace(/</g, '\\u003c');
}
