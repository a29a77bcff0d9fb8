// The feeds after the injection: every published hostile article through its ninjs item, the
// newest 100 through RSS, Atom and JSON Feed. Nothing executable; titles stay text; no drafts.
import Parser from 'rss-parser';
import { executableParts } from '../../src/plugins/newsroom/tests/helpers/executable';
import { validateAtom } from '../../src/plugins/newsroom/tests/helpers/feed-validators';
import { call, type Shared } from './context';
import type { Written } from './injection';
import { decodeHtmlText } from '../../src/plugins/newsroom/tests/helpers/html-text';

type Item = Record<string, any>;

export async function checkFeeds(
  shared: Shared,
  written: Written[],
  servedArticles: Map<string, Item>,
): Promise<{ problems: string[]; survivors: string[] }> {
  const problems: string[] = [];
  const survivors: string[] = [];
  const expectedTitle = new Map<string, string>();
  const drafts = new Set<string>();
  for (const entry of written.filter((written) => written.type === 'article')) {
    const item = servedArticles.get(entry.documentId);
    if (item?.publishedAt) expectedTitle.set(entry.documentId, entry.expect.title);
    else drafts.add(entry.documentId);
  }
  const executable = (label: string, html: unknown) => {
    const parts = typeof html === 'string' ? executableParts(html) : [`${label}: no HTML`];
    if (parts.length > 0) survivors.push(`${label}: ${parts.join(' ')}`);
  };

  for (const [documentId, title] of expectedTitle) {
    const slug = servedArticles.get(documentId)?.slug;
    const response = await call(shared, 'get', `/api/syndication/ninjs/${slug}`);
    if (response.status !== 200) {
      problems.push(`ninjs ${slug}: ${response.status}`);
      continue;
    }
    executable(`ninjs ${slug}`, response.body.bodies?.[0]?.value);
    if (response.body.headlines?.[0]?.value !== title)
      problems.push(`ninjs ${slug}: headline is not the title as text`);
  }

  const text = async (feed: string) => (await call(shared, 'get', `/api/syndication/${feed}?limit=100`)).text;
  const [rss, atom, json] = await Promise.all(['rss', 'atom', 'json'].map(text));
  for (const [feed, body] of [
    ['rss', rss],
    ['atom', atom],
    ['json', json],
  ]) {
    for (const draft of drafts) if (body.includes(draft)) problems.push(`${feed}: serves draft ${draft}`);
  }
  const atomErrors = await validateAtom(atom);
  if (atomErrors.length > 0) problems.push(`atom invalid: ${atomErrors.slice(0, 3).join('; ')}`);
  const parser = new Parser({ customFields: { item: ['content:encoded'] } });
  const fromXml = async (
    feed: string,
    xml: string,
    html: (item: Item) => unknown,
    asText = (title: string) => title,
  ) => {
    for (const item of (await parser.parseString(xml)).items as Item[]) {
      const documentId = String(item.guid ?? item.id ?? '')
        .split(':')
        .pop() as string;
      executable(`${feed} ${documentId}`, html(item));
      const title = expectedTitle.get(documentId);
      if (title !== undefined && asText(item.title) !== title)
        problems.push(`${feed} ${documentId}: title is not the text`);
    }
  };
  // An RSS title is HTML to its readers: the text comes back once they decode it.
  await fromXml('rss', rss, (item) => item['content:encoded'], decodeHtmlText);
  await fromXml('atom', atom, (item) => item.content);
  for (const item of JSON.parse(json).items as Item[]) executable(`json ${item.id}`, item.content_html);
  return { problems, survivors };
}
