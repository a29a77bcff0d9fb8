// The newsroom rules through every write path: REST with an API token, the admin Content
// Manager, the Document Service and publish. Every refusal leaves the row counts unchanged.
import request from 'supertest';
import { adminToken, apiToken, rowCounts, sourceId, startStrapi, type TestApp } from '../helpers/strapi';
import { executableParts } from '../../src/plugins/newsroom/tests/helpers/executable';

const ARTICLE = 'plugin::newsroom.article';
const CM = '/content-manager/collection-types/plugin::newsroom.article';
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
let app: TestApp;
let token: string;
let admin: string;
let sputnik: string;
let ppn: string;
let nbc: string;

beforeAll(async () => {
  app = await startStrapi();
  token = await apiToken(app.strapi, 'full-access');
  admin = await adminToken(app.strapi, app.server);
  [sputnik, ppn, nbc] = await Promise.all(
    ['sputnik', 'pakistan-point-news', 'nbc'].map((slug) => sourceId(app.strapi, slug)),
  );
});
afterAll(async () => {
  await app?.stop();
});

const rest = () => ({
  post: (url: string, data: unknown) =>
    request(app.server).post(url).set('Authorization', `Bearer ${token}`).send({ data }),
  put: (url: string, data: unknown) =>
    request(app.server).put(url).set('Authorization', `Bearer ${token}`).send({ data }),
});
const cm = () => ({
  post: (url: string, body: unknown = {}) =>
    request(app.server)
      .post(url)
      .set('Authorization', `Bearer ${admin}`)
      .send(body as object),
  put: (url: string, body: unknown) =>
    request(app.server)
      .put(url)
      .set('Authorization', `Bearer ${admin}`)
      .send(body as object),
});
const bothAgencies = () => [
  { role: 'distributor', source: ppn },
  { role: 'originator', source: sputnik },
];

/** Run a write that must be refused; check status, message and that nothing changed. */
async function expectRefused(
  write: () => Promise<request.Response>,
  { status = 400, field, mentions = [] }: { status?: number; field: string; mentions?: string[] },
) {
  const before = await rowCounts(app.strapi);
  const response = await write();
  expect(response.status).toBe(status);
  expect(response.body.error.message).toContain(field);
  expect(response.body.error.message).toMatch(/[\u0600-\u06FF]/);
  for (const text of mentions) expect(response.body.error.message).toContain(text);
  if (status === 400) expect(response.body.error.details).toMatchObject({ field });
  expect(await rowCounts(app.strapi)).toEqual(before);
  return response;
}

async function expectServiceRefused(write: () => Promise<unknown>, field: string, mentions: string[] = []) {
  const before = await rowCounts(app.strapi);
  const error: any = await write().then(
    () => undefined,
    (thrown) => thrown,
  );
  expect(error?.name).toBe('ValidationError');
  expect(error.details).toMatchObject({ field });
  for (const text of mentions) expect(error.message).toContain(text);
  expect(await rowCounts(app.strapi)).toEqual(before);
}

describe('REST with an API token', () => {
  test('an Arabic article gets lang, dir, clean body with isolated Latin runs, dateline and slug', async () => {
    const response = await rest().post('/api/articles?populate[credits][populate][source]=true', {
      title: 'روسيا \u202Eوإيران\u202C تبحثان التعاون',
      dispatchDate: '2021-06-15',
      dateline: '(typed by a client)',
      body: '<p onclick="x()">قالت شبكة NBC الأميركية</p><script>alert(1)</script><p><a href="javascript:alert(1)">رابط</a></p>',
      credits: bothAgencies(),
    });
    expect(response.status).toBe(201);
    const article = response.body.data;
    expect(article).toMatchObject({
      title: 'روسيا وإيران تبحثان التعاون',
      lang: 'ar',
      dir: 'rtl',
      dateline: '(پاکستان پوائنٹ نیوز / سبوتنيك - 15 يونيو 2021ء)',
    });
    expect(article.slug).toMatch(/^[a-z0-9-]{1,80}$/);
    expect(article.body).toBe(
      '<p dir="rtl" lang="ar">قالت شبكة <bdi dir="ltr">NBC</bdi> الأميركية</p><p dir="rtl" lang="ar"><a>رابط</a></p>',
    );
    expect(executableParts(article.body)).toEqual([]);
  });

  test('dir that contradicts Arabic text is refused', async () => {
    await expectRefused(
      () => rest().post('/api/articles', { title: 'عنوان عربي', dir: 'ltr', credits: bothAgencies() }),
      {
        field: 'dir',
        mentions: ['ltr'],
      },
    );
  });

  test('lang en on an Arabic title is refused; an invalid tag too', async () => {
    await expectRefused(
      () => rest().post('/api/articles', { title: 'عنوان عربي', lang: 'en', credits: bothAgencies() }),
      {
        field: 'lang',
      },
    );
    await expectRefused(
      () => rest().post('/api/articles', { title: 'عنوان عربي', lang: 'x<y>', credits: bothAgencies() }),
      {
        field: 'lang',
      },
    );
  });

  test('creating a published article without Sputnik is refused and names Sputnik', async () => {
    await expectRefused(
      () => rest().post('/api/articles', { title: 'خبر بلا سبوتنيك', credits: [{ role: 'distributor', source: ppn }] }),
      { field: 'credits', mentions: ['Sputnik'] },
    );
    await expectRefused(() => rest().post('/api/articles', { title: 'خبر بلا إسناد' }), {
      field: 'credits',
      mentions: ['Sputnik', 'Pakistan Point News'],
    });
  });

  test('a draft may be saved without credits', async () => {
    const response = await rest().post('/api/articles?status=draft', { title: 'مسودة بلا إسناد' });
    expect(response.status).toBe(201);
    expect(response.body.data.publishedAt).toBeNull();
  });

  test('removing a required credit from a published article is refused; the article keeps it', async () => {
    const created = await rest().post('/api/articles', { title: 'خبر منشور', credits: bothAgencies() });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    await expectRefused(
      () => rest().put(`/api/articles/${documentId}`, { credits: [{ role: 'distributor', source: ppn }] }),
      { field: 'credits', mentions: ['Sputnik'] },
    );
    const stored = await app.strapi.documents(ARTICLE).findOne({
      documentId,
      status: 'published',
      populate: { credits: { populate: { source: true } } },
    } as never);
    expect((stored as any).credits.map((credit: any) => credit.source.slug).sort()).toEqual([
      'pakistan-point-news',
      'sputnik',
    ]);
  });

  test('the dateline follows the credits and date, whatever the client sends', async () => {
    const created = await rest().post('/api/articles', {
      title: 'خبر',
      dispatchDate: '2020-10-18',
      credits: bothAgencies(),
    });
    const { documentId } = created.body.data;
    const updated = await rest().put(`/api/articles/${documentId}?populate[credits]=true`, {
      dateline: 'forged',
      dispatchDate: '2020-08-01',
      credits: [...bothAgencies(), { role: 'contributor', source: nbc }],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data.dateline).toBe('(پاکستان پوائنٹ نیوز / سبوتنيك - 1 أغسطس 2020ء)');
  });

  test('the same title twice gets a numeric suffix; a published slug never changes', async () => {
    const first = await rest().post('/api/articles', { title: 'عنوان مكرر تماما', credits: bothAgencies() });
    const second = await rest().post('/api/articles', { title: 'عنوان مكرر تماما', credits: bothAgencies() });
    expect(second.body.data.slug).toBe(`${first.body.data.slug}-2`);
    const renamed = await rest().put(`/api/articles/${first.body.data.documentId}`, { title: 'عنوان جديد كليا' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.slug).toBe(first.body.data.slug);
    await expectRefused(() => rest().put(`/api/articles/${first.body.data.documentId}`, { slug: 'another-slug' }), {
      field: 'slug',
    });
  });

  test('a body over the limit is refused with 413', async () => {
    const body = `<p>${'ب'.repeat(600 * 1024)}</p>`;
    await expectRefused(() => rest().post('/api/articles', { title: 'طويل', body, credits: bothAgencies() }), {
      status: 413,
      field: 'body',
    });
  });

  test('a quote needs a speaker; its lang and dir are derived', async () => {
    await expectRefused(() => rest().post('/api/quotes', { text: 'كلام بلا قائل', speaker: '  ' }), {
      field: 'speaker',
    });
    await expectRefused(() => rest().post('/api/quotes', { text: 'كلام بلا قائل' }), { field: 'speaker' });
    const quote = await rest().post('/api/quotes', { text: 'كلام', speaker: '\u2067بوتين\u2069' });
    expect(quote.status).toBe(201);
    expect(quote.body.data).toMatchObject({ speaker: 'بوتين', lang: 'ar', dir: 'rtl' });
  });

  test('a source gets lang and dir from its name, and a slug from its Latin name', async () => {
    const urdu = await rest().post('/api/sources', {
      name: 'روزنامہ \u202Eجنگ',
      nameLatin: 'Daily Jang',
      kind: 'publisher',
    });
    expect(urdu.status).toBe(201);
    expect(urdu.body.data).toMatchObject({ name: 'روزنامہ جنگ', lang: 'ur', dir: 'rtl', slug: 'daily-jang' });
    await expectRefused(() => rest().post('/api/sources', { name: 'الأهرام', dir: 'ltr' }), { field: 'dir' });
  });
});

describe('the admin Content Manager with an admin token', () => {
  test('a draft saves without credits; publishing it is refused naming both agencies; nothing is published', async () => {
    const created = await cm().post(CM, { title: 'مسودة المحرر \u2066خفية\u2069' });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    expect(created.body.data.title).not.toMatch(BIDI);
    const response = await expectRefused(() => cm().post(`${CM}/${documentId}/actions/publish`, {}), {
      field: 'credits',
      mentions: ['Sputnik', 'Pakistan Point News'],
    });
    expect(response.body.error.details.errors[0].path).toEqual(['credits']);
    const published = await app.strapi.documents(ARTICLE).findOne({ documentId, status: 'published' });
    expect(published).toBeNull();
  });

  test('with both credits the editor publishes, and the dateline is generated', async () => {
    const created = await cm().post(CM, {
      title: 'خبر المحرر',
      dispatchDate: '2021-06-14',
      credits: [
        { role: 'distributor', source: { connect: [{ documentId: ppn }] } },
        { role: 'originator', source: { connect: [{ documentId: sputnik }] } },
      ],
    });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const published = await cm().post(`${CM}/${documentId}/actions/publish`, {});
    expect(published.status).toBe(200);
    const stored = await app.strapi.documents(ARTICLE).findOne({ documentId, status: 'published' });
    expect(stored).toMatchObject({
      dateline: '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)',
      lang: 'ar',
      dir: 'rtl',
    });
  });

  test('a contradicting direction is refused on update', async () => {
    const created = await cm().post(CM, { title: 'عنوان للتعديل' });
    await expectRefused(
      () => cm().put(`${CM}/${created.body.data.documentId}`, { title: 'عنوان للتعديل', dir: 'ltr' }),
      {
        field: 'dir',
      },
    );
  });

  test('hostile body HTML is cleaned on save', async () => {
    const created = await cm().post(CM, {
      title: 'نص',
      body: '<img src=x onerror=alert(1)><p>نص <svg onload=alert(1)></svg></p>',
    });
    expect(created.status).toBe(201);
    expect(executableParts(created.body.data.body)).toEqual([]);
    expect(created.body.data.body).toBe('<p dir="rtl" lang="ar">نص </p>');
  });
});

describe('the Document Service and publish()', () => {
  const documents = () => app.strapi.documents(ARTICLE);

  test('a published create without credits is refused', async () => {
    await expectServiceRefused(
      () => documents().create({ status: 'published', data: { title: 'بلا إسناد' } } as never),
      'credits',
      ['Sputnik'],
    );
  });

  test('publish() of an incomplete draft is refused and leaves it a draft', async () => {
    const draft = await documents().create({
      data: { title: 'مسودة', credits: [{ role: 'originator', source: sputnik }] },
    } as never);
    await expectServiceRefused(() => documents().publish({ documentId: draft.documentId } as never), 'credits', [
      'Pakistan Point News',
    ]);
    expect(await documents().findOne({ documentId: draft.documentId, status: 'published' })).toBeNull();
  });

  test('lang that contradicts the text is refused; bidi controls never reach a title', async () => {
    await expectServiceRefused(() => documents().create({ data: { title: 'عنوان', lang: 'en' } } as never), 'lang');
    const created = await documents().create({ data: { title: 'a\u202Eb\u2066c' } } as never);
    expect(created.title).toBe('abc');
    expect(created.lang).toBe('en');
  });

  test('a quote with an empty speaker is refused', async () => {
    const before = await rowCounts(app.strapi);
    await expect(
      app.strapi.documents('plugin::newsroom.quote').create({ data: { text: 'نص', speaker: '' } } as never),
    ).rejects.toMatchObject({
      name: 'ValidationError',
    });
    expect(await rowCounts(app.strapi)).toEqual(before);
  });
});

describe('Sources credited by articles', () => {
  test('renaming a Source renames it in the datelines that credit it', async () => {
    const created = await rest().post('/api/sources', {
      name: 'وكالة الاختبار',
      nameLatin: 'Test Wire',
      kind: 'news-agency',
    });
    const wire = created.body.data.documentId;
    const article = await rest().post('/api/articles', {
      title: 'خبر الوكالة',
      credits: [...bothAgencies(), { role: 'distributor', source: wire }],
    });
    expect(article.body.data.dateline).toBe('(پاکستان پوائنٹ نیوز / وكالة الاختبار / سبوتنيك)');
    await rest().put(`/api/sources/${wire}`, { name: 'وكالة التجربة' }).expect(200);
    const stored = await app.strapi
      .documents(ARTICLE)
      .findOne({ documentId: article.body.data.documentId, status: 'published' });
    expect(stored?.dateline).toBe('(پاکستان پوائنٹ نیوز / وكالة التجربة / سبوتنيك)');
  });

  test('a Source credited by an article cannot be deleted', async () => {
    await expectRefused(
      () => request(app.server).delete(`/api/sources/${sputnik}`).set('Authorization', `Bearer ${token}`),
      {
        field: 'source',
      },
    );
    expect(await app.strapi.documents('plugin::newsroom.source').findOne({ documentId: sputnik })).not.toBeNull();
  });
});
