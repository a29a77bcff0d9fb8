// The admin in the editor's language: a refusal from the newsroom's rules reaches an admin session
// in its interface language alone (isolated so mixed scripts read in order), while tokens and the
// content API keep both languages; and the home page's desk lists the drafts a missing credit
// holds back and the latest imports.
import request from 'supertest';
import { adminToken, apiToken, rowCounts, sourceId, startStrapi, type TestApp } from '../helpers/strapi';

const CM = '/content-manager/collection-types/plugin::newsroom.article';
const HEADER = 'x-newsroom-interface-language';
const SEED_TITLE = 'بوتين: لدينا خطط للتعاون مع إيران عسكريا وفي مجالات أخرى';
const [LRI, RLI, FSI, PDI] = ['\u2066', '\u2067', '\u2068', '\u2069'];
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

let app: TestApp;
let admin: string;
let token: string;
let ppn: string;
let sputnik: string;

beforeAll(async () => {
  app = await startStrapi();
  admin = await adminToken(app.strapi, app.server);
  token = await apiToken(app.strapi, 'full-access');
  [ppn, sputnik] = await Promise.all(['pakistan-point-news', 'sputnik'].map((slug) => sourceId(app.strapi, slug)));
});
afterAll(async () => {
  await app?.stop();
});

/** A draft through REST, credited to Pakistan Point News only unless told otherwise. */
async function draft(title: string, credits = [{ role: 'distributor', source: ppn }]): Promise<string> {
  const response = await request(app.server)
    .post('/api/articles?status=draft')
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title, credits } });
  expect(response.status).toBe(201);
  return response.body.data.documentId;
}

/** Publish through the admin's Content Manager, as the editor's browser does. */
function publishInAdmin(documentId: string, language?: string) {
  const call = request(app.server).post(`${CM}/${documentId}/actions/publish`).set('Authorization', `Bearer ${admin}`);
  return (language ? call.set(HEADER, language) : call).send({});
}

/** Text outside the isolates: what is written in the message's own language. */
const outsideIsolates = (text: string) => text.replace(/\u2068[^\u2069]*\u2069/g, '');

describe('a refusal in the interface language', () => {
  test('Arabic: Arabic only, the Latin name isolated, nothing written', async () => {
    const documentId = await draft('خبر يرفض نشره بالعربية');
    const before = await rowCounts(app.strapi);
    const response = await publishInAdmin(documentId, 'ar');
    expect(response.status).toBe(400);
    const { message, details } = response.body.error;
    expect(message.startsWith(RLI)).toBe(true);
    expect(message.endsWith(PDI)).toBe(true);
    expect(message).toContain(`سبوتنيك (${FSI}Sputnik${PDI})`);
    expect(message).toContain('الإسناد:');
    expect(outsideIsolates(message.slice(1, -1))).not.toMatch(LATIN);
    expect(message).not.toContain('must credit');
    // The field's own error (shown under the field) is the same message; both languages stay in `messages`.
    expect(details.errors[0]).toMatchObject({ path: ['credits'], message, rule: 'required-agency-missing' });
    expect(details.errors[0].messages.en).toContain('must credit Sputnik (سبوتنيك)');
    expect(await rowCounts(app.strapi)).toEqual(before);
  });

  test('English: English only, the Arabic name isolated', async () => {
    const documentId = await draft('خبر يرفض نشره بالإنجليزية');
    const response = await publishInAdmin(documentId, 'en');
    expect(response.status).toBe(400);
    const { message } = response.body.error;
    expect(message.startsWith(LRI)).toBe(true);
    expect(message).toContain(`Sputnik (${FSI}سبوتنيك${PDI})`);
    expect(outsideIsolates(message)).not.toMatch(ARABIC);
  });

  test("Urdu reads the Arabic; an admin's saved preference counts when the admin sends no language", async () => {
    const documentId = await draft('خبر يرفض نشره بالأردية');
    expect((await publishInAdmin(documentId, 'ur')).body.error.message.startsWith(RLI)).toBe(true);
    const users = await app.strapi.db.query('admin::user').findMany({ where: { firstname: 'Test' } });
    const editor = users[users.length - 1];
    await app.strapi.db.query('admin::user').update({ where: { id: editor.id }, data: { preferedLanguage: 'ar' } });
    try {
      const message: string = (await publishInAdmin(documentId)).body.error.message;
      expect(message).toContain('يجب أن يُنسب الخبر المنشور إلى سبوتنيك');
      expect(message).not.toContain('must credit');
    } finally {
      await app.strapi.db.query('admin::user').update({ where: { id: editor.id }, data: { preferedLanguage: null } });
    }
  });

  test('the content API and an admin without a language keep both languages', async () => {
    const documentId = await draft('خبر للغتين');
    const plain = (await publishInAdmin(documentId)).body.error.message as string;
    expect(plain).toContain('must credit Sputnik (سبوتنيك)');
    expect(plain).toContain('يجب أن يُنسب');
    const rest = await request(app.server)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .set(HEADER, 'ar')
      .send({ data: { title: 'خبر عبر الواجهة', credits: [{ role: 'distributor', source: ppn }] } });
    expect(rest.status).toBe(400);
    expect(rest.body.error.message).toContain('must credit Sputnik (سبوتنيك)');
    expect(rest.body.error.message).toContain('يجب أن يُنسب');
    expect(rest.body.error.message).not.toMatch(/[\u2066-\u2069]/);
  });
});

describe('the desk (GET /newsroom/desk)', () => {
  test('lists a draft held back for its credits with the rule, and not a complete one', async () => {
    const held = await draft('مسودة محتجزة على المكتب');
    const complete = await draft('مسودة كاملة الإسناد', [
      { role: 'distributor', source: ppn },
      { role: 'originator', source: sputnik },
    ]);
    const response = await request(app.server).get('/newsroom/desk').set('Authorization', `Bearer ${admin}`);
    expect(response.status).toBe(200);
    const { held: heldList } = response.body.data;
    const item = heldList.items.find((entry: { documentId: string }) => entry.documentId === held);
    expect(item).toMatchObject({
      title: 'مسودة محتجزة على المكتب',
      rule: 'required-agency-missing',
      missing: ['sputnik'],
    });
    expect(item.messages.ar).toContain('سبوتنيك');
    expect(item.messages.en).toContain('Sputnik');
    expect(heldList.items.map((entry: { documentId: string }) => entry.documentId)).not.toContain(complete);
    expect(heldList.total).toBeGreaterThanOrEqual(1);
    // Newest first.
    expect(heldList.items[0].documentId).toBe(held);
  });

  test('lists the latest imports: the seed dispatch, published', async () => {
    const response = await request(app.server).get('/newsroom/desk').set('Authorization', `Bearer ${admin}`);
    expect(response.body.data.imports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: SEED_TITLE, status: 'published', file: '000_a1a02bb52c60af29.txt' }),
      ]),
    );
  });

  test('answers admin sessions only', async () => {
    await request(app.server).get('/newsroom/desk').expect(401);
    await request(app.server).get('/newsroom/desk').set('Authorization', `Bearer ${token}`).expect(401);
  });
});
