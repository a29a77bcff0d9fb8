// A story's lead picture and its subjects through the real server: the IPTC subjects seeded and
// public, a picture uploaded to Strapi's media library and carried with its caption, credit and alt
// into every feed (valid, absolute addresses, the file's exact length), `?subject=` on every feed,
// a picture without alt refused at publication on every write path, and a new caption seen on the
// next read.
import { statSync } from 'fs';
import path from 'path';
import request from 'supertest';
import Parser from 'rss-parser';
import { noisePng } from '../../src/plugins/newsroom/tests/helpers/png';
import { validateAtom, validateNinjs } from '../../src/plugins/newsroom/tests/helpers/feed-validators';
import { apiToken, requiredCredits, startStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE = 'plugin::newsroom.article';
const FEEDS = ['rss', 'atom', 'json', 'ninjs'] as const;

let app: TestApp;
let token: string;
let credits: Array<{ role: string; source: string }>;
let subjects: Array<{ documentId: string; slug: string; name: string; code: string }>;
let image: { id: number; url: string; size: number };

beforeAll(async () => {
  app = await startStrapi();
  token = await apiToken(app.strapi, 'full-access');
  credits = await requiredCredits(app.strapi);
  const uploaded = await request(app.server)
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', noisePng(20_000), { filename: 'karachi-port.png', contentType: 'image/png' });
  expect(uploaded.status).toBe(201);
  image = uploaded.body[0];
});
afterAll(async () => {
  await app?.stop();
});

const text = (path: string) =>
  request(app.server)
    .get(path)
    .buffer(true)
    .parse((response: any, callback: (error: Error | null, body: string) => void) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => callback(null, body));
    });

const bySlug = (slug: string) => subjects.find((subject) => subject.slug === slug)!;

async function createStory(data: Record<string, unknown>, status = 201) {
  const response = await request(app.server)
    .post('/api/articles')
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { credits, body: '<p>سفن في ميناء كراتشي.</p>', ...data } });
  expect({ status: response.status, body: response.status === status ? null : response.body }).toEqual({
    status,
    body: null,
  });
  return response.body;
}

describe('subjects', () => {
  test('the 17 IPTC Media Topics are seeded once, public, with Arabic names and right-to-left metadata', async () => {
    const response = await request(app.server)
      .get('/api/subjects')
      .query({ 'pagination[pageSize]': '100' })
      .expect(200);
    subjects = response.body.data;
    expect(subjects).toHaveLength(17);
    const economy = bySlug('economy-business-and-finance');
    expect(economy).toMatchObject({
      code: 'http://cv.iptc.org/newscodes/mediatopic/04000000',
      name: 'اقتصاد وأعمال ومال',
      nameLatin: 'economy, business and finance',
      lang: 'ar',
      dir: 'rtl',
    });
    // A second boot's seeding leaves them as they are (and an editor's deletion stays deleted).
    await app.strapi.plugin('newsroom').service('seed').seedSubjects();
    expect(await app.strapi.db.query('plugin::newsroom.subject').count()).toBe(17);
  });

  test('an editor adds a subject of the desk; a code that is not an http(s) URI is refused', async () => {
    const added = await request(app.server)
      .post('/api/subjects')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { name: 'الانتخابات الباكستانية', nameLatin: 'Pakistan elections' } })
      .expect(201);
    expect(added.body.data).toMatchObject({ slug: 'pakistan-elections', dir: 'rtl' });
    const refused = await request(app.server)
      .post('/api/subjects')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { name: 'موضوع', code: 'javascript:alert(1)' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/[\u0600-\u06FF]/);
    // The public reads subjects and writes none.
    expect(
      (
        await request(app.server)
          .post('/api/subjects')
          .send({ data: { name: 'x' } })
      ).status,
    ).toBe(403);
  });
});

describe('a story with a picture and two subjects', () => {
  let story: { documentId: string; slug: string };

  beforeAll(async () => {
    const created = await createStory({
      title: 'ميناء كراتشي يستقبل سفن الشحن',
      picture: {
        image: image.id,
        caption: 'سفن شحن في ميناء كراتشي صباح الاثنين',
        credit: 'سبوتنيك / أحمد علي',
        alt: 'ثلاث سفن شحن راسية في ميناء كراتشي',
      },
      subjects: [bySlug('economy-business-and-finance').documentId, bySlug('politics').documentId],
    });
    story = created.data;
  });

  test('reads back through the content API with its picture and subjects', async () => {
    const response = await request(app.server)
      .get(`/api/articles/${story.documentId}`)
      .query({ 'populate[picture][populate]': 'image', 'populate[subjects]': 'true' })
      .expect(200);
    expect(response.body.data.picture).toMatchObject({
      caption: 'سفن شحن في ميناء كراتشي صباح الاثنين',
      alt: 'ثلاث سفن شحن راسية في ميناء كراتشي',
      lang: 'ar',
      dir: 'rtl',
      image: { url: image.url },
    });
    expect(response.body.data.subjects.map((subject: { slug: string }) => subject.slug).sort()).toEqual([
      'economy-business-and-finance',
      'politics',
    ]);
  });

  test('every feed carries the picture (absolute, exact length) and the subjects, and validates', async () => {
    const bytes = statSync(path.join(app.strapi.dirs.static.public, image.url)).size;
    const absolute = new URL(image.url, 'http://news.test/').href.replace('http://news.test', '');

    const rss = (await text('/api/syndication/rss').expect(200)).body;
    const parsed = await new Parser({
      customFields: { item: [['media:content', 'media', { keepArray: true }]] },
    }).parseString(rss);
    const item = parsed.items.find((entry) => entry.title === 'ميناء كراتشي يستقبل سفن الشحن') as Record<string, any>;
    expect(item.enclosure.length).toBe(String(bytes));
    expect(item.enclosure.type).toBe('image/png');
    expect(item.enclosure.url).toMatch(new RegExp(`^https?://[^/]+${absolute.replace(/[.]/g, '\\.')}$`));
    expect(item.media[0]['media:credit'][0]._).toBe('سبوتنيك / أحمد علي');
    expect(item.categories.map((category: { _: string }) => category._)).toEqual(
      expect.arrayContaining(['اقتصاد وأعمال ومال', 'سياسة']),
    );

    const atom = (await text('/api/syndication/atom').expect(200)).body;
    expect(await validateAtom(atom)).toEqual([]);
    expect(atom).toMatch(new RegExp(`<link rel="enclosure" type="image/png" length="${bytes}" href="https?://`));
    expect(atom).toContain('<category term="politics" label="سياسة"/>');

    const json = (await request(app.server).get('/api/syndication/json').expect(200)).body;
    const entry = json.items.find((each: { title: string }) => each.title === 'ميناء كراتشي يستقبل سفن الشحن');
    expect(entry.image).toMatch(/^https?:\/\/.+\.png$/);
    expect(entry.tags).toEqual(expect.arrayContaining(['سياسة']));
    expect(entry._newsroom.picture.alt).toBe('ثلاث سفن شحن راسية في ميناء كراتشي');

    const ninjs = (await request(app.server).get('/api/syndication/ninjs').expect(200)).body;
    const news = ninjs.find((each: { headlines: Array<{ value: string }> }) =>
      each.headlines[0].value.startsWith('ميناء كراتشي'),
    );
    expect(validateNinjs(news)).toEqual([]);
    const picture = news.associations.find((association: { name: string }) => association.name === 'picture');
    expect(picture.by).toBe('سبوتنيك / أحمد علي');
    expect(picture.renditions[0]).toMatchObject({ contentType: 'image/png', sizeInBytes: bytes });
    expect(picture.renditions[0].width).toBeGreaterThan(0);
    expect(news.subjects).toEqual(
      expect.arrayContaining([
        { name: 'سياسة', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000', literal: 'politics' },
      ]),
    );
  });

  test.each(FEEDS)('%s takes ?subject=: its stories only; a bad slug is a 400, an unknown one a 404', async (feed) => {
    const titles = async (query: string) => (await text(`/api/syndication/${feed}${query}`).expect(200)).body;
    expect(await titles('?subject=politics')).toContain('ميناء كراتشي يستقبل سفن الشحن');
    const sport = await titles('?subject=sport');
    expect(sport).not.toContain('ميناء كراتشي يستقبل سفن الشحن');
    // The seeded story has no subject: no subject's feed carries it.
    expect(sport).not.toContain('بوتين');
    expect(await titles('')).toContain('بوتين');
    const bad = await request(app.server).get(`/api/syndication/${feed}?subject=${encodeURIComponent('سياسة')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ field: 'subject' });
    const unknown = await request(app.server).get(`/api/syndication/${feed}?subject=no-such-subject`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['cache-control']).toBe('no-store');
  });

  test('a subject feed has its own ETag and its own self link', async () => {
    const all = await text('/api/syndication/atom').expect(200);
    const politics = await text('/api/syndication/atom?subject=politics').expect(200);
    expect(politics.headers.etag).not.toBe(all.headers.etag);
    expect(politics.body).toMatch(
      /<link rel="self" type="application\/atom\+xml" href="[^"]+\/api\/syndication\/atom\?subject=politics"\/>/,
    );
  });

  test('a new caption is in the next read of every feed, and the ETag moves', async () => {
    const before = await text('/api/syndication/rss?subject=politics').expect(200);
    const updated = await request(app.server)
      .put(`/api/articles/${story.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          picture: {
            image: image.id,
            caption: 'تعليق جديد على صورة الميناء',
            credit: 'سبوتنيك / أحمد علي',
            alt: 'ثلاث سفن شحن راسية في ميناء كراتشي',
          },
        },
      });
    expect(updated.status).toBe(200);
    const after = await text('/api/syndication/rss?subject=politics').expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain('تعليق جديد على صورة الميناء');
    expect(after.body).not.toContain('سفن شحن في ميناء كراتشي صباح الاثنين');
  });
});

describe('a picture replaced in the media library', () => {
  test('changes the feeds that carry it on the next read: a new length, a new ETag', async () => {
    const before = await text('/api/syndication/rss?subject=politics').expect(200);
    const replaced = await request(app.server)
      .post(`/api/upload?id=${image.id}`)
      .set('Authorization', `Bearer ${token}`)
      .attach('files', noisePng(60_000), { filename: 'karachi-port.png', contentType: 'image/png' });
    expect(replaced.status).toBe(200);
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: image.id } });
    const bytes = statSync(path.join(app.strapi.dirs.static.public, file.url)).size;
    const after = await text('/api/syndication/rss?subject=politics').expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain(`length="${bytes}"`);
    expect(before.body).not.toContain(`length="${bytes}"`);
  });
});

describe('a picture needs its text alternative to be published', () => {
  const picture = { image: 0, caption: 'صورة بلا وصف', credit: 'أ ف ب' };

  test('the content API refuses to publish it, in English and Arabic, and writes nothing', async () => {
    const before = await app.strapi.db.query(ARTICLE).count();
    const refused = await createStory(
      { title: 'خبر بصورة بلا نص بديل', picture: { ...picture, image: image.id } },
      400,
    );
    expect(refused.error.details).toMatchObject({ field: 'picture.alt', rule: 'picture-needs-alt' });
    expect(refused.error.message).toMatch(/text alternative/);
    expect(refused.error.message).toMatch(/نص بديل/);
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
  });

  test('a draft may lack it; publishing the draft (the Document Service, as the admin does) is refused', async () => {
    const documents = app.strapi.documents(ARTICLE as never) as any;
    const draft = await documents.create({
      data: { title: 'مسودة بصورة', body: '<p>نص.</p>', credits, picture: { ...picture, image: image.id } },
    });
    await expect(documents.publish({ documentId: draft.documentId })).rejects.toThrow(/alt|نص بديل/);
    expect(
      await app.strapi.db
        .query(ARTICLE)
        .count({ where: { documentId: draft.documentId, publishedAt: { $notNull: true } } }),
    ).toBe(0);
    // With its alt, it publishes.
    await documents.update({
      documentId: draft.documentId,
      data: { picture: { ...picture, image: image.id, alt: 'وصف الصورة' } },
    });
    await documents.publish({ documentId: draft.documentId });
    expect(
      await app.strapi.db
        .query(ARTICLE)
        .count({ where: { documentId: draft.documentId, publishedAt: { $notNull: true } } }),
    ).toBe(1);
  });

  test('a caption with no image asks for no alt', async () => {
    await createStory({ title: 'خبر بتعليق دون صورة', picture: { caption: 'تعليق' } });
  });
});
