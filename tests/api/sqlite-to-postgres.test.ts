// scripts/sqlite-to-postgres.sh moves a SQLite newsroom, seed and later articles alike, to an
// empty PostgreSQL database. PostgreSQL run only (TEST_DATABASE=postgres): it needs a server.
import { spawn } from 'child_process';
import { rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { createPostgresDatabase, testDatabaseClient, testEnvironment } from '../helpers/strapi';

const ROOT = path.resolve(__dirname, '..', '..');
const onPostgres = testDatabaseClient() === 'postgres';

// Boot the app (the seed runs on an empty database); with ADD_ARTICLE=1 add an article as an editor would.
const MAKE_SQLITE_NEWSROOM = `
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: process.cwd(), distDir: process.cwd() + '/dist', autoReload: false, serveAdminPanel: false });
  for (const transport of app.log.transports) transport.level = 'error';
  (async () => {
    await app.load();
    if (process.env.ADD_ARTICLE) {
    const sources = await app.documents('plugin::newsroom.source').findMany({});
    const source = (slug) => sources.find((candidate) => candidate.slug === slug).documentId;
    await app.documents('plugin::newsroom.article').create({ status: 'published', data: {
      title: 'خبر ثان من الأرشيف', body: '<p>نص الخبر.</p>', dispatchDate: '2021-06-15',
      credits: [{ role: 'originator', source: source('sputnik') }, { role: 'distributor', source: source('pakistan-point-news') }],
    } });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await app.destroy();
    process.exit(0);
  })().catch((error) => { console.error(error); process.exit(1); });
`;

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const migrate = onPostgres ? test : test.skip;
if (!onPostgres) test.todo('sqlite-to-postgres.sh runs with TEST_DATABASE=postgres only: it needs a PostgreSQL server');

migrate(
  'scripts/sqlite-to-postgres.sh moves articles, credits, quotes and sources, and the seed is not run again',
  async () => {
    const sqliteFile = path.join(os.tmpdir(), `newsroom-migrate-${process.pid}-${Date.now()}.db`);
    const target = await createPostgresDatabase();
    try {
      const env = { ...testEnvironment(), DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: sqliteFile };
      const made = await run(process.execPath, ['-e', MAKE_SQLITE_NEWSROOM], { ...env, ADD_ARTICLE: '1' });
      expect(made.code === 0 ? 'made' : made.output).toBe('made');

      const moved = await run('bash', ['scripts/sqlite-to-postgres.sh', sqliteFile, target.url], env);
      expect(moved.code === 0 ? 'moved' : moved.output).toBe('moved');

      const { Client } = await import('pg');
      const client = new Client({ connectionString: target.url });
      await client.connect();
      try {
        const rows = async (sql: string) => (await client.query(sql)).rows;
        const articles = await rows(
          'select slug, dateline from newsroom_articles where published_at is not null order by dispatch_date',
        );
        expect(articles).toEqual([
          { slug: expect.any(String), dateline: '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)' },
          { slug: 'khbr-than-mn-alarshyf', dateline: '(پاکستان پوائنٹ نیوز / سبوتنيك - 15 يونيو 2021ء)' },
        ]);
        const count = async (sql: string) => Number((await rows(sql))[0].count);
        expect(await count('select count(distinct document_id) as count from newsroom_articles')).toBe(2);
        expect(await count('select count(distinct document_id) as count from newsroom_quotes')).toBe(6);
        expect(await count('select count(distinct document_id) as count from newsroom_sources')).toBe(4);
        // Two credits on each version (draft and published) of each article.
        expect(await count('select count(*) as count from components_newsroom_credits')).toBe(8);
      } finally {
        await client.end();
      }

      // The moved newsroom boots on PostgreSQL without seeding the dispatch a second time.
      const booted = await run(process.execPath, ['-e', MAKE_SQLITE_NEWSROOM], {
        ...env,
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: target.url,
      });
      expect(booted.code === 0 ? 'booted' : booted.output).toBe('booted');
      const client2 = new Client({ connectionString: target.url });
      await client2.connect();
      try {
        const { rows } = await client2.query('select count(distinct document_id) as count from newsroom_articles');
        expect(Number(rows[0].count)).toBe(2);
      } finally {
        await client2.end();
      }
    } finally {
      await target.drop();
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(sqliteFile + suffix, { force: true });
    }
  },
  300000,
);
