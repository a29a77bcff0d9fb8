// Every rule on every write path: REST with an API token, the admin Content Manager with an admin
// token, the Document Service, and publish. A refusal always leaves the row counts unchanged.
import request from 'supertest';
import { adminToken, apiToken, requiredCredits, rowCounts, startStrapi, type TestApp } from '../helpers/strapi';
import { executableParts } from '../../src/plugins/newsroom/tests/helpers/executable';

type Path = 'rest' | 'admin' | 'documents';
type Kind = 'article' | 'quote';
interface Outcome {
  refused: boolean;
  status: number;
  message: string;
  field?: string;
  doc?: Record<string, any>;
}

const PATHS: Path[] = ['rest', 'admin', 'documents'];
let app: TestApp;
let token: string;
let admin: string;
let credits: Array<{ role: string; source: string }>;

beforeAll(async () => {
  app = await startStrapi();
  token = await apiToken(app.strapi, 'full-access');
  admin = await adminToken(app.strapi, app.server);
  credits = await requiredCredits(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const adminCredits = (list: Array<{ role: string; source: string }>) =>
  list.map((credit) => ({ role: credit.role, source: { connect: [{ documentId: credit.source }] } }));

/** One write through one path; published unless `draft`. Reads back what was stored. */
async function write(
  path: Path,
  kind: Kind,
  data: Record<string, any>,
  { draft = false, beforePublish = async () => undefined as unknown } = {},
): Promise<Outcome> {
  const uid = `plugin::newsroom.${kind}` as const;
  if (path === 'documents') {
    try {
      const doc = await app.strapi.documents(uid).create({ data, ...(draft ? {} : { status: 'published' }) } as never);
      return { refused: false, status: 201, message: '', doc };
    } catch (error: any) {
      return {
        refused: true,
        status: error.name === 'PayloadTooLargeError' ? 413 : 400,
        message: error.message,
        field: error.details?.field,
      };
    }
  }
  let response: request.Response;
  if (path === 'rest') {
    response = await request(app.server)
      .post(`/api/${kind}s${draft ? '?status=draft' : ''}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data });
  } else {
    const cm = `/content-manager/collection-types/${uid}`;
    const body = kind === 'article' && data.credits ? { ...data, credits: adminCredits(data.credits) } : data;
    response = await request(app.server).post(cm).set('Authorization', `Bearer ${admin}`).send(body);
    if (response.status < 300 && !draft) {
      // The editor saved a draft; the publish click is the write under test.
      await beforePublish();
      response = await request(app.server)
        .post(`${cm}/${response.body.data.documentId}/actions/publish`)
        .set('Authorization', `Bearer ${admin}`)
        .send({});
    }
  }
  if (response.status >= 300) {
    return {
      refused: true,
      status: response.status,
      message: response.body.error?.message ?? '',
      field: response.body.error?.details?.field,
    };
  }
  const stored = await app.strapi.documents(uid).findOne({ documentId: response.body.data.documentId } as never);
  return { refused: false, status: response.status, message: '', doc: stored as Record<string, any> };
}

async function refused(path: Path, kind: Kind, data: Record<string, any>, field: string) {
  let before = await rowCounts(app.strapi);
  const outcome = await write(path, kind, data, { beforePublish: async () => (before = await rowCounts(app.strapi)) });
  expect(outcome).toMatchObject({ refused: true, field });
  expect(outcome.message).toContain(field);
  expect(outcome.message).toMatch(/[\u0600-\u06FF]/);
  expect(await rowCounts(app.strapi)).toEqual(before);
  return outcome;
}

async function accepted(path: Path, kind: Kind, data: Record<string, any>, options = {}) {
  const outcome = await write(path, kind, data, options);
  expect(outcome.refused).toBe(false);
  return outcome.doc as Record<string, any>;
}

describe.each(PATHS)('through %s', (path) => {
  const publishRefused = path === 'admin' ? 'publish action' : 'published create';

  test('direction and language are derived, and a contradiction is refused', async () => {
    const doc = await accepted(path, 'article', { title: `عنوان ${path}`, body: '<p>نص</p>', credits });
    expect(doc).toMatchObject({ lang: 'ar', dir: 'rtl' });
    await refused(path, 'article', { title: `عنوان ${path}`, dir: 'ltr', credits }, 'dir');
    await refused(path, 'article', { title: `عنوان ${path}`, lang: 'en', credits }, 'lang');
  });

  test('bidi controls never survive in titles, speakers and names', async () => {
    const article = await accepted(path, 'article', { title: `أ\u202Eب\u2066ج ${path}`, credits });
    expect(article.title).toBe(`أبج ${path}`);
    expect(article.slug).toMatch(/^[a-z0-9-]+$/);
    const quote = await accepted(path, 'quote', { text: 'قول', speaker: 'بو\u202Bتين' });
    expect(quote.speaker).toBe('بوتين');
  });

  test(`attribution: a ${publishRefused} without Sputnik is refused; a draft may be incomplete`, async () => {
    const outcome = await refused(path, 'article', { title: `بلا سبوتنيك ${path}`, credits: [credits[0]] }, 'credits');
    expect(outcome.message).toContain('Sputnik');
    await accepted(path, 'article', { title: `مسودة ${path}` }, { draft: true });
  });

  test('the dateline is generated, whatever is sent', async () => {
    const doc = await accepted(path, 'article', {
      title: `تاريخ ${path}`,
      dispatchDate: '2021-06-14',
      dateline: 'forged',
      credits,
    });
    expect(doc.dateline).toBe('(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)');
  });

  test('hostile body HTML is sanitized, with direction on each paragraph', async () => {
    const doc = await accepted(path, 'article', {
      title: `نص خطر ${path}`,
      body: '<p onclick="x()">نص <a href=" javascript:alert(1)">رابط</a></p><script>alert(1)</script><svg onload=alert(1)>',
      credits,
    });
    expect(executableParts(doc.body)).toEqual([]);
    expect(doc.body).toBe('<p dir="rtl" lang="ar">نص <a>رابط</a></p>');
  });

  test('a body over the limit is refused', async () => {
    const outcome = await refused(
      path,
      'article',
      { title: 'طويل', body: `<p>${'ب'.repeat(600 * 1024)}</p>`, credits },
      'body',
    );
    expect(outcome.status).toBe(413);
  });

  test('a quote needs a speaker', async () => {
    await refused(path, 'quote', { text: 'قول بلا قائل', speaker: ' ' }, 'speaker');
  });
});

describe('publish() of the Document Service', () => {
  test('refuses an incomplete draft and publishes a complete one', async () => {
    const documents = app.strapi.documents('plugin::newsroom.article');
    const draft = await documents.create({ data: { title: 'مسودة للنشر', credits: [credits[1]] } } as never);
    const before = await rowCounts(app.strapi);
    await expect(documents.publish({ documentId: draft.documentId } as never)).rejects.toMatchObject({
      name: 'ValidationError',
      details: { field: 'credits' },
    });
    expect(await rowCounts(app.strapi)).toEqual(before);
    await documents.update({ documentId: draft.documentId, data: { credits } } as never);
    await documents.publish({ documentId: draft.documentId } as never);
    const published = await documents.findOne({ documentId: draft.documentId, status: 'published' } as never);
    expect(published?.dateline).toBe('(پاکستان پوائنٹ نیوز / سبوتنيك)');
  });
});
