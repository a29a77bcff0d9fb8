import {
  FEED_FORMATS,
  parseLimit,
  renderNinjsItem,
  toFeedItem,
  type FeedArticle,
  type FeedSettings,
} from '#core/feeds';
import { xmlText } from '#core/feeds/xml';
import { sanitizeBody } from '#core/sanitize';
import Parser from 'rss-parser';
import { HOSTILE_HTML } from '../fixtures/hostile-html';
import { executableParts } from '../helpers/executable';
import { validateAtom, validateNinjs } from '../helpers/feed-validators';
import { decodeHtmlText } from '../helpers/html-text';
import { feedSettings } from '../helpers/feed-settings';

const SETTINGS: FeedSettings = feedSettings();

const ARTICLE: FeedArticle = {
  documentId: 'abc123',
  slug: 'khbr',
  title: 'خبر & <b>عاجل</b> ]]> \u0001\u0008 تم',
  // Bodies reach the feeds as the write path stored them.
  body: sanitizeBody('<p>الفقرة الأولى & NBC</p><script>alert(1)</script><p>الثانية ]]></p>', {
    lang: 'ar',
    dir: 'rtl',
  }),
  lang: 'ar',
  dir: 'rtl',
  dateline: '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)',
  dispatchDate: '2021-06-14',
  publishedAt: '2021-06-14T10:00:00.000Z',
  updatedAt: '2021-06-15T11:00:00.000Z',
  credits: [
    {
      role: 'distributor',
      source: { name: 'پاکستان پوائنٹ نیوز', nameLatin: 'Pakistan Point News', slug: 'pakistan-point-news' },
    },
    {
      role: 'originator',
      source: { name: 'سبوتنيك', nameLatin: 'Sputnik', slug: 'sputnik', url: 'https://sputniknews.com' },
    },
  ],
  quotes: [
    { text: 'ثانيا <i>', speaker: 'بوتين', position: 2 },
    { text: 'أولا & "', speaker: 'فلاديمير بوتين', speakerRole: 'الرئيس الروسي', position: 1 },
  ],
};

describe('the feed item', () => {
  const item = toFeedItem(ARTICLE, SETTINGS);

  test('carries id, link, summary, direction, credits (originator first) and ordered quotes', () => {
    expect(item.id).toBe('urn:newsroom:article:abc123');
    expect(item.link).toBe('https://news.example/api/articles/abc123');
    expect(item.summary).toBe('الفقرة الأولى & NBC');
    expect(item.html.startsWith('<div dir="rtl" lang="ar">')).toBe(true);
    expect(item.html).toContain('<bdi dir="ltr">NBC</bdi>');
    expect(item.html).toContain(
      '<blockquote dir="rtl" lang="ar"><p>أولا &amp; &quot;</p><p>— <cite>فلاديمير بوتين</cite>، الرئيس الروسي</p></blockquote>',
    );
    expect(item.html.indexOf('أولا')).toBeLessThan(item.html.indexOf('ثانيا'));
    expect(executableParts(item.html)).toEqual([]);
    expect(item.credits.map((credit) => credit.role)).toEqual(['originator', 'distributor']);
    expect(item.copyrightHolder).toBe('Sputnik');
    expect(item.copyrightNotice).toMatch(/^© 2021 Sputnik; distributed by Pakistan Point News/);
  });

  test('XML text drops characters XML forbids and escapes markup; never CDATA', () => {
    expect(xmlText('a & <b> ]]> \u0001 "q" \'s\' ب')).toBe('a &amp; &lt;b&gt; ]]&gt;  &quot;q&quot; &apos;s&apos; ب');
    for (const [name, format] of Object.entries(FEED_FORMATS)) {
      const text = format.render([item], SETTINGS);
      expect(text).not.toMatch(/[\u0001-\u0008]/);
      if (name === 'rss' || name === 'atom') {
        expect(text).not.toContain('<![CDATA[');
        expect(text).not.toContain('<script');
      }
    }
  });

  test('the Atom document is valid RFC 4287 even with hostile text', async () => {
    expect(await validateAtom(FEED_FORMATS.atom.render([item], SETTINGS))).toEqual([]);
    expect(await validateAtom(FEED_FORMATS.atom.render([], SETTINGS))).toEqual([]);
  });

  test('the ninjs item is valid ninjs 3.1 with the required rights and sources', () => {
    const ninjs = JSON.parse(renderNinjsItem(item, SETTINGS));
    expect(validateNinjs(ninjs)).toEqual([]);
    expect(ninjs).toMatchObject({
      uri: item.id,
      language: 'ar',
      headlines: [{ value: ARTICLE.title }],
      bodies: [{ contentType: 'text/html' }],
      by: 'Sputnik (سبوتنيك) / Pakistan Point News (پاکستان پوائنٹ نیوز)',
      infoSources: [
        { name: 'سبوتنيك', role: 'originator', uri: 'https://sputniknews.com/' },
        { name: 'پاکستان پوائنٹ نیوز', role: 'distributor', uri: 'urn:newsroom:source:pakistan-point-news' },
      ],
      copyrightHolder: 'Sputnik',
      usageTerms: 'Credit every agency.',
      located: ARTICLE.dateline,
      versionCreated: ARTICLE.updatedAt,
    });
  });

  test('JSON Feed carries language, authors and the _newsroom extension', () => {
    const feed = JSON.parse(FEED_FORMATS.json.render([item], SETTINGS));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      language: 'ar',
      feed_url: SETTINGS.selfUrl,
    });
    expect(feed.items[0]).toMatchObject({
      id: item.id,
      language: 'ar',
      _newsroom: { dir: 'rtl', dateline: ARTICLE.dateline },
    });
  });
});

describe('?limit', () => {
  test.each([
    [undefined, 20],
    ['1', 1],
    ['100', 100],
  ])('%s → %i', (raw, limit) => {
    expect(parseLimit(raw)).toEqual({ limit });
  });
  test.each([['0'], ['101'], ['-3'], ['x'], [''], ['2.5'], [['1', '2']]])('%j is refused', (raw) => {
    expect(parseLimit(raw).error).toMatch(/limit must be a whole number/);
  });
});

describe('every hostile payload through every serialiser', () => {
  const items = HOSTILE_HTML.map((payload, index) =>
    toFeedItem(
      {
        ...ARTICLE,
        documentId: `hostile${index}`,
        title: `عنوان ${payload}`,
        body: sanitizeBody(payload, { lang: 'ar', dir: 'rtl' }),
        quotes: [{ text: payload, speaker: payload, speakerRole: payload, position: 1 }],
        credits: [
          { role: 'originator', source: { name: payload, nameLatin: payload, slug: 'x', url: 'javascript:alert(1)' } },
        ],
        dateline: payload,
      },
      SETTINGS,
    ),
  );

  test('JSON Feed and ninjs HTML is never executable', () => {
    const feed = JSON.parse(FEED_FORMATS.json.render(items, SETTINGS));
    for (const item of feed.items) expect(executableParts(item.content_html)).toEqual([]);
    for (const item of JSON.parse(FEED_FORMATS.ninjs.render(items, SETTINGS))) {
      expect(executableParts(item.bodies[0].value)).toEqual([]);
      expect(validateNinjs(item)).toEqual([]);
    }
  });

  test('RSS parses, keeps titles as text and HTML harmless', async () => {
    const feed = await new Parser({ customFields: { item: ['content:encoded'] } }).parseString(
      FEED_FORMATS.rss.render(items, SETTINGS),
    );
    expect(feed.items).toHaveLength(items.length);
    feed.items.forEach((parsed: any, index: number) => {
      // Readers render an RSS title as HTML: after the XML, no markup is left, and the text comes back.
      expect(parsed.title).not.toMatch(/</);
      expect(decodeHtmlText(parsed.title)).toBe(
        items[index].title.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''),
      );
      expect(executableParts(parsed['content:encoded'])).toEqual([]);
    });
  });

  test('RSS dc:creator and source carry a source name as text to readers that render them as HTML', () => {
    const rss = FEED_FORMATS.rss.render(items, SETTINGS);
    const xmlDecoded = (text: string) =>
      text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    const texts = [...rss.matchAll(/<(dc:creator|source)(?: [^>]*)?>([^<]*)<\/\1>/g)].map((match) => match[2]);
    expect(texts.length).toBe(items.length * 2);
    for (const [index, text] of texts.entries()) {
      const html = xmlDecoded(text);
      expect(html).not.toMatch(/</);
      const payload = HOSTILE_HTML[Math.floor(index / 2)].replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
      expect(decodeHtmlText(html)).toContain(payload.replace(/[\uFFFE\uFFFF]/g, ''));
    }
  });

  test('Atom with every payload is one valid RFC 4287 document', async () => {
    expect(await validateAtom(FEED_FORMATS.atom.render(items, SETTINGS))).toEqual([]);
  });
});
