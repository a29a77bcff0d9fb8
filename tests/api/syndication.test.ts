// The five syndication endpoints over HTTP: every document validates, carries language,
// direction and credit, serves only published articles, and answers conditional requests.
import request from 'supertest';
import Parser from 'rss-parser';
import { apiToken, newsroomService, requiredCredits, startStrapi, type TestApp } from '../helpers/strapi';
import { executableParts } from '../../src/plugins/newsroom/tests/helpers/executable';
import { validateAtom, validateNinjs } from '../../src/plugins/newsroom/tests/helpers/feed-validators';
const readQueue = (strapi: TestApp['strapi']) => newsroomService(strapi, 'readQueue').queue();

const SEED_TITLE = 'بوتين: لدينا خطط للتعاون مع إيران عسكريا وفي مجالات أخرى';
const FEEDS = [
  ['rss', 'application/rss+xml; charset=utf-8'],
  ['atom', 'application/atom+xml; charset=utf-8'],
  ['json', 'application/feed+json; charset=utf-8'],
  ['ninjs', 'application/json; charset=utf-8'],
] as const;

let app: TestApp;
let token: string;
let credits: Array<{ role: string; source: string }>;

beforeAll(async () => {
  app = await startStrapi();
  token = await apiToken(app.strapi, 'full-access');
  credits = await requiredCredits(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string) => request(app.server).get(path).buffer(true).parse(textParser);
function textParser(response: any, callback: (error: Error | null, body: string) => void) {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => callback(null, text));
}

async function publish(data: Record<string, unknown>) {
  const response = await request(app.server)
    .post('/api/articles')
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { credits, ...data } });
  expect(response.status).toBe(201);
  return response.body.data;
}

describe('every feed serves the seeded article', () => {
  test.each(FEEDS)('%s has its media type, ETag, Last-Modified and cache headers', async (feed, type) => {
    const response = await get(`/api/syndication/${feed}`).expect(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(response.headers['last-modified']).getTime()).not.toBeNaN();
    expect(response.headers['cache-control']).toMatch(/public.*max-age=\d+/);
    expect(response.body).toContain(SEED_TITLE);
    expect(response.body).toMatch(/dir=(\\?"|&quot;)rtl(\\?"|&quot;) lang=(\\?"|&quot;)ar/);
    expect(response.body).toContain('Sputnik');
    expect(response.body).toContain('Pakistan Point News');
    expect(response.body).not.toMatch(/createdBy|updatedBy|password/);
  });

  test('RSS, read by rss-parser, carries language, items, credits and content', async () => {
    const response = await get('/api/syndication/rss').expect(200);
    const parser = new Parser({
      customFields: { item: [['dc:creator', 'creators', { keepArray: true }], 'dc:rights', 'source', 'dc:language'] },
    });
    const feed: any = await parser.parseString(response.body);
    expect(feed.language).toBe('ar');
    expect(feed.title).toBeTruthy();
    expect(feed.link).toMatch(/^http:\/\/127\.0\.0\.1/);
    const item = feed.items.find((entry: any) => entry.title === SEED_TITLE);
    expect(item).toBeDefined();
    expect(item.guid).toMatch(/^urn:newsroom:article:\w+$/);
    expect(item.link).toMatch(/\/api\/articles\/\w+$/);
    expect(new Date(item.pubDate).getTime()).not.toBeNaN();
    expect(item.contentSnippet ?? item.content).toMatch(/قال الرئيس الروسي/);
    expect(item['content:encoded']).toMatch(/^<div dir="rtl" lang="ar">/);
    expect(item['content:encoded']).toContain('<blockquote');
    expect(item['content:encoded']).toContain('فلاديمير بوتين');
    expect(item.creators.join(' ')).toMatch(/Sputnik.*originator/);
    expect(item.creators.join(' ')).toMatch(/Pakistan Point News.*distributor/);
    expect(item['dc:rights']).toMatch(/Sputnik/);
    expect(item.source).toBe('سبوتنيك');
  });

  test('Atom validates against the RFC 4287 RELAX NG grammar', async () => {
    const response = await get('/api/syndication/atom').expect(200);
    expect(await validateAtom(response.body)).toEqual([]);
    expect(response.body).toContain('xml:lang="ar"');
    expect(response.body).toMatch(/<author><name>Sputnik \(سبوتنيك\)<\/name>/);
    expect(response.body).toMatch(/<rights>/);
    // The agency's identifier in canonical form (the W3C Feed Validator warns otherwise).
    expect(response.body).toMatch(/<source><id>https:\/\/sputniknews.com\/<\/id><title>سبوتنيك<\/title>/);
  });

  test('JSON Feed 1.1 has its required fields, language, authors and the _newsroom credits', async () => {
    const response = await get('/api/syndication/json').expect(200);
    const feed = JSON.parse(response.body);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.language).toBe('ar');
    expect(Array.isArray(feed.items)).toBe(true);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
    }
    const item = feed.items.find((entry: any) => entry.title === SEED_TITLE);
    expect(item.language).toBe('ar');
    expect(item.authors.map((author: any) => author.name)).toEqual([
      'Sputnik (سبوتنيك)',
      'Pakistan Point News (پاکستان پوائنٹ نیوز)',
    ]);
    expect(item._newsroom).toMatchObject({
      dir: 'rtl',
      lang: 'ar',
      dateline: '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)',
    });
    expect(item._newsroom.credits.map((credit: any) => credit.role)).toEqual(['originator', 'distributor']);
    expect(item._newsroom.quotes).toHaveLength(6);
  });

  test('ninjs items validate against the IPTC ninjs 3.1 schema, list and single', async () => {
    const list = JSON.parse((await get('/api/syndication/ninjs').expect(200)).body);
    expect(Array.isArray(list)).toBe(true);
    for (const item of list) expect(validateNinjs(item)).toEqual([]);
    const seeded = list.find((item: any) => item.headlines[0].value === SEED_TITLE);
    expect(seeded).toMatchObject({
      language: 'ar',
      bodies: [{ contentType: 'text/html' }],
      copyrightHolder: 'Sputnik',
      located: '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)',
    });
    expect(seeded.by).toBe('Sputnik (سبوتنيك) / Pakistan Point News (پاکستان پوائنٹ نیوز)');
    expect(seeded.infoSources.map((source: any) => [source.literal, source.role])).toEqual([
      ['Sputnik', 'originator'],
      ['Pakistan Point News', 'distributor'],
    ]);
    expect(seeded.copyrightNotice).toMatch(/Sputnik/);
    expect(seeded.usageTerms).toBeTruthy();
    expect(seeded.versionCreated).toBeTruthy();
    const single = await get(`/api/syndication/ninjs/${seeded.slugline}`).expect(200);
    expect(single.headers['content-type']).toBe('application/json; charset=utf-8');
    const item = JSON.parse(single.body);
    expect(validateNinjs(item)).toEqual([]);
    expect(item.uri).toBe(seeded.uri);
    await get('/api/syndication/ninjs/no-such-article').expect(404);
  });
});

describe('what the feeds refuse and hide', () => {
  test.each(['0', '-1', '101', 'abc', '1.5', '', '1e2'])('?limit=%s is a 400 naming the limit', async (limit) => {
    const response = await request(app.server)
      .get(`/api/syndication/rss?limit=${encodeURIComponent(limit)}`)
      .expect(400);
    expect(response.body.error.message).toMatch(/limit/);
  });

  test('?limit given twice is a 400; limit=1 gives one item', async () => {
    await request(app.server).get('/api/syndication/json?limit=1&limit=2').expect(400);
    const feed = JSON.parse((await get('/api/syndication/json?limit=1').expect(200)).body);
    expect(feed.items).toHaveLength(1);
  });

  test('a draft appears in no feed, and a hostile body is served clean and well-formed', async () => {
    const draft = await request(app.server)
      .post('/api/articles?status=draft')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'مسودة سرية لا تنشر', credits } })
      .expect(201);
    const hostile = await publish({
      title: 'عنوان & <b>غريب</b> ]]> \u0001 نهاية',
      body: '<p>نص & <script>alert(1)</script><img src=x onerror=alert(1)> ]]> <a href="javascript:alert(1)">رابط</a></p>',
    });
    for (const [feed] of FEEDS) {
      const text = (await get(`/api/syndication/${feed}?limit=100`).expect(200)).body;
      expect(text).not.toContain('مسودة سرية');
      expect(text).not.toContain(draft.body.data.documentId);
      expect(text).toContain(hostile.documentId);
    }
    const atom = (await get('/api/syndication/atom?limit=100').expect(200)).body;
    expect(await validateAtom(atom)).toEqual([]);
    const json = JSON.parse((await get('/api/syndication/json?limit=100').expect(200)).body);
    const item = json.items.find((entry: any) => entry.id.endsWith(hostile.documentId));
    expect(executableParts(item.content_html)).toEqual([]);
    expect(item.title).toBe('عنوان & <b>غريب</b> ]]> نهاية');
    const rss = await new Parser().parseString((await get('/api/syndication/rss?limit=100').expect(200)).body);
    // RSS readers render the title as HTML: the text is escaped for HTML inside the XML.
    expect(rss.items.some((entry) => entry.title === 'عنوان &amp; &lt;b&gt;غريب&lt;/b&gt; ]]&gt; نهاية')).toBe(true);
  });
});

describe('conditional requests and cache validators', () => {
  test.each(FEEDS)('%s answers If-None-Match and If-Modified-Since with 304 and no body', async (feed) => {
    const first = await get(`/api/syndication/${feed}`).expect(200);
    const byTag = await request(app.server)
      .get(`/api/syndication/${feed}`)
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(byTag.text ?? '').toBe('');
    await request(app.server)
      .get(`/api/syndication/${feed}`)
      .set('If-Modified-Since', first.headers['last-modified'])
      .expect(304);
    await request(app.server).get(`/api/syndication/${feed}`).set('If-None-Match', '"stale"').expect(200);
  });

  test('publishing, editing and unpublishing change the ETag at once', async () => {
    const etag = async () => (await get('/api/syndication/rss').expect(200)).headers.etag;
    const before = await etag();
    const article = await publish({ title: 'خبر جديد للتحقق من الوسم' });
    const published = await etag();
    expect(published).not.toBe(before);
    await request(app.server)
      .put(`/api/articles/${article.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'خبر جديد بعد التعديل' } })
      .expect(200);
    const edited = await etag();
    expect(edited).not.toBe(published);
    await app.strapi.documents('plugin::newsroom.article').unpublish({ documentId: article.documentId } as never);
    const unpublished = await etag();
    expect(unpublished).not.toBe(edited);
    expect((await get('/api/syndication/rss?limit=100')).body).not.toContain('خبر جديد بعد التعديل');
  });

  test('a feed runs the same number of queries for 2 items as for 20', async () => {
    for (let i = 0; i < 3; i += 1) await publish({ title: `خبر للعد ${i}`, body: '<p>نص</p>' });
    const connection = app.strapi.db.connection as any;
    const count = async (limit: number) => {
      let queries = 0;
      const listener = (query: { sql: string }) => {
        queries += 1;
        if (process.env.SHOW_QUERIES) process.stdout.write(`${limit}: ${query.sql.slice(0, 140)}\n`);
      };
      connection.on('query', listener);
      await get(`/api/syndication/ninjs?limit=${limit}`).expect(200);
      connection.off('query', listener);
      return queries;
    };
    // Strapi emits the publish events after commit; let their queries pass before counting.
    await get('/api/syndication/ninjs?limit=1').expect(200);
    const small = await count(2);
    expect(await count(20)).toBe(small);
  });
});

describe('the fair read queue', () => {
  const KEY = 'plugin::newsroom.readQueue';
  let saved: unknown;
  beforeEach(() => {
    saved = app.strapi.config.get(KEY);
  });
  afterEach(() => {
    app.strapi.config.set(KEY, saved);
  });

  // Takes every slot of the queue until the returned function is called.
  function holdEverySlot() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holding = readQueue(app.strapi).run(() => released);
    return async () => {
      release();
      await holding;
    };
  }

  async function until(condition: () => boolean) {
    while (!condition()) await new Promise((resolve) => setImmediate(resolve));
  }

  test('a full queue answers 503 with Retry-After and no validators; a revalidation still gets its 304', async () => {
    const { etag } = (await get('/api/syndication/rss').expect(200)).headers;
    app.strapi.config.set(KEY, { concurrency: 1, maxWaiting: 0 });
    const release = holdEverySlot();
    try {
      // A miss (a request the response cache has not seen) waits in the queue; a hit never does.
      const refused = await get('/api/syndication/rss?limit=19');
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.headers['cache-control']).toBe('no-store');
      expect(refused.headers.etag).toBeUndefined();
      expect(refused.headers['last-modified']).toBeUndefined();
      expect(JSON.parse(refused.body).error).toMatchObject({ status: 503, name: 'ServiceUnavailableError' });
      expect((await request(app.server).get('/api/articles?pagination[page]=7')).status).toBe(503);
      expect((await request(app.server).get('/api/sources?pagination[page]=7')).status).toBe(503);
      await request(app.server).get('/api/syndication/rss').set('If-None-Match', etag).expect(304);
      // Writes and the admin do not queue.
      await publish({ title: 'خبر يكتب والطابور ممتلئ' });
    } finally {
      await release();
    }
    await get('/api/syndication/rss').expect(200);
  });

  test('a read that finds every slot taken waits its turn, then is served', async () => {
    app.strapi.config.set(KEY, { concurrency: 1, maxWaiting: 5 });
    const release = holdEverySlot();
    const list = request(app.server)
      .get('/api/articles')
      .then((response) => response);
    const feed = get('/api/syndication/atom').then((response) => response);
    await until(() => readQueue(app.strapi).stats.waiting === 2);
    await release();
    expect((await list).status).toBe(200);
    expect((await feed).status).toBe(200);
    expect(readQueue(app.strapi).stats).toEqual({ running: 0, waiting: 0 });
  });
});
