// RSS 2.0 with Dublin Core credits, the full HTML in content:encoded, the lead picture as an
// enclosure and as Media RSS (its credit, caption and text alternative), the subjects as categories.
import { escapeHtml, newestUpdate, type FeedItem, type FeedPicture, type FeedSettings } from './item';
import { PUB_STATUS_SCHEME } from './kill-notice';
import { element, rfc822, xmlText } from './xml';

// RSS readers render <title>, <description>, <dc:creator>, <dc:rights> and <source> as HTML: plain text is
// escaped for HTML first, so text that reads `<img …>` stays text after the reader decodes the XML.
const htmlTextElement = (name: string, text: string, attributes = '') => element(name, escapeHtml(text), attributes);

// The picture: an enclosure (RSS 2.0: address, exact length, type) and Media RSS's media:content.
function rssPicture(picture: FeedPicture): string[] {
  const size = [
    picture.width !== undefined ? ` width="${picture.width}"` : '',
    picture.height !== undefined ? ` height="${picture.height}"` : '',
  ].join('');
  const plain = ' type="plain"';
  return [
    `<enclosure url="${xmlText(picture.url)}" length="${picture.length}" type="${xmlText(picture.type)}"/>`,
    `<media:content url="${xmlText(picture.url)}" type="${xmlText(picture.type)}" medium="image" fileSize="${picture.length}"${size}>`,
    picture.caption ? htmlTextElement('media:description', picture.caption, plain) : '',
    picture.alt ? htmlTextElement('media:text', picture.alt, `${plain} lang="${xmlText(picture.lang)}"`) : '',
    picture.credit ? htmlTextElement('media:credit', picture.credit, ' role="photographer"') : '',
    '</media:content>',
  ];
}

function rssItem(item: FeedItem, settings: FeedSettings): string {
  const originator = item.credits.find((credit) => credit.role === 'originator') ?? item.credits[0];
  return [
    '<item>',
    htmlTextElement('title', item.title),
    element('link', item.link),
    item.link !== item.apiUrl
      ? `<atom:link rel="alternate" type="application/json" href="${xmlText(item.apiUrl)}"/>`
      : '',
    element('guid', item.id, ' isPermaLink="false"'),
    element('pubDate', rfc822(item.published)),
    htmlTextElement('description', item.summary),
    element('content:encoded', item.html),
    ...item.credits.map((credit) =>
      htmlTextElement('dc:creator', `${credit.nameLatin} (${credit.name}) — ${credit.role}`),
    ),
    htmlTextElement('dc:rights', item.rights),
    item.pubStatus === 'canceled' ? element('category', 'canceled', ` domain="${PUB_STATUS_SCHEME}"`) : '',
    ...item.subjects.map((subject) =>
      htmlTextElement('category', subject.name, subject.code ? ` domain="${xmlText(subject.code)}"` : ''),
    ),
    ...(item.picture ? rssPicture(item.picture) : []),
    element('dc:language', item.lang),
    element('dc:publisher', settings.publisher),
    originator
      ? htmlTextElement(
          'source',
          originator.name,
          ` url="${xmlText(originator.uri.startsWith('http') ? originator.uri : item.link)}"`,
        )
      : '',
    '</item>',
  ].join('\n');
}

export function renderRss(items: FeedItem[], settings: FeedSettings): string {
  const updated = newestUpdate(items);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    htmlTextElement('title', settings.title),
    element('link', settings.baseUrl),
    htmlTextElement('description', settings.description),
    element('language', settings.language),
    `<atom:link href="${xmlText(settings.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    element('dc:publisher', settings.publisher),
    element('lastBuildDate', rfc822(updated)),
    element('pubDate', rfc822(updated)),
    ...items.map((item) => rssItem(item, settings)),
    '</channel>',
    '</rss>',
  ].join('\n');
}
