// The seeded dispatch through the public REST API, the public role's limits, and reseeding.
import request from 'supertest';
import path from 'path';
import { rowCounts, startStrapi, type TestApp } from '../helpers/strapi';

const ORIGINAL_DATELINE = '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)';
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('the seeded article', () => {
  test('is published with title, date, body, lang, dir, credits, dateline and slug', async () => {
    const response = await request(app.server)
      .get('/api/articles?populate[credits][populate][source]=true&populate[quotes]=true')
      .expect(200);
    expect(response.body.data).toHaveLength(1);
    const [article] = response.body.data;
    expect(article).toMatchObject({
      title: 'بوتين: لدينا خطط للتعاون مع إيران عسكريا وفي مجالات أخرى',
      dispatchDate: '2021-06-14',
      lang: 'ar',
      dir: 'rtl',
      dateline: ORIGINAL_DATELINE,
    });
    expect(article.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(article.publishedAt).toEqual(expect.any(String));
    const paragraphs = article.body.match(/<p [^>]*>/g);
    expect(paragraphs).toHaveLength(11);
    expect(paragraphs.every((tag: string) => tag === '<p dir="rtl" lang="ar">')).toBe(true);
    expect(article.body).not.toContain('14 يونيو');
    expect(article.body.indexOf('قال الرئيس الروسي')).toBeLessThan(article.body.indexOf('وفشل مجلس الأمن'));
    expect(article.credits.map((credit: any) => [credit.role, credit.source.slug])).toEqual([
      ['distributor', 'pakistan-point-news'],
      ['originator', 'sputnik'],
    ]);
    expect(article.quotes).toHaveLength(6);
    expect(article).not.toHaveProperty('createdBy');
  });

  test('its quotes carry speaker, role, context and venue, in order', async () => {
    const response = await request(app.server).get('/api/quotes?populate[venue]=true&sort=position:asc').expect(200);
    const quotes = response.body.data;
    expect(quotes.map((quote: any) => [quote.position, quote.speaker, quote.venue?.slug ?? null])).toEqual([
      [1, 'فلاديمير بوتين', 'nbc'],
      [2, 'فلاديمير بوتين', 'nbc'],
      [3, 'فلاديمير بوتين', 'nbc'],
      [4, 'فومين وقريشي', 'russian-ministry-of-defence'],
      [5, 'دميتري شوغايف', null],
      [6, 'إيران', null],
    ]);
    expect(quotes[0]).toMatchObject({
      text: 'لدينا برامج محددة تتعلق بالأسلحة التقليدية',
      speakerRole: 'الرئيس الروسي',
      context: 'خلال مقابلة مع شبكة "ان بي سي" الأميركية',
      lang: 'ar',
      dir: 'rtl',
    });
    expect(quotes.every((quote: any) => !quote.text.startsWith('"') && !quote.text.endsWith('"'))).toBe(true);
  });

  test('one Source per outlet, with kind, lang and dir', async () => {
    const response = await request(app.server).get('/api/sources?sort=id:asc').expect(200);
    expect(
      response.body.data.map(({ name, nameLatin, slug, kind, lang, dir }: any) => ({
        name,
        nameLatin,
        slug,
        kind,
        lang,
        dir,
      })),
    ).toEqual([
      { name: 'سبوتنيك', nameLatin: 'Sputnik', slug: 'sputnik', kind: 'news-agency', lang: 'ar', dir: 'rtl' },
      {
        name: 'پاکستان پوائنٹ نیوز',
        nameLatin: 'Pakistan Point News',
        slug: 'pakistan-point-news',
        kind: 'news-agency',
        lang: 'ur',
        dir: 'rtl',
      },
      { name: 'ان بي سي', nameLatin: 'NBC', slug: 'nbc', kind: 'broadcaster', lang: 'ar', dir: 'rtl' },
      {
        name: 'الدفاع الروسية',
        nameLatin: 'Russian Ministry of Defence',
        slug: 'russian-ministry-of-defence',
        kind: 'government',
        lang: 'ar',
        dir: 'rtl',
      },
    ]);
  });
});

describe('the public role', () => {
  test.each([
    ['post', '/api/articles'],
    ['post', '/api/quotes'],
    ['post', '/api/sources'],
  ])('is refused %s %s', async (method, url) => {
    const before = await rowCounts(app.strapi);
    const response = await (request(app.server) as any)
      [method](url)
      .send({ data: { title: 'x', name: 'x', speaker: 'x', text: 'x' } });
    expect(response.status).toBe(403);
    expect(await rowCounts(app.strapi)).toEqual(before);
  });

  test('is refused PUT and DELETE on the seeded article', async () => {
    const { body } = await request(app.server).get('/api/articles').expect(200);
    const documentId = body.data[0].documentId;
    await request(app.server)
      .put(`/api/articles/${documentId}`)
      .send({ data: { title: 'x' } })
      .expect(403);
    await request(app.server).delete(`/api/articles/${documentId}`).expect(403);
    await request(app.server).get(`/api/articles/${documentId}`).expect(200);
  });

  test('never sees drafts, even when asking for them', async () => {
    const draft = await app.strapi.documents('plugin::newsroom.article').create({
      data: { title: 'مسودة لم تنشر بعد' } as never,
    });
    for (const url of [
      '/api/articles?status=draft',
      '/api/articles?status=draft&filters[publishedAt][$null]=true',
      '/api/articles',
    ]) {
      const { body } = await request(app.server).get(url).expect(200);
      expect(body.data.map((article: any) => article.documentId)).not.toContain(draft.documentId);
    }
    await request(app.server).get(`/api/articles/${draft.documentId}?status=draft`).expect(404);
    await app.strapi.documents('plugin::newsroom.article').delete({ documentId: draft.documentId });
  });
});

describe('seeding again', () => {
  test("a second bootstrap creates nothing and keeps an editor's change", async () => {
    const [article] = await app.strapi.documents('plugin::newsroom.article').findMany({ status: 'published' });
    await app.strapi.documents('plugin::newsroom.article').update({
      documentId: article.documentId,
      status: 'published',
      data: { title: 'عنوان عدّله المحرر' } as never,
    });
    const before = await rowCounts(app.strapi);
    const { default: application } = await import(path.resolve(__dirname, '../../dist/src/index.js'));
    await application.bootstrap({ strapi: app.strapi });
    expect(await rowCounts(app.strapi)).toEqual(before);
    const after = await app.strapi
      .documents('plugin::newsroom.article')
      .findOne({ documentId: article.documentId, status: 'published' });
    expect(after?.title).toBe('عنوان عدّله المحرر');
  });
});
