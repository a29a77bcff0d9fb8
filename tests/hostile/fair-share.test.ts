// One anonymous client flooding full feeds must not starve the others: with a per-client share of
// the read queue the flooder gets 503 beyond its share, while every API-token client is served,
// and served while the flood is still going on (not only once it is over). The server runs as behind
// one proxy (IS_PROXIED=true, PROXY_HOPS unset): a client is the address the proxy appended, not the
// addresses it wrote itself to the left of it in X-Forwarded-For.
import { spawn, type ChildProcess } from 'child_process';
import type { AddressInfo } from 'net';
import { createInterface } from 'readline';
import request from 'supertest';
import { apiToken, newsroomService, startStrapi } from '../helpers/strapi';
import { agencyCredits, prepareShared, type Shared } from './context';
import { waitFor } from './support';

const FEED = '/api/syndication/rss?limit=100';
const QUEUE_KEY = 'plugin::newsroom.readQueue';
// One render at a time, so waiting is all there is to see; one client may hold a quarter of it.
const SMALL_QUEUE = { concurrency: 1, maxWaiting: 16, maxWaitingPerClient: 4 };
const ARTICLES = 50;
// More than the whole queue holds (1 running + 16 waiting), so alone it would fill it.
const FLOOD_LOOPS = 24;
// The flood is over once this many full feeds were served to it: the victims' reads, taking turns
// with it, are all answered within about 20 of them; waiting behind its whole backlog, not.
const FLOOD_FEEDS = 48;
const VICTIMS = 4;
const READS_PER_VICTIM = 3;
// A bound on each flood loop, so a broken queue ends the flood instead of hanging the test.
const MAX_TRIES_PER_LOOP = 200;

// The flooder runs in its own process: a client in this one cannot send while a render holds the
// event loop, so its requests would reach the server one at a time and never fill the queue.
// It prints each answer's status; a refused loop retries once one of its reads has been served,
// as a slot has then freed; it stops when its stdin closes or its tries run out.
const FLOODER = `
const http = require('http');
const [port, path, loops, maxTries, forge] = process.argv.slice(1).map((arg, index) => (index === 1 || index === 4 ? arg : Number(arg)));
// With "forge", each request carries a new made-up token, as if each were another client.
const headers = () => (forge === 'forge' ? { Authorization: 'Bearer ' + require('crypto').randomBytes(24).toString('hex') } : {});
let stopped = false;
let outstanding = 0;
let wake = () => {};
let served = new Promise((resolve) => (wake = resolve));
const signalServed = () => { const woken = wake; served = new Promise((resolve) => (wake = resolve)); woken(); };
process.stdin.on('end', () => { stopped = true; signalServed(); });
process.stdin.resume();
// Each request asks for a URL not asked before, so the response cache cannot answer it: the
// flood is of misses, which are what the read queue protects the instance from.
let sequence = 0;
const get = () => new Promise((resolve) => {
  http.get({ host: '127.0.0.1', port, path: path + '&bust=' + (sequence += 1), headers: headers() }, (response) => {
    response.resume();
    response.on('end', () => resolve(response.statusCode));
  }).on('error', (error) => resolve('error ' + error.code));
});
async function loop() {
  for (let tries = 0; tries < maxTries && !stopped; tries += 1) {
    outstanding += 1;
    const status = await get();
    outstanding -= 1;
    process.stdout.write(status + '\\n');
    if (status === 200) signalServed();
    else if (status === 503 && outstanding > 0 && !stopped) await served;
  }
}
Promise.all(Array.from({ length: loops }, loop)).then(() => process.exit(0));
`;

let shared: Shared;
let flooder: ChildProcess | undefined;

let saved: unknown;

const proxied = { IS_PROXIED: process.env.IS_PROXIED, PROXY_HOPS: process.env.PROXY_HOPS };

beforeAll(async () => {
  // config/server.ts reads these when Strapi boots.
  process.env.IS_PROXIED = 'true';
  delete process.env.PROXY_HOPS;
  shared = await prepareShared(await startStrapi());
  saved = shared.app.strapi.config.get(QUEUE_KEY);
}, 180000);
afterAll(async () => {
  for (const [name, value] of Object.entries(proxied)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (flooder && flooder.exitCode === null && flooder.signalCode === null) flooder.kill('SIGKILL');
  await shared?.app.stop();
});

// A long Arabic body, so that rendering a hundred of them is the expensive read the queue is for.
const BODY = Array.from(
  { length: 30 },
  (_, index) => `<p>فقرة ${index + 1}: قالت وزارة الدفاع الروسية في بيان إن الوحدات واصلت عملياتها.</p>`,
).join('');

async function publishArticles(count: number): Promise<void> {
  for (let start = 0; start < count; start += 5) {
    const batch = Array.from({ length: Math.min(5, count - start) }, (_, offset) =>
      request(shared.app.server)
        .post('/api/articles')
        .set('Authorization', `Bearer ${shared.fullAccess}`)
        .send({
          data: { title: `خبر الحصة العادلة رقم ${start + offset + 1}`, body: BODY, credits: agencyCredits(shared) },
        }),
    );
    for (const response of await Promise.all(batch)) {
      if (response.status !== 201) throw new Error(`publishing failed: ${response.status} ${response.text}`);
    }
  }
}

interface VictimRead {
  victim: number;
  status: number;
  /** Answered before the flooder had been served its last full feed. */
  duringFlood: boolean;
  /** Full feeds served to the flooder by then. */
  floodServed: number;
}

let published = false;

test.each([
  ['anonymous', 'plain'],
  ['sending a new made-up token with every request', 'forge'],
])(
  'a client flooding full feeds (%s) gets 503 beyond its share; API-token clients are served during the flood',
  async (_who, mode) => {
    if (!published) await publishArticles(ARTICLES);
    published = true;
    shared.app.strapi.config.set(QUEUE_KEY, saved);
    const victimTokens = await Promise.all(
      Array.from({ length: VICTIMS }, () => apiToken(shared.app.strapi, 'read-only')),
    );
    const full = await request(shared.app.server).get(FEED);
    expect(full.status).toBe(200);
    expect(full.text.match(/<item>/g)?.length).toBeGreaterThanOrEqual(ARTICLES);
    shared.app.strapi.config.set(QUEUE_KEY, SMALL_QUEUE);

    const { port } = shared.app.server.address() as AddressInfo;
    const child = spawn(
      process.execPath,
      ['-e', FLOODER, String(port), FEED, String(FLOOD_LOOPS), String(MAX_TRIES_PER_LOOP), mode],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    flooder = child;
    const flood = { served: 0, refused: 0, other: [] as string[], over: false };
    let floodRefusedOnce!: () => void;
    const floodFull = new Promise<void>((resolve) => (floodRefusedOnce = resolve));
    const floodEnded = new Promise<void>((resolve) => child.on('close', () => resolve()));
    createInterface({ input: child.stdout! }).on('line', (status) => {
      if (status === '200') {
        flood.served += 1;
        if (flood.served >= FLOOD_FEEDS && !flood.over) {
          flood.over = true;
          child.stdin!.end();
        }
      } else if (status === '503') {
        flood.refused += 1;
        floodRefusedOnce();
      } else {
        flood.other.push(status);
      }
    });

    async function victim(index: number): Promise<VictimRead[]> {
      const reads: VictimRead[] = [];
      for (let read = 0; read < READS_PER_VICTIM; read += 1) {
        const response = await request(shared.app.server)
          .get(FEED)
          .set('Authorization', `Bearer ${victimTokens[index]}`);
        reads.push({ victim: index, status: response.status, duringFlood: !flood.over, floodServed: flood.served });
      }
      return reads;
    }

    // The victims start once the flooder has filled what it may of the queue.
    await Promise.race([floodFull, floodEnded]);
    const victimReads = (await Promise.all(Array.from({ length: VICTIMS }, (_, index) => victim(index)))).flat();
    await floodEnded;

    process.stdout.write(
      `fair share: flooder served ${flood.served}, refused ${flood.refused}; ` +
        `victim reads ${victimReads.length}, refused ${victimReads.filter((read) => read.status === 503).length}, ` +
        `answered during the flood ${victimReads.filter((read) => read.duringFlood).length}, ` +
        `the last after the flooder's ${Math.max(...victimReads.map((read) => read.floodServed))} of ${FLOOD_FEEDS} feeds\n`,
    );
    expect(child.exitCode).toBe(0);
    expect(flood.other).toEqual([]);
    expect(flood.refused).toBeGreaterThan(0);
    expect(flood.served).toBeGreaterThanOrEqual(FLOOD_FEEDS);
    expect(victimReads).toHaveLength(VICTIMS * READS_PER_VICTIM);
    expect(victimReads.filter((read) => read.status !== 200)).toEqual([]);
    expect(victimReads.filter((read) => !read.duringFlood)).toEqual([]);
  },
  300000,
);

test("behind a proxy, reads with made-up leftmost X-Forwarded-For addresses and one real last hop share one client's share", async () => {
  const { strapi } = shared.app;
  strapi.config.set(QUEUE_KEY, SMALL_QUEUE);
  const queue = newsroomService(strapi, 'readQueue').queue();
  // The only slot is held, so every read waits in line: the per-client cap alone decides.
  let release!: () => void;
  const held = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
  const REAL_CLIENT = '203.0.113.7';
  const READS = SMALL_QUEUE.maxWaitingPerClient * 2;
  const madeUp = () => Array.from({ length: 4 }, () => Math.floor(Math.random() * 256)).join('.');
  const answers: request.Response[] = [];
  const reads = Array.from({ length: READS }, (_, index) =>
    request(shared.app.server)
      // A filter no read asked before, so the response cache cannot answer it.
      .get(`/api/articles?filters[title][$ne]=proxy-${index}-${Date.now()}`)
      .set('X-Forwarded-For', `${madeUp()}, ${madeUp()}, ${REAL_CLIENT}`)
      .then((response) => {
        answers.push(response);
        return response;
      }),
  );
  let waitingAsOneClient: number;
  try {
    // Every read has either been refused or is waiting in line.
    await waitFor(async () => answers.length + queue.stats.waiting >= READS, { timeoutMs: 30000 });
    waitingAsOneClient = queue.waitingFor(`ip:${REAL_CLIENT}`);
  } finally {
    release();
    await held;
    await Promise.allSettled(reads);
    strapi.config.set(QUEUE_KEY, saved);
  }
  // ctx.ip is the address the proxy appended: the line is the real client's, and only its share waited.
  expect(waitingAsOneClient).toBe(SMALL_QUEUE.maxWaitingPerClient);
  const statuses = (await Promise.all(reads)).map((response) => response.status);
  const refused = answers.filter((response) => response.status === 503);
  expect(statuses.filter((status) => status === 200)).toHaveLength(SMALL_QUEUE.maxWaitingPerClient);
  expect(refused).toHaveLength(READS - SMALL_QUEUE.maxWaitingPerClient);
  for (const response of refused) expect(response.body.error.message).toMatch(/too many of your requests are waiting/);
}, 60000);
