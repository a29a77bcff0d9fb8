// The lead picture and the subjects in every feed format: where each format carries them, valid
// against the formats' schemas, absolute addresses, a killed story's picture gone and its subjects
// kept, and hostile captions, credits and alts reaching no feed as markup.
import {
  FEED_FORMATS,
  parseSubject,
  toFeedItem,
  type FeedArticle,
  type FeedItem,
  type FeedSettings,
} from '#core/feeds';
import { applyPicture, assertPictureDescribed, prepareArticle, prepareSubject, RuleViolation } from '#core/rules';
import { MEDIA_TOPICS, MEDIA_TOPIC_BASE } from '#core/subjects/media-topics';
import { sanitizeBody } from '#core/sanitize';
import Parser from 'rss-parser';
import { HOSTILE_HTML } from '../fixtures/hostile-html';
import { executableParts } from '../helpers/executable';
import { validateAtom, validateNinjs } from '../helpers/feed-validators';
import { config } from '../helpers/newsroom-config';
import { feedSettings } from '../helpers/feed-settings';

const SETTINGS: FeedSettings = feedSettings('https://news.example', 'rss');

const ECONOMY = MEDIA_TOPICS.find((topic) => topic.slug === 'economy-business-and-finance')!;
const POLITICS = MEDIA_TOPICS.find((topic) => topic.slug === 'politics')!;

const STORY: FeedArticle = {
  documentId: 'pic123',
  slug: 'sura',
  title: 'خبر بصورة',
  body: sanitizeBody('<p>الفقرة الأولى.</p>', { lang: 'ar', dir: 'rtl' }),
  lang: 'ar',
  dir: 'rtl',
  dateline: '(سبوتنيك - 14 يونيو 2021)',
  publishedAt: '2021-06-14T10:00:00.000Z',
  updatedAt: '2021-06-14T10:00:00.000Z',
  credits: [{ role: 'originator', source: { name: 'سبوتنيك', nameLatin: 'Sputnik', slug: 'sputnik' } }],
  picture: {
    image: {
      url: '/uploads/port_1a2b.jpg',
      mime: 'image/jpeg',
      width: 1200,
      height: 800,
      size: 245.76,
      bytes: 245_761,
    },
    caption: 'سفن في ميناء كراتشي صباح الاثنين',
    credit: 'سبوتنيك / أحمد علي',
    alt: 'ثلاث سفن شحن راسية في ميناء كراتشي',
    lang: 'ar',
    dir: 'rtl',
  },
  subjects: [ECONOMY, POLITICS],
};

describe('the feed item', () => {
  const item = toFeedItem(STORY, SETTINGS);

  test('carries the picture on the public address, with its exact length, and the subjects', () => {
    expect(item.picture).toEqual({
      url: 'https://news.example/uploads/port_1a2b.jpg',
      type: 'image/jpeg',
      length: 245_761,
      width: 1200,
      height: 800,
      caption: 'سفن في ميناء كراتشي صباح الاثنين',
      credit: 'سبوتنيك / أحمد علي',
      alt: 'ثلاث سفن شحن راسية في ميناء كراتشي',
      lang: 'ar',
      dir: 'rtl',
    });
    expect(item.subjects.map((subject) => subject.slug)).toEqual(['economy-business-and-finance', 'politics']);
  });

  test('a picture on a provider of its own keeps its address; without the exact length, Strapi’s kilobytes', () => {
    const elsewhere = toFeedItem(
      {
        ...STORY,
        picture: { ...STORY.picture, image: { url: 'https://cdn.example/a.webp', mime: 'image/webp', size: 12.5 } },
      },
      SETTINGS,
    );
    expect(elsewhere.picture?.url).toBe('https://cdn.example/a.webp');
    expect(elsewhere.picture?.length).toBe(12_500);
  });

  test('no image, no picture; a killed story loses its picture and keeps its subjects', () => {
    expect(toFeedItem({ ...STORY, picture: { caption: 'تعليق بلا صورة' } }, SETTINGS).picture).toBeUndefined();
    const killed = toFeedItem(
      { ...STORY, pubStatus: 'canceled', killedAt: '2021-06-15T00:00:00.000Z', ednote: 'سُحب الخبر.' },
      SETTINGS,
      '2021-06-15T01:00:00.000Z',
    );
    expect(killed.picture).toBeUndefined();
    expect(killed.subjects).toHaveLength(2);
  });
});

describe('each format carries the picture and the subjects where partners look', () => {
  const items = [toFeedItem(STORY, SETTINGS)];

  test('RSS: an enclosure with the byte length, media:content with credit and description, categories', async () => {
    const xml = FEED_FORMATS.rss.render(items, SETTINGS);
    const feed = await new Parser({
      customFields: { item: [['media:content', 'media', { keepArray: true }]] },
    }).parseString(xml);
    const [entry] = feed.items as Array<Record<string, any>>;
    expect(entry.enclosure).toEqual({
      url: 'https://news.example/uploads/port_1a2b.jpg',
      length: '245761',
      type: 'image/jpeg',
    });
    const media = entry.media[0];
    expect(media.$).toMatchObject({
      url: 'https://news.example/uploads/port_1a2b.jpg',
      medium: 'image',
      width: '1200',
    });
    expect(media['media:credit'][0]._).toBe('سبوتنيك / أحمد علي');
    expect(media['media:description'][0]._).toBe('سفن في ميناء كراتشي صباح الاثنين');
    expect(entry.categories).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _: ECONOMY.name, $: { domain: ECONOMY.code } }),
        expect.objectContaining({ _: POLITICS.name }),
      ]),
    );
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    // One enclosure per item, as the W3C validator's rules ask.
    expect(xml.match(/<enclosure /g)).toHaveLength(1);
  });

  test('Atom: an enclosure link titled with the alt, categories with Arabic labels, valid RFC 4287', async () => {
    const xml = FEED_FORMATS.atom.render(items, { ...SETTINGS, selfUrl: 'https://news.example/api/syndication/atom' });
    expect(xml).toContain(
      '<link rel="enclosure" type="image/jpeg" length="245761" href="https://news.example/uploads/port_1a2b.jpg" title="ثلاث سفن شحن راسية في ميناء كراتشي"/>',
    );
    expect(xml).toContain(`<category term="politics" label="${POLITICS.name}"/>`);
    expect(await validateAtom(xml)).toEqual([]);
  });

  test('JSON Feed: image and tags, the caption, credit and alt in _newsroom.picture', () => {
    const [entry] = JSON.parse(FEED_FORMATS.json.render(items, SETTINGS)).items;
    expect(entry.image).toBe('https://news.example/uploads/port_1a2b.jpg');
    expect(entry.tags).toEqual([ECONOMY.name, POLITICS.name]);
    expect(entry._newsroom.picture).toMatchObject({ credit: 'سبوتنيك / أحمد علي', dir: 'rtl', lang: 'ar' });
    expect(entry._newsroom.subjects[0]).toEqual(ECONOMY);
  });

  test('ninjs: the picture an association with its rendition and credit, subjects with IPTC URIs, schema-valid', () => {
    const [entry] = JSON.parse(FEED_FORMATS.ninjs.render(items, SETTINGS));
    expect(validateNinjs(entry)).toEqual([]);
    expect(entry.profile).toBe('text-with-picture');
    const picture = entry.associations.find((association: { name: string }) => association.name === 'picture');
    expect(picture).toMatchObject({
      type: 'picture',
      by: 'سبوتنيك / أحمد علي',
      renditions: [
        {
          name: 'original',
          href: 'https://news.example/uploads/port_1a2b.jpg',
          contentType: 'image/jpeg',
          width: 1200,
          height: 800,
          sizeInBytes: 245_761,
        },
      ],
    });
    expect(picture.descriptions.map((description: { role: string }) => description.role)).toEqual(['caption', 'alt']);
    expect(entry.subjects).toEqual([
      { name: ECONOMY.name, uri: `${MEDIA_TOPIC_BASE}04000000`, literal: 'economy-business-and-finance' },
      { name: POLITICS.name, uri: `${MEDIA_TOPIC_BASE}11000000`, literal: 'politics' },
    ]);
  });
});

describe('hostile captions, credits and alts reach no feed as markup', () => {
  // As the write path leaves them: the rules clean the picture's texts before they are stored.
  const items: FeedItem[] = HOSTILE_HTML.map((payload, index) => {
    const written = prepareArticle(
      { title: 'عنوان', body: '<p>نص</p>', picture: { caption: payload, credit: payload, alt: `وصف ${payload}` } },
      { published: false, config },
    );
    return toFeedItem(
      { ...STORY, documentId: `hostile${index}`, picture: { ...STORY.picture, ...(written.picture as object) } },
      SETTINGS,
    );
  });

  test('the stored texts hold no tag', () => {
    for (const item of items) {
      for (const text of [item.picture?.caption, item.picture?.credit, item.picture?.alt]) {
        expect(text ?? '').not.toMatch(/<\s*[a-z!/?]/i);
      }
    }
  });

  test('RSS and Atom stay well formed and valid; their picture texts decode to no markup', async () => {
    const rss = FEED_FORMATS.rss.render(items, SETTINGS);
    const feed = await new Parser({
      customFields: { item: [['media:content', 'media', { keepArray: true }]] },
    }).parseString(rss);
    for (const entry of feed.items as Array<Record<string, any>>) {
      const media = entry.media[0];
      for (const field of ['media:credit', 'media:description', 'media:text']) {
        const text = media[field]?.[0]?._ ?? '';
        expect(executableParts(text)).toEqual([]);
      }
    }
    expect(await validateAtom(FEED_FORMATS.atom.render(items, SETTINGS))).toEqual([]);
  });

  test('ninjs stays schema-valid', () => {
    for (const entry of JSON.parse(FEED_FORMATS.ninjs.render(items, SETTINGS)))
      expect(validateNinjs(entry)).toEqual([]);
  });
});

describe('the picture and subject rules', () => {
  test('caption, credit and alt lose bidi controls and markup; their language and direction are derived', () => {
    const data: Record<string, unknown> = {
      picture: {
        caption: '\u202Eسفن <b>في</b> الميناء',
        credit: '  AFP  ',
        alt: 'Ships in port',
        lang: 'fr',
        dir: 'ltr',
      },
    };
    applyPicture(data);
    expect(data.picture).toMatchObject({ caption: 'سفن في الميناء', credit: 'AFP', alt: 'Ships in port', dir: 'rtl' });
    expect((data.picture as { lang: string }).lang).toMatch(/^ar/);
  });

  test('a published picture with an image needs its alt, in English and Arabic', () => {
    expect(() => assertPictureDescribed({ image: 5, alt: '  ' })).toThrow(RuleViolation);
    let refused: RuleViolation | undefined;
    try {
      assertPictureDescribed({ image: { id: 5 }, alt: null });
    } catch (error) {
      refused = error as RuleViolation;
    }
    const [violation] = refused?.violations ?? [];
    expect(violation.field).toBe('picture.alt');
    expect(violation.messages.en).toMatch(/text alternative/);
    expect(violation.messages.ar).toMatch(/^النص البديل للصورة: .*نص بديل/);
    expect(() => assertPictureDescribed({ image: null, alt: null })).not.toThrow();
    expect(() => assertPictureDescribed({ image: { id: 5 }, alt: 'سفن' })).not.toThrow();
  });

  test('a subject has an http(s) code or none, a slug from its Latin name, and its direction', () => {
    expect(prepareSubject({ name: 'رياضة', nameLatin: 'Sport', code: '' }, { published: false, config })).toMatchObject(
      {
        code: null,
        slug: 'sport',
        dir: 'rtl',
      },
    );
    expect(() => prepareSubject({ name: 'x', code: 'javascript:alert(1)' }, { published: false, config })).toThrow(
      RuleViolation,
    );
  });

  test('the 17 IPTC Media Topics: codes, Arabic and Latin names, ASCII slugs, all different', () => {
    expect(MEDIA_TOPICS).toHaveLength(17);
    for (const topic of MEDIA_TOPICS) {
      expect(topic.code).toMatch(/^http:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/\d{2}000000$/);
      expect(topic.name).toMatch(/^[\u0600-\u06FF ]+$/u);
      expect(topic.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    for (const field of ['code', 'name', 'slug'] as const)
      expect(new Set(MEDIA_TOPICS.map((topic) => topic[field])).size).toBe(17);
  });

  test('?subject= takes a slug and refuses anything else', () => {
    expect(parseSubject(undefined)).toEqual({ subject: undefined });
    expect(parseSubject('politics')).toEqual({ subject: 'politics' });
    for (const bad of ['Politics', 'سياسة', '', 'a--b', ['politics'], 'x'.repeat(81)]) {
      expect(parseSubject(bad).error).toMatch(/subject/);
    }
  });
});
