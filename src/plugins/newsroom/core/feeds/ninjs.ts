// IPTC ninjs 3.1 items: headline, HTML body, agencies as infoSources (originator first), rights, and
// the lifecycle. ninjs 3.1 has no field for corrections: each is a description with role
// `correction` (`<at> — <note>`), in the order issued. The story updated is an association named
// `updates`. `firstCreated` is the dispatch's own date (at midnight UTC: a dateline has no hour) when
// the agency gave one, else our first publication; `versionCreated` is this version's. A story killed stays here as `pubStatus: canceled` with its `edNote`, its headline
// behind the kill label and its text replaced by the kill notice (kill-notice.ts); `version` is the
// story's version number (a story published before versions existed keeps the update time it
// carried before). `pubStatus` is the one at the instant the item was built (toFeedItem's `now`).
// The lead picture is an association named `picture` (its rendition, its credit in `by`, caption and
// alt as descriptions); the subjects are `subjects` with their IPTC URIs.
import type { FeedItem, FeedPicture, FeedSettings } from './item';

export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

function pictureAssociation(picture: FeedPicture, story: string) {
  return {
    name: 'picture',
    rel: 'picture',
    uri: `${story}:picture`,
    type: 'picture',
    language: picture.lang,
    ...(picture.credit ? { by: picture.credit } : {}),
    ...(picture.caption || picture.alt
      ? {
          descriptions: [
            ...(picture.caption ? [{ role: 'caption', contentType: 'text/plain', value: picture.caption }] : []),
            ...(picture.alt ? [{ role: 'alt', contentType: 'text/plain', value: picture.alt }] : []),
          ],
        }
      : {}),
    renditions: [
      {
        name: 'original',
        href: picture.url,
        contentType: picture.type,
        ...(picture.width !== undefined ? { width: picture.width } : {}),
        ...(picture.height !== undefined ? { height: picture.height } : {}),
        sizeInBytes: picture.length,
      },
    ],
  };
}

export function toNinjs(item: FeedItem, _settings: FeedSettings) {
  const sources = ['originator', 'distributor'].flatMap((role) =>
    item.credits.filter((credit) => credit.role === role),
  );
  const associations = [
    ...(item.picture ? [pictureAssociation(item.picture, item.id)] : []),
    ...(item.updates
      ? [
          {
            name: 'updates',
            rel: 'updates',
            uri: item.updates.uri,
            ...(item.updates.title
              ? { headlines: [{ role: 'main', contentType: 'text/plain', value: item.updates.title }] }
              : {}),
          },
        ]
      : []),
  ];
  return {
    uri: item.id,
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA },
    type: 'text',
    profile: item.picture ? 'text-with-picture' : 'text-only',
    version: item.version ? String(item.version) : item.updated,
    // The agency's own date of the story (its dispatch), then ours: when this version was made.
    firstCreated: item.dispatchDate ? `${item.dispatchDate}T00:00:00Z` : item.published,
    versionCreated: item.updated,
    pubStatus: item.pubStatus,
    ...(item.embargoedUntil ? { embargoedUntil: item.embargoedUntil } : {}),
    ...(item.ednote ? { edNote: item.ednote } : {}),
    language: item.lang,
    slugline: item.slug,
    headlines: [{ role: 'main', contentType: 'text/plain', value: item.title }],
    descriptions: [
      { role: 'summary', contentType: 'text/plain', value: item.summary },
      ...item.corrections.map((correction) => ({
        role: 'correction',
        contentType: 'text/plain',
        value: `${correction.at} — ${correction.note}`,
      })),
    ],
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
    usageTerms: item.usageTerms,
    located: item.city ?? item.dateline,
    ...(item.subjects.length
      ? {
          subjects: item.subjects.map((subject) => ({
            name: subject.name,
            ...(subject.code ? { uri: subject.code } : {}),
            literal: subject.slug,
          })),
        }
      : {}),
    ...(associations.length ? { associations } : {}),
  };
}

export const renderNinjsList = (items: FeedItem[], settings: FeedSettings) =>
  JSON.stringify(items.map((item) => toNinjs(item, settings)));

export const renderNinjsItem = (item: FeedItem, settings: FeedSettings) => JSON.stringify(toNinjs(item, settings));
