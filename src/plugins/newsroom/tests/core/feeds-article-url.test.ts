// The articleUrl option: the readers' page of a story is every item's link (RSS link, Atom's
// text/html alternate, JSON Feed url, the JSON-LD's url), the API URL an alternate; unset, the API
// URL is the link as before. Atom still validates (RELAX NG of RFC 4287).
import { FEED_FORMATS, toFeedItem, toNewsArticleJsonLd, type FeedArticle, type FeedSettings } from '#core/feeds';
import { articleLink } from '#core/feeds/item';
import { optionProblems, DEFAULT_OPTIONS } from '../../server/src/config';
import { validateAtom } from '../helpers/feed-validators';
import { feedSettings } from '../helpers/feed-settings';

const SETTINGS: FeedSettings = feedSettings('https://api.news.example');

const ARTICLE: FeedArticle = {
  documentId: 'doc1',
  slug: 'khbr-awal',
  title: 'خبر أول',
  body: '<p dir="rtl" lang="ar">نص.</p>',
  lang: 'ar',
  dir: 'rtl',
  publishedAt: '2026-12-05T09:00:00.000Z',
  updatedAt: '2026-12-05T09:00:00.000Z',
  credits: [{ role: 'originator', source: { name: 'سبوتنيك', nameLatin: 'Sputnik', slug: 'sputnik' } }],
};

const API = 'https://api.news.example/api/articles/doc1';
const PAGE = 'https://news.example/news/khbr-awal';

test('the template names the slug or the documentId, encoded', () => {
  expect(articleLink('https://news.example/news/{slug}', ARTICLE)).toBe(PAGE);
  expect(articleLink('https://news.example/a/{documentId}?s={slug}', { documentId: 'a b', slug: null })).toBe(
    'https://news.example/a/a%20b?s=a%20b',
  );
  expect(articleLink(null, ARTICLE)).toBeUndefined();
});

test('unset, the API URL is the link, as before', async () => {
  const item = toFeedItem(ARTICLE, SETTINGS);
  expect([item.link, item.apiUrl]).toEqual([API, API]);
  const atom = FEED_FORMATS.atom.render([item], SETTINGS);
  expect(atom).toContain(`<link rel="alternate" type="application/json" href="${API}"/>`);
  expect(atom).not.toContain('type="text/html"');
  expect(FEED_FORMATS.rss.render([item], SETTINGS)).not.toContain('<atom:link rel="alternate"');
});

test('set, the readers’ page is every link and the API URL an alternate; Atom validates', async () => {
  const settings = { ...SETTINGS, articleUrl: 'https://news.example/news/{slug}' };
  const item = toFeedItem(ARTICLE, settings);
  expect([item.link, item.apiUrl]).toEqual([PAGE, API]);
  const rss = FEED_FORMATS.rss.render([item], settings);
  expect(rss).toContain(`<link>${PAGE}</link>`);
  expect(rss).toContain(`<atom:link rel="alternate" type="application/json" href="${API}"/>`);
  const atom = FEED_FORMATS.atom.render([item], settings);
  expect(atom).toContain(`<link rel="alternate" type="text/html" href="${PAGE}"/>`);
  expect(atom).toContain(`<link rel="alternate" type="application/json" href="${API}"/>`);
  expect(await validateAtom(atom)).toEqual([]);
  const json = JSON.parse(FEED_FORMATS.json.render([item], settings));
  expect(json.items[0]).toMatchObject({ url: PAGE, _newsroom: { apiUrl: API } });
  expect(toNewsArticleJsonLd(item, settings)?.url).toBe(PAGE);
});

test('the option is an http(s) address naming {slug} or {documentId}, or null', () => {
  const problems = (articleUrl: unknown) =>
    optionProblems({ ...DEFAULT_OPTIONS, articleUrl } as unknown as Record<string, unknown>).filter((problem) =>
      problem.startsWith('articleUrl'),
    );
  expect(problems(null)).toEqual([]);
  expect(problems('https://news.example/{slug}')).toEqual([]);
  expect(problems('https://news.example/a/{documentId}')).toEqual([]);
  expect(problems('https://news.example/latest')).toHaveLength(1);
  expect(problems('javascript:alert(1)//{slug}')).toHaveLength(1);
  expect(problems(42)).toHaveLength(1);
});
