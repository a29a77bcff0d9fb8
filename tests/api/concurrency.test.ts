// Concurrent writers through real HTTP lose nothing and duplicate nothing, on SQLite and on
// PostgreSQL (TEST_DATABASE=postgres); two instances booting together on one empty PostgreSQL
// database seed it once.
import { spawn } from 'child_process';
import type { AddressInfo } from 'net';
import path from 'path';
import request from 'supertest';
import { formatDateline } from '../../src/plugins/newsroom/core/dateline';
import {
  apiToken,
  createPostgresDatabase,
  rowCounts,
  startStrapi,
  testDatabaseClient,
  testEnvironment,
  type TestApp,
} from '../helpers/strapi';

const ARTICLE = 'plugin::newsroom.article';
const TITLE = 'بوتين: لدينا خطط للتعاون مع إيران عسكريا وفي مجالات أخرى';
const BODY = '<p>قال الرئيس الروسي إن لدى بلاده خططا للتعاون مع إيران.</p>';
const ROOT = path.resolve(__dirname, '..', '..');
const onPostgres = testDatabaseClient() === 'postgres';

let app: TestApp;
let baseUrl: string;
let token: string;
const sourceIds: Record<string, string> = {};

beforeAll(async () => {
  app = await startStrapi();
  // startStrapi() listens on one socket for every request, so 50 of them really are in flight together.
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  token = await apiToken(app.strapi, 'full-access');
  const sources = await app.strapi.documents('plugin::newsroom.source').findMany({ fields: ['slug'] });
  for (const source of sources as any[]) sourceIds[source.slug] = source.documentId;
});
afterAll(async () => {
  await app?.stop();
});

const api = () => request(baseUrl);
const auth = () => ({ Authorization: `Bearer ${token}` });

type Credit = { role: string; source: string };
const requiredCredits = (): Credit[] => [
  { role: 'originator', source: sourceIds.sputnik },
  { role: 'distributor', source: sourceIds['pakistan-point-news'] },
];
const POPULATE =
  'populate[credits][populate][source][fields][0]=slug&populate[credits][populate][source][fields][1]=name';

describe(`concurrent writes on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  test('50 creates of articles with the same Arabic title: 50 published articles, 50 distinct slugs, no 5xx', async () => {
    const before = await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        api()
          .post('/api/articles')
          .set(auth())
          .send({ data: { title: TITLE, body: BODY, credits: requiredCredits() } }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    const created = responses.map((response) => response.body.data);
    expect(new Set(created.map((article) => article.documentId)).size).toBe(50);
    expect(created.every((article) => typeof article.publishedAt === 'string')).toBe(true);

    const slugs = created.map((article) => article.slug as string);
    expect(new Set(slugs).size).toBe(50);
    expect(slugs.every((slug) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))).toBe(true);

    // What the database holds agrees with what the responses said.
    const published = await app.strapi.db.query(ARTICLE).findMany({
      select: ['slug', 'documentId'],
      where: { publishedAt: { $notNull: true } },
    });
    expect(published).toHaveLength(before + 50);
    expect(new Set(published.map((row: { slug: string }) => row.slug)).size).toBe(published.length);
    const drafts = await app.strapi.db.query(ARTICLE).findMany({
      select: ['slug', 'documentId'],
      where: { publishedAt: { $null: true }, documentId: { $in: created.map((article) => article.documentId) } },
    });
    // The draft and the published version of one document share its slug; documents never do.
    expect(drafts).toHaveLength(50);
    const slugOf = new Map(created.map((article) => [article.documentId, article.slug]));
    expect(drafts.every((row: { slug: string; documentId: string }) => slugOf.get(row.documentId) === row.slug)).toBe(
      true,
    );
  });

  test('20 updates of one article’s credits: none half-applied, required credits never lost, dateline consistent', async () => {
    const { body } = await api()
      .post('/api/articles')
      .set(auth())
      .send({
        data: {
          title: 'مقال تتسابق عليه التعديلات',
          body: BODY,
          dispatchDate: '2021-06-14',
          credits: requiredCredits(),
        },
      })
      .expect(201);
    const documentId: string = body.data.documentId;
    const extras: Credit[][] = [
      [],
      [{ role: 'contributor', source: sourceIds.nbc }],
      [{ role: 'distributor', source: sourceIds.nbc }],
      [{ role: 'originator', source: sourceIds['russian-ministry-of-defence'] }],
      [
        { role: 'contributor', source: sourceIds['russian-ministry-of-defence'] },
        { role: 'distributor', source: sourceIds.nbc },
      ],
    ];
    // Each update is recognisable by its date: whichever wins, its credits must come whole.
    const updates = Array.from({ length: 20 }, (_, index) => {
      const credits =
        index % 2 ? [...requiredCredits(), ...extras[index % 5]] : [...extras[index % 5], ...requiredCredits()];
      return { dispatchDate: `2021-07-${String(index + 1).padStart(2, '0')}`, credits };
    });

    const readsDuringUpdates: string[][][] = [];
    let updating = true;
    const reader = (async () => {
      while (updating) {
        const read = await api().get(`/api/articles/${documentId}?${POPULATE}`).set(auth());
        if (read.status === 200) {
          readsDuringUpdates.push(read.body.data.credits.map((credit: any) => [credit.role, credit.source?.slug]));
        }
      }
    })();
    const responses = await Promise.all(
      updates.map((data) => api().put(`/api/articles/${documentId}?${POPULATE}`).set(auth()).send({ data })),
    );
    updating = false;
    await reader;

    expect(responses.map((response) => response.status).filter((status) => status !== 200)).toEqual([]);
    for (const [index, response] of responses.entries()) {
      // Each answer is the update it acknowledges, whole, with its own dateline.
      const answered = response.body.data;
      expect(answered.dispatchDate).toBe(updates[index].dispatchDate);
      expect(answered.credits.map((credit: any) => credit.source.documentId)).toEqual(
        updates[index].credits.map((credit) => credit.source),
      );
      expect(answered.dateline).toBe(formatDateline(answered.credits, answered.dispatchDate));
    }
    for (const status of ['draft', 'published'] as const) {
      const stored = await app.strapi.documents(ARTICLE).findOne({
        documentId,
        status,
        populate: { credits: { populate: { source: true } } },
      } as never);
      const winner = updates.find((update) => update.dispatchDate === (stored as any).dispatchDate);
      expect(winner).toBeDefined();
      const credits = (stored as any).credits as { role: string; source: { documentId: string; name: string } }[];
      expect(credits.map((credit) => ({ role: credit.role, source: credit.source.documentId }))).toEqual(
        winner!.credits,
      );
      expect((stored as any).dateline).toBe(formatDateline(credits, (stored as any).dispatchDate));
    }
    // Readers during the updates saw the required credits every time.
    const slugsRead = readsDuringUpdates.map((credits) => credits.map(([, slug]) => slug));
    expect(slugsRead.filter((slugs) => !slugs.includes('sputnik') || !slugs.includes('pakistan-point-news'))).toEqual(
      [],
    );
    expect(slugsRead.length).toBeGreaterThan(0);

    // No orphaned credit rows left behind by an overwritten update.
    const counts = await rowCounts(app.strapi);
    const rows = await app.strapi.db.query(ARTICLE).findMany({ populate: { credits: true } });
    const creditsHeld = rows.reduce((sum: number, row: any) => sum + (row.credits?.length ?? 0), 0);
    expect(counts['newsroom.credit']).toBe(creditsHeld);
  });
});

describe('two instances booting together on one empty database', () => {
  const bootBoth = onPostgres ? test : test.skip;
  if (!onPostgres) {
    test.todo('runs on PostgreSQL only (TEST_DATABASE=postgres): SQLite is single-instance by design');
  }

  bootBoth('seed the dispatch exactly once: one article, 6 quotes, 4 sources', async () => {
    const database = await createPostgresDatabase();
    try {
      const env = {
        ...testEnvironment(),
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: database.url,
        DATABASE_POOL_MIN: '0',
      };
      const results = await Promise.all([bootInstance(env), bootInstance(env)]);
      // An instance that failed to boot shows its own log here.
      for (const result of results) expect(result.code === 0 ? 'booted' : result.output).toBe('booted');

      const { Client } = await import('pg');
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const count = async (sql: string) => Number((await client.query(sql)).rows[0].count);
        expect(await count('select count(distinct document_id) as count from newsroom_articles')).toBe(1);
        expect(await count('select count(*) as count from newsroom_articles where published_at is not null')).toBe(1);
        expect(await count('select count(distinct document_id) as count from newsroom_quotes')).toBe(6);
        expect(await count('select count(*) as count from newsroom_quotes where published_at is not null')).toBe(6);
        expect(await count('select count(distinct document_id) as count from newsroom_sources')).toBe(4);
        expect(await count('select count(*) as count from up_roles')).toBe(2);
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });
});

// One application instance in its own process: boot from dist/ (schema sync, bootstrap, seed), then exit.
function bootInstance(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    const app = createStrapi({ appDir: ${JSON.stringify(ROOT)}, distDir: ${JSON.stringify(path.join(ROOT, 'dist'))},
      autoReload: false, serveAdminPanel: false });
    for (const transport of app.log.transports) transport.level = 'error';
    // Entry events run after commit without being awaited: let the pool drain before destroy.
    const drained = async () => {
      const pool = app.db.connection.client.pool;
      for (let round = 0; round < 500 && (pool.numUsed() || pool.numPendingAcquires() || pool.numPendingCreates()); round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    app.load().then(drained).then(() => app.destroy()).then(() => process.exit(0), (error) => {
      console.error(error);
      process.exit(1);
    });
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}
