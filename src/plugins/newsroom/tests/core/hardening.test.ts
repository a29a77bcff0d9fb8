// The pure halves of the audit's fixes (issue 12): attribute escaping by construction, noncharacters,
// the router's view of a path, the feeds' public address, RSS text that readers render as HTML.
import { readFileSync } from 'fs';
import path from 'path';
import { CREDIT_ROLES } from '#core/dateline';
import { SLUG_PATTERN } from '#core/slug';
import { sanitizeBody, stripControlCharacters } from '#core/sanitize';
import { canonicalPath } from '#core/well-formed';
import { publicBaseUrl } from '#core/feeds/public-url';
import { FEED_FORMATS, toFeedItem, type FeedSettings } from '#core/feeds';
import { prepareArticle, RuleViolation } from '#core/rules';
import { PLUGIN_ROOT } from '../helpers/paths';

const CONFIG = { requiredAgencies: ['sputnik'], houseDistributor: 'sputnik', maxBodyBytes: 100000 };

describe('body HTML escapes attribute values whatever their origin', () => {
  test('a forged fallback lang cannot leave its attribute', () => {
    const html = sanitizeBody('<p>2021</p>', { lang: 'x" onmouseover="alert(3)', dir: 'rtl' });
    expect(html).toBe('<p dir="rtl" lang="x&quot; onmouseover=&quot;alert(3)">2021</p>');
  });

  test('escaped quotes in a kept attribute stay escaped, and cleaning twice changes nothing', () => {
    const once = sanitizeBody(
      '<p><a href="https://x.example/?a=&quot;b&quot;" title="&quot;&gt;&lt;img">رابط</a></p>',
      {
        lang: 'ar',
        dir: 'rtl',
      },
    );
    expect(once).not.toMatch(/title="[^"]*"[^ >]/);
    expect(once).toContain('title="&quot;&gt;&lt;img"');
    expect(sanitizeBody(once, { lang: 'ar', dir: 'rtl' })).toBe(once);
  });

  test('a write with a forged lang is refused naming lang', () => {
    expect(() =>
      prepareArticle({ title: 'عنوان', lang: 'x" onmouseover="alert(3)' }, { published: false, config: CONFIG }),
    ).toThrow(RuleViolation);
  });
});

test('Unicode noncharacters are removed with the control characters', () => {
  expect(stripControlCharacters('a\uFFFEb\uFFFFc\uFDD0d\u{10FFFF}e\u{1FFFE}f')).toBe('abcdef');
  expect(stripControlCharacters('نص عادي 😀\uFFFD')).toBe('نص عادي 😀\uFFFD');
});

test.each([
  ['/API/users', '/api/users'],
  ['/Api/Users-Permissions/Roles', '/api/users-permissions/roles'],
  ['/api/%75sers', '/api/users'],
  ['/api//users///me', '/api/users/me'],
  ['/api/%E0%A4%A', '/api/%e0%a4%a'],
])('the router sees %s as %s', (path, canonical) => {
  expect(canonicalPath(path)).toBe(canonical);
});

describe('the feeds name the configured address, never the request', () => {
  test.each([
    [{ url: 'https://news.example/', host: '0.0.0.0', port: 1337 }, 'https://news.example'],
    [{ url: '', host: '0.0.0.0', port: 1337 }, 'http://127.0.0.1:1337'],
    [{ url: undefined, host: 'news.internal', port: 8080 }, 'http://news.internal:8080'],
    [{ url: '/relative', host: '::1', port: 1337 }, 'http://[::1]:1337'],
  ])('%j → %s', (server, base) => {
    expect(publicBaseUrl(server)).toBe(base);
  });
});

const FEED_SETTINGS: FeedSettings = {
  baseUrl: 'https://news.example',
  selfUrl: 'https://news.example/api/syndication/rss',
  title: 'أخبار',
  description: 'وصف',
  publisher: 'P',
  publisherUrl: 'https://p.example',
  usageTerms: 'terms',
  language: 'ar',
};

test('RSS title and description are HTML-escaped text inside the XML', () => {
  const settings: FeedSettings = {
    baseUrl: 'https://news.example',
    selfUrl: 'https://news.example/api/syndication/rss',
    title: 'أخبار <b>',
    description: 'وصف & وصف',
    publisher: 'P',
    publisherUrl: 'https://p.example',
    usageTerms: 'terms',
    language: 'ar',
  };
  const item = toFeedItem(
    {
      documentId: 'd1',
      title: 'عنوان <img src=x onerror=alert(7)>',
      body: '<p>&lt;img src=x onerror=alert(8)&gt;</p>',
      publishedAt: '2021-06-14T10:00:00.000Z',
      updatedAt: '2021-06-14T10:00:00.000Z',
    },
    settings,
  );
  const rss = FEED_FORMATS.rss.render([item], settings);
  expect(rss).toContain('<title>عنوان &amp;lt;img src=x onerror=alert(7)&amp;gt;</title>');
  expect(rss).toContain('<description>&amp;lt;img src=x onerror=alert(8)&amp;gt;</description>');
  expect(rss).toContain('<title>أخبار &amp;lt;b&amp;gt;</title>');
});

describe('one source of truth: the schemas agree with the code', () => {
  // JSON schemas cannot import the constants, so this holds them together.
  const read = (file: string) => JSON.parse(readFileSync(path.join(PLUGIN_ROOT, file), 'utf8'));

  test('the credit roles', () => {
    expect(read('server/src/components/credit.json').attributes.role.enum).toEqual([...CREDIT_ROLES]);
  });

  test.each(['server/src/content-types/article/schema.json', 'server/src/content-types/source/schema.json'])(
    'the slug pattern of %s',
    (file) => {
      expect(read(file).attributes.slug.regex).toBe(SLUG_PATTERN);
    },
  );
});

test('a feed item never carries a stored lang that is not a language tag', () => {
  const item = toFeedItem(
    {
      documentId: 'd2',
      title: 'عنوان',
      body: '<p>2021</p>',
      lang: 'x" onmouseover="alert(9)',
      publishedAt: '2021-06-14T10:00:00.000Z',
      updatedAt: '2021-06-14T10:00:00.000Z',
    },
    { ...FEED_SETTINGS },
  );
  expect(item.lang).toBe('ar');
  expect(item.html).not.toMatch(/onmouseover/);
});
