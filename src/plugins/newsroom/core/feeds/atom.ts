// Atom 1.0 (RFC 4287): each agency an author, rights, the originating agency as source, the lead
// picture as an enclosure link (titled with its text alternative), the subjects as categories.
import { newestUpdate, type FeedItem, type FeedSettings } from './item';
import { PUB_STATUS_SCHEME } from './kill-notice';
import { element, xmlText } from './xml';

function atomEntry(item: FeedItem): string {
  const originator = item.credits.find((credit) => credit.role === 'originator') ?? item.credits[0];
  return [
    `<entry xml:lang="${xmlText(item.lang)}">`,
    element('id', item.id),
    element('title', item.title),
    // The readers' page when there is one; the story in the content API always, as JSON.
    item.link !== item.apiUrl ? `<link rel="alternate" type="text/html" href="${xmlText(item.link)}"/>` : '',
    `<link rel="alternate" type="application/json" href="${xmlText(item.apiUrl)}"/>`,
    element('published', item.published),
    element('updated', item.updated),
    ...item.credits.map((credit) =>
      [
        '<author>',
        element('name', `${credit.nameLatin} (${credit.name})`),
        element('uri', credit.uri),
        '</author>',
      ].join(''),
    ),
    element('summary', item.summary),
    element('content', item.html, ' type="html"'),
    element('rights', item.rights),
    item.pubStatus === 'canceled' ? `<category scheme="${PUB_STATUS_SCHEME}" term="canceled"/>` : '',
    ...item.subjects.map((subject) => `<category term="${xmlText(subject.slug)}" label="${xmlText(subject.name)}"/>`),
    item.picture
      ? `<link rel="enclosure" type="${xmlText(item.picture.type)}" length="${item.picture.length}" href="${xmlText(item.picture.url)}"${
          item.picture.alt ? ` title="${xmlText(item.picture.alt)}"` : ''
        }/>`
      : '',
    originator
      ? [
          '<source>',
          element('id', originator.uri),
          element('title', originator.name),
          element('updated', item.updated),
          '</source>',
        ].join('')
      : '',
    '</entry>',
  ].join('\n');
}

export function renderAtom(items: FeedItem[], settings: FeedSettings): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(settings.language)}">`,
    element('id', settings.selfUrl),
    element('title', settings.title),
    element('subtitle', settings.description),
    element('updated', newestUpdate(items)),
    `<link rel="self" type="application/atom+xml" href="${xmlText(settings.selfUrl)}"/>`,
    `<link rel="alternate" href="${xmlText(settings.baseUrl)}"/>`,
    ['<author>', element('name', settings.publisher), element('uri', settings.publisherUrl), '</author>'].join(''),
    element('rights', settings.usageTerms),
    ...items.map(atomEntry),
    '</feed>',
  ].join('\n');
}
