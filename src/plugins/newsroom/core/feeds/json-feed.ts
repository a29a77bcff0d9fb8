// JSON Feed 1.1 with a `_newsroom` extension carrying direction, dateline, credits, quotes, rights
// and the lifecycle (pubStatus, version, ednote, corrections, the story updated); the lead picture is
// `image` (its caption, credit and alt in `_newsroom.picture`), the subjects' names are `tags`.
import type { FeedItem, FeedSettings } from './item';

export function renderJsonFeed(items: FeedItem[], settings: FeedSettings): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: settings.title,
    home_page_url: settings.baseUrl,
    feed_url: settings.selfUrl,
    description: settings.description,
    language: settings.language,
    authors: [{ name: settings.publisher, url: settings.publisherUrl }],
    items: items.map((item) => ({
      id: item.id,
      url: item.link,
      title: item.title,
      summary: item.summary,
      content_html: item.html,
      date_published: item.published,
      date_modified: item.updated,
      language: item.lang,
      ...(item.picture ? { image: item.picture.url } : {}),
      ...(item.subjects.length ? { tags: item.subjects.map((subject) => subject.name) } : {}),
      authors: item.credits.map((credit) => ({
        name: `${credit.nameLatin} (${credit.name})`,
        ...(credit.uri.startsWith('http') ? { url: credit.uri } : {}),
      })),
      _newsroom: {
        dir: item.dir,
        lang: item.lang,
        slug: item.slug,
        apiUrl: item.apiUrl,
        dateline: item.dateline,
        credits: item.credits,
        quotes: item.quotes,
        rights: item.rights,
        pubStatus: item.pubStatus,
        ...(item.version ? { version: item.version } : {}),
        ...(item.ednote ? { ednote: item.ednote } : {}),
        ...(item.embargoedUntil ? { embargoedUntil: item.embargoedUntil } : {}),
        ...(item.corrections.length ? { corrections: item.corrections } : {}),
        ...(item.updates ? { updates: item.updates } : {}),
        ...(item.picture ? { picture: item.picture } : {}),
        ...(item.subjects.length ? { subjects: item.subjects } : {}),
      },
    })),
  };
  return JSON.stringify(feed);
}
