// Input that costs the server more than its size says: a body of deeply nested markup, markup in
// the name of a Source. Through the real server, for an Editor and an Author in the admin's
// Content Manager and for a full-access API token, with one Strapi for the file.
import { randomBytes } from 'crypto';
import request from 'supertest';
import { MAX_MARKUP_NESTING } from '../../src/plugins/newsroom/core/markup-nesting';
import { apiToken, requiredCredits, rowCounts, startStrapi, type TestApp } from '../helpers/strapi';

const CM = '/content-manager/collection-types/plugin::newsroom';
const LEVELS = 75_000;
// 960 KB: under the newsroom's 1 MiB body limit, nested far past MAX_MARKUP_NESTING.
const NESTED_BODY = `${'<span>'.repeat(LEVELS)}نص${'</span>'.repeat(LEVELS)}`;

let app: TestApp;
let fullAccess: string;
const sessions: Record<'editor' | 'author', string> = { editor: '', author: '' };

/** An admin user with one of Strapi's built-in roles, logged in as the admin panel logs in. */
async function adminSession(code: 'strapi-editor' | 'strapi-author'): Promise<string> {
  const role = await app.strapi.service('admin::role').findOne({ code });
  const email = `${code}-${randomBytes(4).toString('hex')}@newsroom.test`;
  const password = `Aa1-${randomBytes(12).toString('hex')}`;
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: code,
    password,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const response = await request(app.server).post('/admin/login').send({ email, password });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${response.text}`);
  return response.body.data.token;
}

beforeAll(async () => {
  app = await startStrapi();
  fullAccess = await apiToken(app.strapi, 'full-access');
  sessions.editor = await adminSession('strapi-editor');
  sessions.author = await adminSession('strapi-author');
});

afterAll(async () => {
  await app?.stop();
});

const writers = () => [
  {
    who: 'a full-access API token (REST)',
    create: (type: 'article' | 'source', data: object) =>
      request(app.server).post(`/api/${type}s`).set('Authorization', `Bearer ${fullAccess}`).send({ data }),
  },
  ...(['editor', 'author'] as const).map((role) => ({
    who: `an ${role === 'editor' ? 'Editor' : 'Author'} (Content Manager)`,
    create: (type: 'article' | 'source', data: object) =>
      request(app.server).post(`${CM}.${type}`).set('Authorization', `Bearer ${sessions[role]}`).send(data),
  })),
];

describe('a body nested deeper than the limit', () => {
  test.each(writers().map((writer) => [writer.who, writer]))(
    'from %s is refused with a 400 naming body, nothing written, while a public feed still answers',
    async (_who, writer) => {
      expect(Buffer.byteLength(NESTED_BODY)).toBeGreaterThan(900 * 1024);
      const before = await rowCounts(app.strapi);
      const started = Date.now();
      const write = writer
        .create('article', { title: 'عنوان متداخل', body: NESTED_BODY })
        .then((response) => ({ response, ms: Date.now() - started }));
      const read = request(app.server)
        .get('/api/syndication/rss')
        .then((response) => ({ response, ms: Date.now() - started }));
      const [refused, feed] = await Promise.all([write, read]);
      expect(refused.response.status).toBe(400);
      const { error } = refused.response.body;
      expect(error.details).toMatchObject({ field: 'body' });
      expect(error.message).toMatch(/body|النص/);
      expect(error.message).toContain(String(MAX_MARKUP_NESTING));
      expect(feed.response.status).toBe(200);
      expect(feed.response.text).toContain('<rss');
      expect(await rowCounts(app.strapi)).toEqual(before);
      process.stdout.write(
        `nested body (${LEVELS} levels, ${Buffer.byteLength(NESTED_BODY)} bytes) from ${_who}: ` +
          `refused in ${refused.ms} ms; concurrent RSS answered in ${feed.ms} ms\n`,
      );
    },
  );
});

describe('markup in the name of a Source', () => {
  const MARKUP = /<[a-z/!]/i;

  test.each(writers().map((writer, index) => [writer.who, writer, index]))(
    'written by %s comes back as text in REST and in RSS',
    async (_who, writer, index) => {
      const name = `<svg onload=alert(${index})>وكالة الاختبار ${index}<img src=x onerror=alert(1)>`;
      const created = await writer.create('source', { name, nameLatin: `Test <b>Agency</b> ${index}` });
      expect(created.status).toBeLessThan(300);
      const documentId = (created.body.data ?? created.body).documentId as string;

      const rest = await request(app.server)
        .get(`/api/sources/${documentId}`)
        .set('Authorization', `Bearer ${fullAccess}`);
      expect(rest.status).toBe(200);
      expect(rest.body.data.name).toBe(`وكالة الاختبار ${index}`);
      expect(rest.body.data.nameLatin).toBe(`Test Agency ${index}`);
      expect(rest.text).not.toMatch(MARKUP);

      // Credited in a published article: RSS names it in dc:creator.
      const credits = [...(await requiredCredits(app.strapi)), { role: 'contributor', source: documentId }];
      const article = await request(app.server)
        .post('/api/articles?status=published')
        .set('Authorization', `Bearer ${fullAccess}`)
        .send({ data: { title: `خبر المصدر ${index}`, body: '<p>نص الخبر.</p>', credits } });
      expect(article.status).toBe(201);
      const rss = await request(app.server).get('/api/syndication/rss?limit=100');
      expect(rss.status).toBe(200);
      const creators = [...rss.text.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((match) =>
        match[1]
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      );
      const credited = creators.filter((creator) => creator.includes(`الاختبار ${index}`));
      expect(credited).toHaveLength(1);
      // What a reader that renders dc:creator as HTML gets after decoding the XML: no element.
      expect(credited[0]).not.toMatch(MARKUP);
    },
  );
});
