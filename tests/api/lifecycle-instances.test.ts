// Two instances on one PostgreSQL database, each with its own response cache: an embargoed story
// is on neither before its time and on both within a second after it, with no write at that
// instant, on every public path (list, count, entry, Quotes, every feed, JSON-LD).
import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import request from 'supertest';
import { apiToken, requiredCredits, startStrapi, testDatabaseClient, type TestApp } from '../helpers/strapi';

const onPostgres = testDatabaseClient() === 'postgres';
const SERVE = path.resolve(__dirname, '..', 'hostile', 'serve-dist.js');

let first: TestApp;
let second: { child: ChildProcess; url: string } | undefined;

const describeOnPostgres = onPostgres ? describe : describe.skip;
if (!onPostgres) {
  test.todo('runs on PostgreSQL only (TEST_DATABASE=postgres): SQLite serves one instance');
}

// The second instance in its own process, on the first one's database.
function startSecond(): Promise<{ child: ChildProcess; url: string }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = fork(SERVE, [], {
    env: { ...process.env, PORT: String(port), DATABASE_POOL_MIN: '0' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    child.on('message', (message: { ready?: boolean }) => {
      if (message.ready) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`second instance exited (${code}): ${errors}`)));
  });
}

describeOnPostgres('an embargo on two instances', () => {
  beforeAll(async () => {
    first = await startStrapi();
    second = await startSecond();
  }, 180000);
  afterAll(async () => {
    // The second instance lets go of the database before the first drops it.
    if (second && second.child.exitCode === null) {
      const exited = new Promise((resolve) => second?.child.once('exit', resolve));
      second.child.kill();
      await exited;
    }
    await first?.stop();
  });

  test('is public on neither before its time and on both within a second after, with no write', async () => {
    const token = await apiToken(first.strapi, 'full-access');
    const credits = await requiredCredits(first.strapi);
    const lifts = Date.now() + 8000;
    const created = await request(first.server)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          title: 'خبر محظور على نسختين',
          body: '<p>نص محظور حتى موعده.</p>',
          credits,
          embargoedUntil: new Date(lifts).toISOString(),
        },
      })
      .expect(201);
    const { documentId, slug } = created.body.data;
    await request(first.server)
      .post('/api/quotes')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { text: 'كلام محظور', speaker: 'مسؤول', article: documentId } })
      .expect(201);

    const paths = [
      '/api/articles',
      `/api/articles/${documentId}`,
      '/api/quotes?populate=article&pagination[pageSize]=100',
      '/api/syndication/rss',
      '/api/syndication/atom',
      '/api/syndication/json',
      '/api/syndication/ninjs',
      `/api/syndication/ninjs/${slug}`,
      `/api/articles/${documentId}/jsonld`,
    ];
    const instances = [request(first.server), request(second!.url)];
    const shows = async (agent: (typeof instances)[number], url: string) => {
      const response = await agent.get(url).buffer(true);
      return response.status === 200 && (response.text ?? JSON.stringify(response.body)).includes(documentId);
    };
    // Twice each, the second read answered from each instance's cache.
    for (let round = 0; round < 2; round++)
      for (const agent of instances)
        for (const url of paths) expect([url, await shows(agent, url)]).toEqual([url, false]);

    expect(Date.now()).toBeLessThan(lifts);
    await new Promise((resolve) => setTimeout(resolve, lifts - Date.now() + 1000));
    for (const agent of instances) for (const url of paths) expect([url, await shows(agent, url)]).toEqual([url, true]);
  });
});
