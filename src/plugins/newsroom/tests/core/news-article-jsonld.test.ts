// schema.org NewsArticle JSON-LD. Expanded by a JSON-LD processor (`jsonld`, in safe mode) against
// the stored copy of the schema.org context in tests/fixtures/schemaorg/context.jsonld: every class
// and property of schema.org (read from schema-dts, generated from schema.org's vocabulary, by
// scripts/make-schemaorg-context.js), without the `@vocab` of the published context, so a term
// schema.org does not define is not expanded and safe mode refuses the document. The list below
// adds how schema.org's published context (release 24.0) types each value the story uses.
import {
  renderNewsArticleJsonLd,
  toFeedItem,
  toNewsArticleJsonLd,
  type FeedArticle,
  type FeedSettings,
} from '#core/feeds';
import { pick, random } from '../helpers/seeded-random';
import { expandSchemaOrg as expand, irisOf } from '../helpers/schemaorg-jsonld';
import { feedSettings } from '../helpers/feed-settings';

/** Property → how schema.org's context types its value (`@id`: an IRI, `Date`, or plain). */
const PROPERTIES: Record<string, 'plain' | '@id' | 'Date'> = {
  url: '@id',
  identifier: 'plain',
  headline: 'plain', // by the schema.org pages
  description: 'plain',
  datePublished: 'Date',
  dateModified: 'Date',
  dateline: 'plain',
  inLanguage: 'plain',
  version: 'plain',
  locationCreated: 'plain',
  author: 'plain', // by the schema.org pages
  sourceOrganization: 'plain',
  publisher: 'plain', // by the schema.org pages
  copyrightHolder: 'plain',
  copyrightNotice: 'plain',
  correction: 'plain',
  text: 'plain',
  name: 'plain',
  alternateName: 'plain', // by the schema.org pages
  isBasedOn: '@id',
};
const TYPES = new Set(['NewsArticle', 'Organization', 'Place', 'CorrectionComment']);
const KEYWORDS = new Set(['@context', '@type', '@id']);

/** Every term the document uses that is not on the lists, with its path. */
function unknownTerms(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => unknownTerms(child, `${path}[${index}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = `${path}.${key}`;
    if (key === '@type') return TYPES.has(value as string) ? [] : [`${here}=${String(value)}`];
    if (!KEYWORDS.has(key) && !(key in PROPERTIES)) return [here];
    return unknownTerms(value, here);
  });
}

/** Values that a processor would read wrongly: an `@id` property that is no absolute IRI, a date that is none. */
function mistypedValues(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => mistypedValues(child, `${path}[${index}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const kind = PROPERTIES[key];
    const wrong =
      value === undefined ||
      value === null ||
      value === '' ||
      (kind === '@id' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(String(value))) ||
      (kind === 'Date' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(String(value)));
    return [...(wrong ? [`${path}.${key}`] : []), ...mistypedValues(value, `${path}.${key}`)];
  });
}

const SETTINGS: FeedSettings = feedSettings();
const SPUTNIK = { name: 'سبوتنيك', nameLatin: 'Sputnik', slug: 'sputnik', url: 'https://sputniknews.com/' };
const PPN = { name: 'پاکستان پوائنٹ نیوز', nameLatin: 'Pakistan Point News', slug: 'pakistan-point-news' };
const ARTICLE: FeedArticle = {
  documentId: 'doc2',
  slug: 'khbr',
  title: 'خبر </script><script>alert(1)</script>',
  body: '<p dir="rtl" lang="ar">الفقرة الأولى</p>',
  lang: 'ar',
  dir: 'rtl',
  dateline: '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)',
  dispatchDate: '2021-06-14',
  firstPublishedAt: '2026-12-01T09:00:00.000Z',
  publishedAt: '2026-12-05T09:00:00.000Z',
  updatedAt: '2026-12-05T09:00:00.000Z',
  version: 2,
  corrections: [{ at: '2026-12-05T09:00:00Z', note: 'صُحّح اسم الوزير' }],
  updates: { documentId: 'doc1' },
  city: 'دمشق',
  credits: [
    { role: 'distributor', source: PPN },
    { role: 'originator', source: SPUTNIK },
    { role: 'contributor', source: { name: 'ان بي سي', nameLatin: 'NBC', slug: 'nbc' } },
  ],
};
const NOW = '2026-12-07T12:00:00.000Z';

describe('NewsArticle JSON-LD', () => {
  const document = toNewsArticleJsonLd(toFeedItem(ARTICLE, SETTINGS, NOW), SETTINGS);

  test('headline, dates, dateline, language, agencies, publisher, copyright and corrections', () => {
    expect(document).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': 'urn:newsroom:article:doc2',
      headline: ARTICLE.title,
      datePublished: '2026-12-01T09:00:00.000Z',
      dateModified: '2026-12-05T09:00:00.000Z',
      dateline: ARTICLE.dateline,
      inLanguage: 'ar',
      version: 2,
      locationCreated: { '@type': 'Place', name: 'دمشق' },
      publisher: { '@type': 'Organization', name: 'Pakistan Point News', url: 'https://www.pakistanpoint.com' },
      copyrightHolder: {
        '@type': 'Organization',
        name: 'سبوتنيك',
        alternateName: 'Sputnik',
        url: 'https://sputniknews.com/',
      },
      correction: [
        { '@type': 'CorrectionComment', text: 'صُحّح اسم الوزير', datePublished: '2026-12-05T09:00:00.000Z' },
      ],
      isBasedOn: 'urn:newsroom:article:doc1',
    });
    const agencies = [
      { '@type': 'Organization', name: 'سبوتنيك', alternateName: 'Sputnik', url: 'https://sputniknews.com/' },
      {
        '@type': 'Organization',
        name: 'پاکستان پوائنٹ نیوز',
        alternateName: 'Pakistan Point News',
        identifier: 'urn:newsroom:source:pakistan-point-news',
      },
    ];
    expect(document?.author).toEqual(agencies);
    expect(document?.sourceOrganization).toEqual(agencies);
  });

  test('a JSON-LD processor expands it against the stored schema.org context and finds no unknown term', async () => {
    const expanded = await expand(document as object);
    const iris = [...irisOf(expanded)];
    expect(iris.length).toBeGreaterThan(15);
    expect(iris.filter((iri) => !iri.startsWith('https://schema.org/'))).toEqual([]);
    expect(iris).toEqual(
      expect.arrayContaining([
        'https://schema.org/NewsArticle',
        'https://schema.org/CorrectionComment',
        'https://schema.org/correction',
        'https://schema.org/sourceOrganization',
        'https://schema.org/copyrightNotice',
        'https://schema.org/dateline',
      ]),
    );
  });

  test('the processor refuses a term or a type schema.org does not define', async () => {
    await expect(expand({ ...(document as object), headLine: 'x' })).rejects.toThrow(/Safe mode/);
    await expect(expand({ ...(document as object), '@type': 'NewsArticel' })).rejects.toThrow(/Safe mode/);
    await expect(expand({ ...(document as object), author: [{ '@type': 'Organization', nom: 'x' }] })).rejects.toThrow(
      /Safe mode/,
    );
  });

  test('uses only schema.org terms, with values of the type the context gives them', () => {
    expect(unknownTerms(document)).toEqual([]);
    expect(mistypedValues(document)).toEqual([]);
    expect(unknownTerms({ '@type': 'NewsArticle', headLine: 'x', author: [{ '@type': 'Organisation' }] })).toEqual([
      '$.headLine',
      '$.author[0].@type=Organisation',
    ]);
  });

  test('served text is safe inside an HTML script element and reads back the same', () => {
    const text = renderNewsArticleJsonLd(toFeedItem(ARTICLE, SETTINGS, NOW), SETTINGS) as string;
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(document);
  });

  test('a withheld or killed story has none', () => {
    const embargoed = { ...ARTICLE, embargoedUntil: '2026-12-08T00:00:00Z' };
    expect(toNewsArticleJsonLd(toFeedItem(embargoed, SETTINGS, NOW), SETTINGS)).toBeNull();
    const killed = { ...ARTICLE, pubStatus: 'canceled', killedAt: '2026-12-06T00:00:00Z' };
    expect(renderNewsArticleJsonLd(toFeedItem(killed, SETTINGS, NOW), SETTINGS)).toBeNull();
  });

  test('generated stories: only known terms and well-typed values, whatever is set', async () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const article: FeedArticle = {
        ...ARTICLE,
        documentId: `gen${round}`,
        version: pick(next, [1, 4, null]),
        dateline: pick(next, [ARTICLE.dateline, null, '']),
        city: pick(next, ['دمشق', null]),
        body: pick(next, [ARTICLE.body, '', null]),
        corrections: pick(next, [
          [],
          ARTICLE.corrections,
          [
            { at: 'bad', note: 'x' },
            { at: NOW, note: ' ' },
          ],
        ]),
        updates: pick(next, [null, { documentId: 'doc1' }]),
        credits: pick(next, [ARTICLE.credits, [], [{ role: 'originator', source: PPN }]]),
      };
      const generated = toNewsArticleJsonLd(toFeedItem(article, SETTINGS, NOW), SETTINGS);
      expect(unknownTerms(generated)).toEqual([]);
      expect(mistypedValues(generated)).toEqual([]);
      if (generated && round % 10 === 0) await expand(generated);
    }
  });
});
