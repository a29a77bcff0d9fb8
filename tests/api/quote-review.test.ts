// needsReview through the real HTTP paths: the importer flags a speaker it is not sure of, the
// content API shows the flag, the desk lists the quotation to the admins who may open it, and an
// editor's save in the Content Manager clears it; a content-API client's write clears it too unless
// it asks for a review, and the importer's writes keep their flag whatever request they run in.
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import type { Desk } from '../../src/plugins/newsroom/shared/contracts/desk';
import { adminToken, apiToken, newsroomService, startStrapi, type TestApp } from '../helpers/strapi';

const QUOTE = 'plugin::newsroom.quote';
const CM = `/content-manager/collection-types/${QUOTE}`;

// A minister named in the lead and quoted with his name (sure), then "the spokesman" whom the
// dispatch never names (the parser's guess: flagged).
const dispatch = (topic: string) => `باكستان ترفع مخصصات ${topic} في الميزانية الجديدة

(پاکستان پوائنٹ نیوز / سبوتنيك - 3 مارس 2024ء) قال وزير المالية الباكستاني محمد أورنجزيب، اليوم الأحد، إن الميزانية الجديدة تركز على ${topic} والصحة.

وقال أورنجزيب للصحفيين في إسلام آباد: "سنرفع مخصصات ${topic} بنسبة عشرين بالمئة هذا العام".

وقال المتحدث: "لن تفرض الحكومة ضرائب جديدة على الرواتب في ميزانية ${topic}".
`;

let app: TestApp;
let token: string;
let editor: string;
let author: string;
let folder: string;

beforeAll(async () => {
  app = await startStrapi();
  token = await apiToken(app.strapi, 'full-access');
  editor = await adminToken(app.strapi, app.server, 'strapi-editor');
  author = await adminToken(app.strapi, app.server, 'strapi-author');
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-review-'));
});
afterAll(async () => {
  await app?.stop();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const as = (bearer: string) => ({
  get: (url: string) => request(app.server).get(url).set('Authorization', `Bearer ${bearer}`),
  put: (url: string, body: object) => request(app.server).put(url).set('Authorization', `Bearer ${bearer}`).send(body),
  post: (url: string, body: object = {}) =>
    request(app.server).post(url).set('Authorization', `Bearer ${bearer}`).send(body),
});

async function importDispatch(name: string, text: string): Promise<string> {
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  const report = await newsroomService(app.strapi, 'importer').importFiles([file], { status: 'published' });
  expect(report).toMatchObject({ created: 1, failed: 0, drafted: 0 });
  return report.results[0].articleDocumentId as string;
}

interface QuoteItem {
  documentId: string;
  text: string;
  speaker: string;
  needsReview: boolean;
  position: number;
}

async function quotesOf(articleDocumentId: string, status: 'published' | 'draft' = 'published'): Promise<QuoteItem[]> {
  const response = await as(token).get(
    `/api/quotes?filters[article][documentId][$eq]=${articleDocumentId}&sort=position&status=${status}`,
  );
  expect(response.status).toBe(200);
  return response.body.data;
}

async function desk(bearer: string): Promise<Desk> {
  const response = await as(bearer).get('/newsroom/desk');
  expect(response.status).toBe(200);
  return response.body.data;
}

describe('a quotation whose speaker the importer guessed', () => {
  let article: string;
  let sure: QuoteItem;
  let guessed: QuoteItem;

  beforeAll(async () => {
    article = await importDispatch('budget.txt', dispatch('التعليم'));
    [sure, guessed] = await quotesOf(article);
  });

  test('is stored with needsReview true, the sure one false, as REST shows a full-access token', () => {
    expect(sure).toMatchObject({ speaker: 'محمد أورنجزيب', needsReview: false, position: 1 });
    expect(guessed).toMatchObject({ needsReview: true, position: 2 });
    expect(guessed.text).toContain('لن تفرض الحكومة ضرائب جديدة');
  });

  test('is listed on the desk with its speaker, the start of its text and its article', async () => {
    const { review } = await desk(editor);
    const listed = review.items.filter((item) => [sure.documentId, guessed.documentId].includes(item.documentId));
    expect(listed).toEqual([
      {
        documentId: guessed.documentId,
        speaker: guessed.speaker,
        textStart: guessed.text,
        article: { documentId: article, title: 'باكستان ترفع مخصصات التعليم في الميزانية الجديدة' },
        updatedAt: expect.any(String),
      },
    ]);
    expect(review.total).toBeGreaterThanOrEqual(1);
  });

  test('is not listed to an Author, who may open only the Author’s own entries', async () => {
    const { review } = await desk(author);
    expect(review.items.map((item) => item.documentId)).not.toContain(guessed.documentId);
  });

  test('an editor’s save in the Content Manager clears it, even with the stored true in the form', async () => {
    const saved = await as(editor).put(`${CM}/${guessed.documentId}`, {
      text: guessed.text,
      speaker: 'محمد أورنجزيب',
      needsReview: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ speaker: 'محمد أورنجزيب', needsReview: false });
    expect((await quotesOf(article, 'draft'))[1]).toMatchObject({ needsReview: false });
    // The published version keeps the unconfirmed speaker, and its flag, until the editor publishes.
    expect((await quotesOf(article))[1]).toMatchObject({ needsReview: true });
    const published = await as(editor).post(`${CM}/${guessed.documentId}/actions/publish`, {});
    expect(published.status).toBe(200);
    expect((await quotesOf(article))[1]).toMatchObject({ speaker: 'محمد أورنجزيب', needsReview: false });
  });

  test('the desk no longer lists it', async () => {
    const { review } = await desk(editor);
    expect(review.items.map((item) => item.documentId)).not.toContain(guessed.documentId);
  });
});

describe('who may set needsReview', () => {
  test('a content-API write clears it unless it sends needsReview: true', async () => {
    const article = await importDispatch('budget-health.txt', dispatch('الصحة'));
    const [, guessed] = await quotesOf(article);
    expect(guessed.needsReview).toBe(true);

    const asked = await as(token).put(`/api/quotes/${guessed.documentId}`, { data: { needsReview: true } });
    expect(asked.status).toBe(200);
    expect(asked.body.data.needsReview).toBe(true);

    const confirmed = await as(token).put(`/api/quotes/${guessed.documentId}`, { data: { context: 'في مؤتمر صحفي' } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.data.needsReview).toBe(false);

    const refused = await as(token).put(`/api/quotes/${guessed.documentId}`, { data: { needsReview: 'yes' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/needsReview/);
  });

  test('the importer keeps its flag when it runs inside an editor’s request', async () => {
    const adminRequest = { state: { auth: { strategy: { name: 'admin' }, credentials: {} } } };
    let article = '';
    await app.strapi.requestContext.run(adminRequest as never, async () => {
      article = await importDispatch('budget-defence.txt', dispatch('الدفاع'));
    });
    expect((await quotesOf(article)).map((quote) => quote.needsReview)).toEqual([false, true]);
  });

  test('code of the host outside any request keeps what it writes', async () => {
    const article = await importDispatch('budget-water.txt', dispatch('المياه'));
    const [, guessed] = await quotesOf(article);
    const updated = await app.strapi.documents(QUOTE).update({
      documentId: guessed.documentId,
      data: { context: 'في بيان' },
      status: 'published',
    } as never);
    expect((updated as unknown as QuoteItem).needsReview).toBe(true);
  });
});
