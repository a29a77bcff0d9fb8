// The lifecycle in the feeds: ninjs version, pubStatus, embargo, edNote, corrections, the story
// updated and each agency's rights (validated with IPTC's ninjs 3.1 schema); the kill notice in RSS,
// Atom (RELAX NG of RFC 4287) and JSON Feed; then generated stories across the lifecycle through
// every format: every document validates and a killed story's text reaches no feed.
import { FEED_FORMATS, renderNinjsItem, toFeedItem, type FeedArticle, type FeedSettings } from '#core/feeds';
import { KILL_LABEL } from '#core/feeds/kill-notice';
import { effectivePubStatus } from '#core/lifecycle';
import Parser from 'rss-parser';
import { validateAtom, validateNinjs } from '../helpers/feed-validators';
import { pick, random } from '../helpers/seeded-random';
import { feedSettings } from '../helpers/feed-settings';

const SETTINGS: FeedSettings = feedSettings();

const BODY_TEXT = 'نص الخبر الذي سُحب';
const SPUTNIK = {
  name: 'سبوتنيك',
  nameLatin: 'Sputnik',
  slug: 'sputnik',
  url: 'https://sputniknews.com/',
  copyrightNotice: '© Sputnik International',
  usageTerms: 'Credit Sputnik in every use.',
};
const PPN = { name: 'پاکستان پوائنٹ نیوز', nameLatin: 'Pakistan Point News', slug: 'pakistan-point-news' };

const ARTICLE: FeedArticle = {
  documentId: 'doc2',
  slug: 'khbr-muhaddath',
  title: 'خبر محدث',
  body: `<p dir="rtl" lang="ar">${BODY_TEXT}</p>`,
  lang: 'ar',
  dir: 'rtl',
  dateline: '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)',
  dispatchDate: '2021-06-14',
  firstPublishedAt: '2026-12-01T09:00:00.000Z',
  publishedAt: '2026-12-05T09:00:00.000Z',
  updatedAt: '2026-12-05T09:00:00.000Z',
  version: 3,
  pubStatus: 'usable',
  ednote: 'صُحّح اسم الوزير',
  corrections: [
    { at: '2026-12-03T10:00:00Z', note: 'صُحّح اسم الوزير' },
    { at: '2026-12-05T09:00:00.000Z', note: 'Corrected the date' },
  ],
  updates: { documentId: 'doc1', title: 'الخبر الأول' },
  city: 'دمشق',
  credits: [
    { role: 'distributor', source: PPN },
    { role: 'originator', source: SPUTNIK },
  ],
};

const KILLED: FeedArticle = {
  ...ARTICLE,
  pubStatus: 'canceled',
  killedAt: '2026-12-06T08:00:00.000Z',
  updatedAt: '2026-12-06T08:00:01.000Z',
  ednote: 'سُحب لأسباب قانونية — killed for legal reasons',
};
const NOW = '2026-12-07T12:00:00.000Z';

describe('ninjs lifecycle fields', () => {
  test('version, pubStatus, edNote, corrections, the story updated, city and dates, valid ninjs 3.1', () => {
    const ninjs = JSON.parse(renderNinjsItem(toFeedItem(ARTICLE, SETTINGS, NOW), SETTINGS));
    expect(validateNinjs(ninjs)).toEqual([]);
    expect(ninjs).toMatchObject({
      version: '3',
      pubStatus: 'usable',
      edNote: 'صُحّح اسم الوزير',
      // The agency's own date of the dispatch, then ours.
      firstCreated: '2021-06-14T00:00:00Z',
      versionCreated: '2026-12-05T09:00:00.000Z',
      located: 'دمشق',
      associations: [
        { name: 'updates', rel: 'updates', uri: 'urn:newsroom:article:doc1', headlines: [{ value: 'الخبر الأول' }] },
      ],
    });
    expect(ninjs.descriptions.slice(1)).toEqual([
      { role: 'correction', contentType: 'text/plain', value: '2026-12-03T10:00:00.000Z — صُحّح اسم الوزير' },
      { role: 'correction', contentType: 'text/plain', value: '2026-12-05T09:00:00.000Z — Corrected the date' },
    ]);
    expect(ninjs.embargoedUntil).toBeUndefined();
  });

  test("each agency's rights: its own notice and terms, then the newsroom's terms; infoSources per agency", () => {
    const ninjs = JSON.parse(renderNinjsItem(toFeedItem(ARTICLE, SETTINGS, NOW), SETTINGS));
    expect(ninjs).toMatchObject({
      copyrightHolder: 'Sputnik',
      copyrightNotice: '© Sputnik International',
      usageTerms: 'Sputnik: Credit Sputnik in every use. Credit every agency.',
      infoSources: [
        { name: 'سبوتنيك', role: 'originator', uri: 'https://sputniknews.com/', literal: 'Sputnik' },
        { name: 'پاکستان پوائنٹ نیوز', role: 'distributor', literal: 'Pakistan Point News' },
      ],
    });
    const rss = FEED_FORMATS.rss.render([toFeedItem(ARTICLE, SETTINGS, NOW)], SETTINGS);
    expect(rss).toContain('<dc:rights>© Sputnik International Sputnik: Credit Sputnik in every use.</dc:rights>');
  });

  test('under embargo: withheld with its time until the instant it lifts, usable from then on', () => {
    const embargoed = { ...ARTICLE, pubStatus: 'withheld', embargoedUntil: '2026-12-07T12:00:00Z' };
    const before = JSON.parse(renderNinjsItem(toFeedItem(embargoed, SETTINGS, '2026-12-07T11:59:59Z'), SETTINGS));
    expect(validateNinjs(before)).toEqual([]);
    expect(before).toMatchObject({ pubStatus: 'withheld', embargoedUntil: '2026-12-07T12:00:00.000Z' });
    expect(JSON.parse(renderNinjsItem(toFeedItem(embargoed, SETTINGS, NOW), SETTINGS)).pubStatus).toBe('usable');
    expect(toFeedItem(embargoed, SETTINGS).pubStatus).toBe('withheld');
  });

  test('a story published before the lifecycle keeps its earlier ninjs (version = update time, usable)', () => {
    const { version, pubStatus, ednote, corrections, updates, city, firstPublishedAt, ...legacy } = ARTICLE;
    const ninjs = JSON.parse(renderNinjsItem(toFeedItem(legacy, SETTINGS), SETTINGS));
    expect(validateNinjs(ninjs)).toEqual([]);
    expect(ninjs).toMatchObject({ version: legacy.updatedAt, pubStatus: 'usable', located: legacy.dateline });
    expect(ninjs.associations).toBeUndefined();
    expect(ninjs.edNote).toBeUndefined();
  });
});

describe('the kill notice', () => {
  const item = toFeedItem(KILLED, SETTINGS, NOW);

  test('ninjs: canceled with its edNote, the kill notice in place of the text', () => {
    const ninjs = JSON.parse(renderNinjsItem(item, SETTINGS));
    expect(validateNinjs(ninjs)).toEqual([]);
    expect(ninjs).toMatchObject({ pubStatus: 'canceled', edNote: KILLED.ednote, versionCreated: KILLED.killedAt });
    expect(JSON.stringify(ninjs)).not.toContain(BODY_TEXT);
  });

  test('RSS: labelled title, the ednote as content, no use in dc:rights, pubStatus as a category', async () => {
    const xml = FEED_FORMATS.rss.render([item], SETTINGS);
    const feed = await new Parser({ customFields: { item: ['content:encoded', 'dc:rights', 'category'] } }).parseString(
      xml,
    );
    const parsed: any = feed.items[0];
    expect(parsed.title).toBe(`${KILL_LABEL} ${ARTICLE.title}`);
    expect(parsed['content:encoded']).toContain('سُحب لأسباب قانونية — killed for legal reasons');
    expect(parsed['content:encoded']).toContain('This story has been killed');
    expect(parsed['dc:rights']).toMatch(
      /^سُحب: لا يجوز الاستخدام — Killed: no use permitted\. © Sputnik International/,
    );
    expect(xml).toContain('<category domain="urn:newsroom:pubStatus">canceled</category>');
    expect(xml).not.toContain(BODY_TEXT);
  });

  test('Atom: a valid entry with the labelled title, rights, category and the kill time as updated', async () => {
    const xml = FEED_FORMATS.atom.render([item, toFeedItem(ARTICLE, SETTINGS, NOW)], SETTINGS);
    expect(await validateAtom(xml)).toEqual([]);
    expect(xml).toContain('<category scheme="urn:newsroom:pubStatus" term="canceled"/>');
    expect(xml).toContain(`<title>${KILL_LABEL} ${ARTICLE.title}</title>`);
    expect(xml).toContain(`<updated>${KILLED.killedAt}</updated>`);
    expect(xml).toMatch(/<rights>سُحب: لا يجوز الاستخدام — Killed: no use permitted\./);
    expect(xml.split('<entry')[1]).not.toContain(BODY_TEXT);
  });

  test('JSON Feed: labelled title, notice as content, _newsroom with pubStatus and ednote', () => {
    const feed = JSON.parse(FEED_FORMATS.json.render([item], SETTINGS));
    expect(feed.items[0]).toMatchObject({
      title: `${KILL_LABEL} ${ARTICLE.title}`,
      summary: KILLED.ednote,
      date_modified: KILLED.killedAt,
      _newsroom: { pubStatus: 'canceled', ednote: KILLED.ednote, version: 3 },
    });
    expect(feed.items[0].content_html).toContain('This story has been killed');
    expect(JSON.stringify(feed)).not.toContain(BODY_TEXT);
  });
});

describe('generated stories across the lifecycle, through every format', () => {
  const next = random(31);
  const hour = 60 * 60 * 1000;
  const around = () => new Date(Date.parse(NOW) + (Math.floor(next() * 97) - 48) * hour).toISOString();
  const maybe = <T>(value: () => T) => (next() < 0.5 ? value() : undefined);
  const articles: FeedArticle[] = Array.from({ length: 60 }, (_, index) => ({
    ...ARTICLE,
    documentId: `gen${index}`,
    body: `<p dir="rtl" lang="ar">${BODY_TEXT} ${index}</p>`,
    version: pick(next, [1, 2, 7, null, undefined]),
    pubStatus: pick(next, ['usable', 'withheld', 'canceled', null]),
    embargoedUntil: maybe(around),
    killedAt: maybe(around),
    ednote: pick(next, [undefined, '', 'ملاحظة <b>&</b>', 'note']),
    corrections: Array.from({ length: Math.floor(next() * 3) }, (__, at) => ({ at: around(), note: `تصحيح ${at}` })),
    updates: maybe(() => ({ documentId: `gen${index - 1}`, title: pick(next, ['سابق', null]) })),
    city: pick(next, ['دمشق', null, '']),
    credits: pick(next, [
      ARTICLE.credits,
      [{ role: 'originator', source: PPN }],
      [{ role: 'originator', source: { ...SPUTNIK, copyrightNotice: null, usageTerms: '' } }],
    ]),
  }));
  const items = articles.map((article) => toFeedItem(article, SETTINGS, NOW));

  test('pubStatus is the one a partner sees now; a killed story shows no text and a labelled title', () => {
    items.forEach((item, index) => {
      expect(item.pubStatus).toBe(effectivePubStatus(articles[index], NOW));
      const killed = item.pubStatus === 'canceled';
      expect(item.html.includes(BODY_TEXT)).toBe(!killed);
      expect(item.title.startsWith(KILL_LABEL)).toBe(killed);
    });
    expect(new Set(items.map((item) => item.pubStatus))).toEqual(new Set(['usable', 'withheld', 'canceled']));
  });

  test('every ninjs item validates; Atom validates; RSS parses; JSON Feed carries the status', async () => {
    for (const item of JSON.parse(FEED_FORMATS.ninjs.render(items, SETTINGS))) expect(validateNinjs(item)).toEqual([]);
    expect(await validateAtom(FEED_FORMATS.atom.render(items, SETTINGS))).toEqual([]);
    const rss = await new Parser().parseString(FEED_FORMATS.rss.render(items, SETTINGS));
    expect(rss.items).toHaveLength(items.length);
    const json = JSON.parse(FEED_FORMATS.json.render(items, SETTINGS));
    json.items.forEach((entry: any, index: number) => expect(entry._newsroom.pubStatus).toBe(items[index].pubStatus));
  });
});

describe("the dispatch's own date and ours", () => {
  test('ninjs firstCreated is the dispatch date when the agency gave one, else our first publication', () => {
    const dated = JSON.parse(renderNinjsItem(toFeedItem(ARTICLE, SETTINGS, NOW), SETTINGS));
    expect(dated.firstCreated).toBe('2021-06-14T00:00:00Z');
    const undated = JSON.parse(
      renderNinjsItem(toFeedItem({ ...ARTICLE, dispatchDate: null }, SETTINGS, NOW), SETTINGS),
    );
    expect(undated.firstCreated).toBe('2026-12-01T09:00:00.000Z');
    expect(validateNinjs(undated)).toEqual([]);
  });
});
