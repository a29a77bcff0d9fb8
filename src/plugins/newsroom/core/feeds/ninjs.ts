// IPTC ninjs 3.1 items: headline, HTML body, agencies as infoSources (originator first), rights.
import type { FeedItem, FeedSettings } from './item';

export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

export function toNinjs(item: FeedItem, settings: FeedSettings) {
  const sources = ['originator', 'distributor'].flatMap((role) =>
    item.credits.filter((credit) => credit.role === role),
  );
  return {
    uri: item.id,
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA },
    type: 'text',
    profile: 'text-only',
    version: item.updated,
    firstCreated: item.published,
    versionCreated: item.updated,
    pubStatus: 'usable',
    language: item.lang,
    slugline: item.slug,
    headlines: [{ role: 'main', contentType: 'text/plain', value: item.title }],
    descriptions: [{ role: 'summary', contentType: 'text/plain', value: item.summary }],
    bodies: [{ role: 'main', contentType: 'text/html', value: item.html }],
    by: sources.map((credit) => `${credit.nameLatin} (${credit.name})`).join(' / '),
    infoSources: sources.map((credit) => ({
      name: credit.name,
      role: credit.role,
      uri: credit.uri,
      literal: credit.nameLatin,
    })),
    copyrightHolder: item.copyrightHolder,
    copyrightNotice: item.copyrightNotice,
    usageTerms: settings.usageTerms,
    located: item.dateline,
  };
}

export const renderNinjsList = (items: FeedItem[], settings: FeedSettings) =>
  JSON.stringify(items.map((item) => toNinjs(item, settings)));

export const renderNinjsItem = (item: FeedItem, settings: FeedSettings) => JSON.stringify(toNinjs(item, settings));
