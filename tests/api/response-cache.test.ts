// The response cache over HTTP (issue 14): anonymous reads are served from memory
// while the content is unchanged, a write makes the very next read fresh, credentials bypass it,
// compression is negotiated, and conditional requests are answered per RFC 9110.
import v8 from 'v8';
import vm from 'vm';
import request from 'supertest';
import {
  adminToken,
  apiToken,
  newsroomService,
  requiredCredits,
  startStrapi,
  testDatabaseClient,
  type TestApp,
} from '../helpers/strapi';

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

const LIST = '/api/articles?populate[credits][populate][source]=true';
const FEEDS = ['/api/syndication/rss', '/api/syndication/atom', '/api/syndication/json', '/api/syndication/ninjs'];
const anonymous = (path: string) => request(app.server).get(path);
const withToken = (path: string) => request(app.server).get(path).set('Authorization', `Bearer ${token}`);
/** A fully credited article created through REST with the full-access token. */
const createArticle = (title: string, status: 'published' | 'draft' = 'published', body = '<p>نص.</p>') =>
  request(app.server)
    .post(`/api/articles?status=${status}`)
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title, body, credits } })
    .expect(201);

test('a second anonymous read is a hit with the same bytes and validators', async () => {
  const first = await anonymous(LIST).set('Accept-Encoding', 'identity').expect(200);
  const second = await anonymous(LIST).set('Accept-Encoding', 'identity').expect(200);
  expect(first.headers['x-cache']).toBe('MISS');
  expect(second.headers['x-cache']).toBe('HIT');
  expect(second.text).toBe(first.text);
  expect(second.headers.etag).toBe(first.headers.etag);
  expect(second.headers.etag).toMatch(/^"[\w-]{22}"$/);
});

test('top-level parameter order does not make another entry', async () => {
  await anonymous('/api/articles?pagination[pageSize]=5&sort=title').expect(200);
  const swapped = await anonymous('/api/articles?sort=title&pagination[pageSize]=5').expect(200);
  expect(swapped.headers['x-cache']).toBe('HIT');
});

test('a REST write makes the very next read of the list and of every feed fresh', async () => {
  for (const path of [LIST, ...FEEDS]) await anonymous(path).expect(200);
  const title = `خبر جديد للتخزين ${Date.now()}`;
  await createArticle(title);
  for (const path of [LIST, ...FEEDS]) {
    const next = await anonymous(path).expect(200);
    expect(next.headers['x-cache']).toBe('MISS');
    expect(next.text).toContain(title);
  }
});

test('a request with a token is never served from the cache nor stored', async () => {
  await anonymous(LIST).expect(200);
  const viaToken = await withToken(LIST).expect(200);
  expect(viaToken.headers['x-cache']).toBeUndefined();
  const draft = await withToken('/api/articles?status=draft').expect(200);
  expect(draft.headers['x-cache']).toBeUndefined();
  const anonymousDraft = await anonymous('/api/articles?status=draft').expect(200);
  expect(anonymousDraft.body.data.every((article: { publishedAt: string | null }) => article.publishedAt)).toBe(true);
});

test('gzip and br by Accept-Encoding, with Vary; identity without it', async () => {
  // The miss itself answers in the coding asked for: compression is done before it answers.
  const atom = '/api/syndication/atom?limit=7';
  const br = await anonymous(atom).set('Accept-Encoding', 'gzip;q=0.5, br').expect(200);
  expect(br.headers['x-cache']).toBe('MISS');
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers.vary).toMatch(/Accept-Encoding/);
  const gzip = await anonymous(atom).set('Accept-Encoding', 'gzip');
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gzip.headers.etag).not.toBe(br.headers.etag);
  const plain = await anonymous(atom).set('Accept-Encoding', 'identity');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.text).toBe(gzip.text);
});

test('If-None-Match with one tag, a list or *, also under Cache-Control: no-cache, gets a 304', async () => {
  const first = await anonymous('/api/syndication/rss').set('Accept-Encoding', 'identity').expect(200);
  const tag = first.headers.etag;
  for (const ifNoneMatch of [tag, `"other", ${tag}`, '*', `W/${tag}`]) {
    await anonymous('/api/syndication/rss')
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', ifNoneMatch)
      .set('Cache-Control', 'no-cache')
      .expect(304);
  }
  await anonymous('/api/syndication/rss')
    .set('Accept-Encoding', 'identity')
    .set('If-None-Match', '"other"')
    .expect(200);
});

async function operatorStats(): Promise<Record<string, number>> {
  const admin = await adminToken(app.strapi, app.server);
  const stats = await request(app.server)
    .get('/newsroom/response-cache')
    .set('Authorization', `Bearer ${admin}`)
    .expect(200);
  return stats.body.data;
}

test('concurrent misses of one key render once and get the same bytes', async () => {
  const path = '/api/articles?pagination[pageSize]=3&populate[quotes]=true';
  // The render is held at the Document Service until all eight requests have missed.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding = true;
  app.strapi.documents.use(async (context, next) => {
    if (holding && context.uid === 'plugin::newsroom.article' && context.action === 'findMany') await held;
    return next();
  });
  const before = await operatorStats();
  const answering = Promise.all(Array.from({ length: 8 }, () => anonymous(path).expect(200)));
  for (let tries = 0; tries < 200 && (await operatorStats()).misses - before.misses < 8; tries += 1)
    await new Promise((resolve) => setImmediate(resolve));
  holding = false;
  release();
  const answers = await answering;
  const after = await operatorStats();
  expect(after.misses - before.misses).toBe(8);
  expect(after.renders - before.renders).toBe(1);
  expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
  expect(new Set(answers.map((answer) => answer.headers.etag)).size).toBe(1);
});

test('errors and 404s are never stored; HEAD is served from the entry GET made', async () => {
  for (const path of ['/api/articles?pagination[pageSize]=-1', '/api/articles/no-such-document']) {
    const first = await anonymous(path);
    expect(first.status).toBeGreaterThanOrEqual(400);
    const second = await anonymous(path);
    expect(second.status).toBe(first.status);
    expect(second.headers['x-cache']).not.toBe('HIT');
  }
  const got = await anonymous('/api/sources?sort=slug').set('Accept-Encoding', 'identity').expect(200);
  const head = await request(app.server).head('/api/sources?sort=slug').set('Accept-Encoding', 'identity').expect(200);
  expect(head.headers['x-cache']).toBe('HIT');
  expect(head.headers.etag).toBe(got.headers.etag);
  expect(head.text ?? '').toBe('');
});

test('a draft never reaches an anonymous reader, before or after the cache is warm', async () => {
  await anonymous(LIST).expect(200);
  const title = `مسودة لا تنشر ${Date.now()}`;
  await createArticle(title, 'draft', '<p>مسودة.</p>');
  for (const path of [LIST, '/api/articles?status=draft', ...FEEDS]) {
    const answer = await anonymous(path).expect(200);
    expect(answer.text).not.toContain(title);
  }
  const viaToken = await withToken('/api/articles?status=draft').expect(200);
  expect(viaToken.text).toContain(title);
});

test('an operator sees hits, misses and bytes; readers do not', async () => {
  const admin = await adminToken(app.strapi, app.server);
  const stats = await request(app.server)
    .get('/newsroom/response-cache')
    .set('Authorization', `Bearer ${admin}`)
    .expect(200);
  expect(stats.body.data).toMatchObject({ enabled: true, maxBytes: 64 * 1024 * 1024 });
  expect(stats.body.data.hits).toBeGreaterThan(0);
  expect(stats.body.data.misses).toBeGreaterThan(0);
  expect(stats.body.data.bytes).toBeGreaterThan(0);
  expect(stats.body.data.bytes).toBeLessThanOrEqual(stats.body.data.maxBytes);
  await request(app.server).get('/newsroom/response-cache').expect(401);
  await request(app.server).get('/newsroom/response-cache').set('Authorization', `Bearer ${token}`).expect(401);
});

describe('after each kind of write, the very next public read shows it', () => {
  const CM = '/content-manager/collection-types/plugin::newsroom.article';
  let admin: string;
  let documentId: string;
  let slug: string;
  const READS = () => [LIST, `/api/articles/${documentId}`, ...FEEDS, `/api/syndication/ninjs/${slug}`];

  /** Warm every read, write, then expect each read to be a miss that satisfies `shows`. */
  async function expectFresh(
    write: () => Promise<unknown>,
    shows: (path: string, text: string, status: number) => void,
  ) {
    for (const path of READS()) await anonymous(path);
    const before = READS();
    await write();
    for (const path of before) {
      const next = await anonymous(path).set('Accept-Encoding', 'identity');
      if (next.status === 200) expect(next.headers['x-cache']).toBe('MISS');
      shows(path, next.text, next.status);
    }
  }

  beforeAll(async () => {
    admin = await adminToken(app.strapi, app.server);
    const created = await createArticle('خبر الطزاجة الأول', 'published', '<p>نص أول.</p>');
    ({ documentId, slug } = created.body.data);
  });

  test('a REST update', async () => {
    await expectFresh(
      () =>
        request(app.server)
          .put(`/api/articles/${documentId}?status=published`)
          .set('Authorization', `Bearer ${token}`)
          .send({ data: { title: 'خبر الطزاجة بعد تعديل عبر الواجهة' } })
          .expect(200),
      (path, text) => expect(text).toContain('خبر الطزاجة بعد تعديل عبر الواجهة'),
    );
  });

  test("the admin's update and publish", async () => {
    await expectFresh(
      async () => {
        await request(app.server)
          .put(`${CM}/${documentId}`)
          .set('Authorization', `Bearer ${admin}`)
          .send({ title: 'خبر الطزاجة بعد تعديل المحرر' })
          .expect(200);
        await request(app.server)
          .post(`${CM}/${documentId}/actions/publish`)
          .set('Authorization', `Bearer ${admin}`)
          .send({})
          .expect(200);
      },
      (path, text) => expect(text).toContain('خبر الطزاجة بعد تعديل المحرر'),
    );
  });

  test('a Source rename shown in the credits', async () => {
    const sputnik = credits.find((credit) => credit.role === 'originator')?.source as string;
    await expectFresh(
      () =>
        request(app.server)
          .put(`/api/sources/${sputnik}`)
          .set('Authorization', `Bearer ${token}`)
          .send({ data: { nameLatin: 'Sputnik Arabic' } })
          .expect(200),
      (path, text) => {
        if (path === LIST || path.includes('syndication')) expect(text).toContain('Sputnik Arabic');
      },
    );
  });

  test('an import', async () => {
    const path = await import('path');
    await expectFresh(
      () =>
        app.strapi
          .plugin('newsroom')
          .service('importer')
          .importFiles(
            [
              path.resolve(
                __dirname,
                '../../src/plugins/newsroom/tests/fixtures/dispatches/04-paren-single-agency-levantine.txt',
              ),
            ],
            {
              status: 'published',
            },
          ),
      (read, text) => {
        if (read === LIST || read === '/api/syndication/json') expect(text).not.toBe('');
      },
    );
    const listed = await anonymous('/api/articles?pagination[pageSize]=100').expect(200);
    expect(listed.headers['x-cache']).toBe('MISS');
  });

  test('an unpublish, then a delete', async () => {
    await expectFresh(
      () =>
        request(app.server)
          .post(`${CM}/${documentId}/actions/unpublish`)
          .set('Authorization', `Bearer ${admin}`)
          .send({})
          .expect(200),
      (path, text, status) => {
        if (path.endsWith(documentId) || path.endsWith(slug)) expect(status).toBe(404);
        else expect(text).not.toContain('خبر الطزاجة بعد تعديل المحرر');
      },
    );
    await request(app.server).delete(`/api/articles/${documentId}`).set('Authorization', `Bearer ${token}`).expect(204);
    const after = await anonymous(LIST).expect(200);
    expect(after.text).not.toContain(documentId);
  });
});

describe('two instances on one PostgreSQL database', () => {
  const onPostgres = testDatabaseClient() === 'postgres';
  if (!onPostgres) test.todo('runs on PostgreSQL only (TEST_DATABASE=postgres): SQLite is single-instance by design');
  (onPostgres ? test : test.skip)('a write on one instance makes the next read on the other fresh', async () => {
    const { startServer, killServer } = await import('../hostile/faults');
    const other = await startServer({ ...process.env });
    try {
      const viaOther = (path: string) => fetch(`${other.base}${path}`, { headers: { 'Accept-Encoding': 'identity' } });
      for (const path of [LIST, ...FEEDS]) await viaOther(path);
      const warm = await viaOther(LIST);
      expect(warm.headers.get('x-cache')).toBe('HIT');
      const title = `خبر كتب على نسخة وقرئ على أخرى ${Date.now()}`;
      await createArticle(title);
      for (const path of [LIST, ...FEEDS]) {
        const next = await viaOther(path);
        expect(next.headers.get('x-cache')).toBe('MISS');
        expect(await next.text()).toContain(title);
      }
      // And the other way round: written on the other instance, read here.
      await anonymous(LIST).expect(200);
      const back = `خبر كتب على الأخرى ${Date.now()}`;
      const created = await fetch(`${other.base}/api/articles?status=published`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: { title: back, body: '<p>نص.</p>', credits } }),
      });
      expect(created.status).toBe(201);
      const here = await anonymous(LIST).set('Accept-Encoding', 'identity').expect(200);
      expect(here.headers['x-cache']).toBe('MISS');
      expect(here.text).toContain(back);
    } finally {
      await killServer(other, 'SIGTERM');
    }
  });
});

// The collector, to measure what is kept rather than garbage not yet collected.
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
const retained = (gc: () => void) => {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

test('100,000 distinct query strings keep the cache, and the memory it retains, within the bound', async () => {
  const maxBytes = 4 * 1024 * 1024;
  app.strapi.config.set('plugin::newsroom.responseCache', { maxBytes });
  try {
    const factory = app.strapi.plugin('newsroom').middleware('response-cache') as (
      config: unknown,
      context: { strapi: unknown },
    ) => (ctx: unknown, next: () => Promise<void>) => Promise<void>;
    const handle = factory({}, { strapi: app.strapi });
    const body = { data: [{ title: 'عنوان'.repeat(50) }] }; // about 550 bytes, under the compression threshold
    const headers: Record<string, string> = {};
    const context = (query: Record<string, string>) => {
      const ctx = {
        method: 'GET',
        path: '/api/sources',
        url: `/api/sources?${new URLSearchParams(query)}`,
        query,
        status: 404,
        body: undefined as unknown,
        type: '',
        headers: {},
        state: {},
        get: () => '',
        set: (name: string, value: string) => (headers[name] = value),
        remove: () => undefined,
        vary: () => undefined,
        response: { get: (name: string) => (name === 'Content-Type' ? 'application/json; charset=utf-8' : '') },
      };
      return ctx;
    };
    // The running instance's cache (its service), looked up before the first measure.
    const responseCache = newsroomService(app.strapi, 'responseCache');
    const gc = collector();
    const before = retained(gc);
    // Measured after each of the last five 10,000 (the cache is full from the first 4,000 on); the
    // median, so one collection that left something behind does not decide.
    const samples: number[] = [];
    for (let index = 1; index <= 100_000; index += 1) {
      if (index > 50_000 && index % 10_000 === 0) samples.push(retained(gc) - before);
      const ctx = context({ bust: String(index) });
      await handle(ctx, async () => {
        ctx.status = 200;
        ctx.body = body;
      });
      expect(ctx.status).toBe(200);
    }
    const median = samples.sort((a, b) => a - b)[2];
    const lru = responseCache.cache(maxBytes).lru.stats();
    expect(lru.bytes).toBeLessThanOrEqual(maxBytes);
    expect(lru.evictions).toBeGreaterThan(90_000);
    // What the process retains while 100,000 entries pass through is the cache's bound plus a
    // little (the 1,024 remembered request lines, compiled code); an unbounded cache retains about
    // 150 MB by the end (measured by setting maxBytes to 1 GiB here).
    expect(median).toBeLessThan(maxBytes + 24 * 1024 * 1024);
    // The instance still answers.
    await request(app.server).get('/api/sources').expect(200);
  } finally {
    app.strapi.config.set('plugin::newsroom.responseCache', { maxBytes: 64 * 1024 * 1024 });
  }
}, 120_000);
