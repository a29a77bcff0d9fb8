// What each admin role may see of the newsroom outside Strapi's own read routes: a clone copies
// only what its caller may open, the desk lists only what its reader may open, and the response
// cache's figures are for those given the permission. Through the real server, as an Author (own
// entries only), an Editor (every entry) and a super admin.
import request from 'supertest';
import { adminToken, rowCounts, startStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE = 'plugin::newsroom.article';
const CM = `/content-manager/collection-types/${ARTICLE}`;

let app: TestApp;
let author: string;
let otherAuthor: string;
let editor: string;
let superAdmin: string;

beforeAll(async () => {
  app = await startStrapi();
  [author, otherAuthor, editor, superAdmin] = await Promise.all([
    adminToken(app.strapi, app.server, 'strapi-author'),
    adminToken(app.strapi, app.server, 'strapi-author'),
    adminToken(app.strapi, app.server, 'strapi-editor'),
    adminToken(app.strapi, app.server),
  ]);
});
afterAll(async () => {
  await app?.stop();
});

const as = (token: string) => ({
  get: (url: string) => request(app.server).get(url).set('Authorization', `Bearer ${token}`),
  post: (url: string, body: object = {}) =>
    request(app.server).post(url).set('Authorization', `Bearer ${token}`).send(body),
});

/** A draft saved in the Content Manager by this admin, with no credit (so the desk holds it). */
async function draftBy(token: string, title: string): Promise<string> {
  const response = await as(token).post(CM, { title, body: `<p>${title}</p>` });
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`draft ${title}: ${response.status} ${response.text}`);
  return response.body.data.documentId;
}

describe('cloning a newsroom document needs permission to open it', () => {
  test('an Author cannot clone an Editor’s draft: 403, no title or body in the answer, nothing written', async () => {
    const secret = 'مسودة المحرر السرية عن مصدر لم يُكشف';
    const documentId = await draftBy(editor, secret);
    // Opening it is refused by Strapi itself…
    expect((await as(author).get(`${CM}/${documentId}`)).status).toBe(403);
    const before = await rowCounts(app.strapi);
    // …and so is copying it.
    const clone = await as(author).post(`${CM}/clone/${documentId}`, { title: 'نسخة' });
    expect(clone.status).toBe(403);
    expect(clone.text).not.toContain(secret);
    expect(clone.body.error.details).toEqual(expect.objectContaining({ rule: 'clone-needs-read' }));
    expect(clone.body.error.message).toMatch(/clone only what you may open/);
    // The one-click clone is refused too (Strapi refuses it for any type with a unique slug).
    const autoClone = await as(author).post(`${CM}/auto-clone/${documentId}`, {});
    expect(autoClone.status).toBeGreaterThanOrEqual(400);
    expect(autoClone.text).not.toContain(secret);
    expect(await rowCounts(app.strapi)).toEqual(before);
    // The Author's list shows no copy.
    const list = await as(author).get(`${CM}?page=1&pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(secret);
  });

  test('an Author clones the Author’s own draft; an Editor clones anyone’s', async () => {
    const own = await draftBy(author, 'مسودة الكاتب');
    const mine = await as(author).post(`${CM}/clone/${own}`, { title: 'نسخة الكاتب من مسودته' });
    expect(mine.status).toBe(200);
    expect(mine.body.data.title).toBe('نسخة الكاتب من مسودته');
    const byEditor = await as(editor).post(`${CM}/clone/${own}`, { title: 'نسخة المحرر' });
    expect(byEditor.status).toBe(200);
    // Another Author may not.
    expect((await as(otherAuthor).post(`${CM}/clone/${own}`, { title: 'نسخة' })).status).toBe(403);
  });
});

describe('the desk lists only what its reader may open', () => {
  interface Desk {
    held: { total: number; items: Array<{ documentId: string; title: string }> };
  }
  const desk = async (token: string): Promise<Desk> => {
    const response = await as(token).get('/newsroom/desk');
    expect(response.status).toBe(200);
    return response.body.data;
  };

  test('an Author sees the Author’s held drafts only; an Editor sees everyone’s', async () => {
    const editorsDraft = await draftBy(editor, 'مسودة محتجزة للمحرر');
    const authorsDraft = await draftBy(author, 'مسودة محتجزة للكاتب');
    const othersDraft = await draftBy(otherAuthor, 'مسودة محتجزة لكاتب آخر');

    const authorDesk = await desk(author);
    const authorSees = authorDesk.held.items.map((item) => item.documentId);
    expect(authorSees).toContain(authorsDraft);
    expect(authorSees).not.toContain(editorsDraft);
    expect(authorSees).not.toContain(othersDraft);
    expect(JSON.stringify(authorDesk)).not.toContain('مسودة محتجزة للمحرر');
    // The count is of the reader's drafts too, not everyone's.
    expect(authorDesk.held.total).toBe(authorDesk.held.items.length);

    const editorSees = (await desk(editor)).held.items.map((item) => item.documentId);
    expect(editorSees).toEqual(expect.arrayContaining([editorsDraft, authorsDraft, othersDraft]));
  });
});

describe('the response cache’s figures are for operators', () => {
  test('Authors and Editors get 403; a super admin reads them', async () => {
    for (const token of [author, editor]) {
      const response = await as(token).get('/newsroom/response-cache');
      expect(response.status).toBe(403);
      expect(response.body.data).toBeNull();
    }
    const stats = await as(superAdmin).get('/newsroom/response-cache');
    expect(stats.status).toBe(200);
    expect(stats.body.data).toEqual(expect.objectContaining({ enabled: true, hits: expect.any(Number) }));
  });
});
