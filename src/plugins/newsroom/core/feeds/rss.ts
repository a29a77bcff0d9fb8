// RSS 2.0 with Dublin Core credits and the full HTML in content:encoded.
import { escapeHtml, newestUpdate, type FeedItem, type FeedSettings } from './item';
import { PUB_STATUS_SCHEME } from './kill-notice';
import { element, rfc822, xmlText } from './xml';

// RSS readers render <title>, <description>, <dc:creator>, <dc:rights> and <source> as HTML: plain text is
// escaped for HTML first, so text that reads `<img …>` stays text after the reader decodes the XML.
const htmlTextElement = (name: string, text: string, attributes = '') => element(name, escapeHtml(text), attributes);

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
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
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
