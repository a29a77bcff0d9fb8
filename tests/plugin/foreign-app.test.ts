// The newsroom in a Strapi app that is not ours: pack the plugin with Strapi's plugin
// tooling, make a minimal Strapi 5.54 app with one unrelated type (api::page.page), install the
// tarball there with npm, build the app (admin panel included) and start it on a throwaway
// database (SQLite; PostgreSQL in the PostgreSQL pass). Then, over HTTP, as that app's admin and a
// partner would: the three types beside the page type, nothing seeded, the credit rule, the derived
// fields, every feed serving the article and valid, and the story lifecycle (a correction, an
// embargo, a kill) on every public path. Then the app searches its own newsroom (GET /api/search:
// Arabic spellings folded, quotes by speaker, sources by any spelling) from the index the plugin made
// in the app's own database with no step of the app's, which the test reads there. Then the plugin's
// `newsroom-import` command, run with npx in the app's folder, imports a folder of dispatches into a
// database of its own; the test takes that database back to before the search (no index tables,
// no row indexed, one title rewritten in the table itself), and the app started on it serves the
// imported Articles and finds them, the index made and filled at boot.
//
// The app is built once per tarball and Node ABI in the system's temp folder and reused by the
// second pass. Packages come from npm's cache when they are there (`--prefer-offline`);
// better-sqlite3's native addon is copied from this repository's install, the same pinned version,
// instead of compiled again, unless this Node cannot load it (another major version): then npm
// builds it for this Node.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { createRequire } from 'module';
import { createHash, randomBytes } from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import Parser from 'rss-parser';
import { fts5Expression, queryTerms, tsqueryExpression } from '../../src/plugins/newsroom/core/search/query';
import { validateAtom, validateNinjs } from '../../src/plugins/newsroom/tests/helpers/feed-validators';
import { createPostgresDatabase, testDatabaseClient, type ThrowawayPostgres } from '../helpers/strapi';
import { freePort } from '../hostile/faults';

const ROOT = path.resolve(__dirname, '..', '..');
const PLUGIN_DIR = path.join(ROOT, 'src', 'plugins', 'newsroom');
const { buildPlugin } = require('../../scripts/build-plugin.js');
const hostLock = require(path.join(ROOT, 'package-lock.json'));
const pinned = (name: string): string => hostLock.packages[`node_modules/${name}`].version;

const INSTALL_TIMEOUT = 15 * 60 * 1000;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT,
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Build, verify and pack the plugin; the tarball's path. */
function packPlugin(into: string): string {
  buildPlugin({ quiet: true });
  run('npm', ['run', 'verify', '--silent'], PLUGIN_DIR);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', into], PLUGIN_DIR));
  return path.join(into, packed.filename);
}

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

/** A Strapi app of the test's own: its package.json, config/, public/ and one unrelated type. */
function writeForeignApp(appDir: string, tarball: string): void {
  write(path.join(appDir, 'public', 'uploads', '.gitkeep'), '');
  const dependencies: Record<string, string> = {};
  for (const name of [
    '@strapi/strapi',
    '@strapi/plugin-users-permissions',
    'better-sqlite3',
    'pg',
    'react',
    'react-dom',
    'react-router-dom',
    'styled-components',
  ])
    dependencies[name] = pinned(name);
  dependencies['strapi-plugin-newsroom'] = `file:${tarball}`;
  write(
    path.join(appDir, 'package.json'),
    JSON.stringify(
      {
        name: 'foreign-strapi-app',
        private: true,
        version: '0.0.0',
        dependencies,
        allowScripts: { 'better-sqlite3': true },
      },
      null,
      2,
    ),
  );
  write(
    path.join(appDir, 'config', 'database.js'),
    `const path = require('path');
module.exports = ({ env }) =>
  env('DATABASE_CLIENT', 'sqlite') === 'postgres'
    ? { connection: { client: 'postgres', connection: { connectionString: env('DATABASE_URL') } } }
    : { connection: { client: 'sqlite', connection: { filename: env('DATABASE_FILENAME') }, useNullAsDefault: true } };
`,
  );
  write(
    path.join(appDir, 'config', 'server.js'),
    `module.exports = ({ env }) => ({ host: env('HOST'), port: env.int('PORT'), url: env('PUBLIC_URL'), app: { keys: env.array('APP_KEYS') } });\n`,
  );
  write(
    path.join(appDir, 'config', 'admin.js'),
    `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
});
`,
  );
  // The README's install section: one entry (no seed, the default agencies), and no
  // config/middlewares.js at all (Strapi's defaults). One option, a read queue small enough that a
  // burst of reads shows it: the queue and the cache must work on the plugin's routes by themselves.
  write(
    path.join(appDir, 'config', 'plugins.js'),
    `module.exports = () => ({ newsroom: { enabled: true, config: { readQueue: { concurrency: 1, maxWaiting: 2 } } } });\n`,
  );
  write(path.join(appDir, 'src', 'index.js'), `module.exports = { register() {}, bootstrap() {} };\n`);
  write(
    path.join(appDir, 'src', 'admin', 'app.js'),
    `export default { config: { locales: ['ar'] }, bootstrap() {} };\n`,
  );
  const page = path.join(appDir, 'src', 'api', 'page');
  write(
    path.join(page, 'content-types', 'page', 'schema.json'),
    JSON.stringify({
      kind: 'collectionType',
      collectionName: 'pages',
      info: { singularName: 'page', pluralName: 'pages', displayName: 'Page' },
      options: { draftAndPublish: true },
      attributes: { title: { type: 'string', required: true }, content: { type: 'text' } },
    }),
  );
  write(
    path.join(page, 'controllers', 'page.js'),
    `module.exports = require('@strapi/strapi').factories.createCoreController('api::page.page');\n`,
  );
  write(
    path.join(page, 'services', 'page.js'),
    `module.exports = require('@strapi/strapi').factories.createCoreService('api::page.page');\n`,
  );
  write(
    path.join(page, 'routes', 'page.js'),
    `module.exports = require('@strapi/strapi').factories.createCoreRouter('api::page.page');\n`,
  );
}

/** True when this Node loads the repository's better-sqlite3 addon (built for the Node that installed it). */
function hostAddonLoads(addon: string): boolean {
  try {
    process.dlopen({ exports: {} } as NodeJS.Module, addon);
    return true;
  } catch {
    return false;
  }
}

/** The installed and built app for this tarball and this Node's native ABI, made once. */
function foreignApp(tarball: string): string {
  const digest = createHash('sha256')
    .update(fs.readFileSync(tarball))
    .update(fs.readFileSync(__filename))
    .update(process.versions.modules)
    .digest('hex');
  const appDir = path.join(os.tmpdir(), `newsroom-foreign-app-${digest.slice(0, 16)}`);
  if (fs.existsSync(path.join(appDir, '.built'))) return appDir;
  fs.rmSync(appDir, { recursive: true, force: true });
  const kept = path.join(appDir, 'vendor', path.basename(tarball));
  write(kept, '');
  fs.copyFileSync(tarball, kept);
  writeForeignApp(appDir, kept);
  const env = { ...process.env, npm_config_update_notifier: 'false', STRAPI_TELEMETRY_DISABLED: 'true' };
  run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    appDir,
    env,
  );
  const addon = 'build/Release/better_sqlite3.node';
  const hostAddon = path.join(ROOT, 'node_modules', 'better-sqlite3', addon);
  if (hostAddonLoads(hostAddon)) {
    write(path.join(appDir, 'node_modules', 'better-sqlite3', addon), '');
    fs.copyFileSync(hostAddon, path.join(appDir, 'node_modules', 'better-sqlite3', addon));
  } else {
    // From source with python3, make and g++ (no prebuilt binary is reachable); `npm_config_nodedir`
    // names this Node's headers when they cannot be downloaded.
    run('npm', ['rebuild', 'better-sqlite3', '--loglevel=error'], appDir, env);
  }
  run(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['build'], appDir, { ...env, NODE_ENV: 'production' });
  fs.writeFileSync(path.join(appDir, '.built'), new Date().toISOString());
  return appDir;
}

/** A running `strapi start` of the foreign app, and what it printed. */
interface RunningApp {
  child: ChildProcess;
  base: string;
  output: () => string;
}

let appDir: string;
let app: RunningApp;
let appEnv: NodeJS.ProcessEnv;
let base: string;
let tokenHeader: Record<string, string>;
const running: RunningApp[] = [];
const databases: ThrowawayPostgres[] = [];
const sqliteFiles: string[] = [];

/** The app's environment: production, fresh secrets, and a throwaway database of its own. */
async function appEnvironment(): Promise<NodeJS.ProcessEnv> {
  const secret = () => randomBytes(16).toString('base64');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: `${secret()},${secret()}`,
    ADMIN_JWT_SECRET: secret(),
    API_TOKEN_SALT: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    JWT_SECRET: secret(),
  };
  if (testDatabaseClient() === 'postgres') {
    const database = await createPostgresDatabase();
    databases.push(database);
    Object.assign(env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: database.url });
  } else {
    const file = path.join(os.tmpdir(), `newsroom-foreign-${process.pid}-${randomBytes(3).toString('hex')}.db`);
    sqliteFiles.push(file);
    Object.assign(env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file });
  }
  return env;
}

/** `strapi start` in the app's folder, on a free port, once it answers `/_health`. */
async function startApp(environment: NodeJS.ProcessEnv): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...environment, HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url };
  const child = spawn(
    process.execPath,
    [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
    { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const started: RunningApp = { child, base: url, output: () => output };
  running.push(started);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the foreign app exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) return started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the foreign app did not answer within 3 minutes:\n${output}`);
}

async function stopApp({ child }: RunningApp): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * GETs that reach the server at once: every socket is connected first, then every request is written
 * in the same tick, so the server reads them all before it answers any (a burst that a client sends
 * request by request may be served one by one and never fill a queue). Each answer's status and
 * headers; the socket closes after it.
 */
async function simultaneousGets(origin: string, paths: string[]): Promise<Array<{ status: number; headers: string }>> {
  const { hostname, port } = new URL(origin);
  const sockets = await Promise.all(
    paths.map(
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = net.connect(Number(port), hostname, () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  const answers = sockets.map(
    (socket) =>
      new Promise<{ status: number; headers: string }>((resolve, reject) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.once('error', reject);
        socket.once('close', () => {
          const text = Buffer.concat(chunks).toString('latin1');
          const head = text.slice(0, text.indexOf('\r\n\r\n'));
          resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase() });
        });
      }),
  );
  sockets.forEach((socket, index) =>
    socket.write(`GET ${paths[index]} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`),
  );
  return Promise.all(answers);
}

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}, at = base) {
  const response = await fetch(`${at}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, type: response.headers.get('content-type') ?? '' };
}

/** The app's database, read and written by the test itself beside the app (as its owner could, with SQL). */
interface HostDatabase {
  dialect: 'sqlite' | 'postgres';
  rows: (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;
  /** The one number of a `select count(*) as n` (PostgreSQL answers a bigint as a string). */
  count: (sql: string, params?: unknown[]) => Promise<number>;
  close: () => Promise<void>;
}

interface SqliteStatement {
  all: (...params: unknown[]) => Array<Record<string, unknown>>;
  run: (...params: unknown[]) => unknown;
  reader: boolean;
}
type SqliteConnection = { prepare: (sql: string) => SqliteStatement; close: () => void };

async function openHostDatabase(environment: NodeJS.ProcessEnv): Promise<HostDatabase> {
  const dialect = environment.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
  let rows: HostDatabase['rows'];
  let close: HostDatabase['close'];
  if (dialect === 'postgres') {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: environment.DATABASE_URL });
    await client.connect();
    rows = async (sql, params = []) => {
      let index = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++index}`),
          params,
        )
      ).rows;
    };
    close = () => client.end();
  } else {
    // The app's own driver: it is built for the Node running this test (the host's copy may be built
    // for another, as in the Node 22 run).
    const Database = createRequire(path.join(appDir, 'package.json'))('better-sqlite3') as new (
      file: string,
    ) => SqliteConnection;
    const connection = new Database(String(environment.DATABASE_FILENAME));
    rows = async (sql, params = []) => {
      const statement = connection.prepare(sql);
      if (statement.reader) return statement.all(...params);
      statement.run(...params);
      return [];
    };
    close = async () => connection.close();
  }
  const count: HostDatabase['count'] = async (sql, params) => Number(Object.values((await rows(sql, params))[0])[0]);
  return { dialect, rows, count, close };
}

const SEARCHED_TABLES = { article: 'newsroom_articles', quote: 'newsroom_quotes', source: 'newsroom_sources' };

/** The search index as the database holds it: its tables, and per kind its entries and rows. */
async function searchIndexIn(database: HostDatabase) {
  const tables = (
    database.dialect === 'postgres'
      ? await database.rows(
          `select table_name as name from information_schema.tables where table_schema = current_schema() and table_name like 'newsroom_search%'`,
        )
      : await database.rows(`select name from sqlite_master where type = 'table' and name like 'newsroom_search%'`)
  )
    .map((row) => String(row.name))
    .sort();
  const kinds: Record<string, { entries: number; rows: number; unindexed: number }> = {};
  if (tables.includes('newsroom_search_entries')) {
    for (const [kind, table] of Object.entries(SEARCHED_TABLES)) {
      kinds[kind] = {
        entries: await database.count(`select count(*) as n from newsroom_search_entries where kind = ?`, [kind]),
        rows: await database.count(`select count(*) as n from ${table}`),
        unindexed: await database.count(`select count(*) as n from ${table} where search_text is null`),
      };
    }
  }
  return { tables, kinds };
}

beforeAll(async () => {
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pack-'));
  const tarball = packPlugin(packDir);
  appDir = foreignApp(tarball);
  appEnv = await appEnvironment();
  app = await startApp(appEnv);
  base = app.base;

  // The app's first admin, then a full-access API token, as its owner would make them.
  const password = `Aa1-${randomBytes(12).toString('hex')}`;
  const registered = await call('POST', '/admin/register-admin', {
    email: 'owner@foreign.test',
    password,
    firstname: 'Foreign',
    lastname: 'Owner',
  });
  expect(registered.status).toBe(200);
  const adminHeader = { Authorization: `Bearer ${registered.json.data.token}` };
  const token = await call(
    'POST',
    '/admin/api-tokens',
    { name: 'partner', type: 'full-access', lifespan: null },
    adminHeader,
  );
  expect(token.status).toBe(201);
  tokenHeader = { Authorization: `Bearer ${token.json.data.accessKey}` };
  contentTypes = (await call('GET', '/content-manager/content-types', undefined, adminHeader)).json.data;
}, INSTALL_TIMEOUT * 2);

afterAll(async () => {
  for (const started of running) await stopApp(started);
  for (const database of databases) await database.drop();
  for (const file of sqliteFiles)
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
});

let contentTypes: Array<{ uid: string; isDisplayed: boolean }>;
let sputnik: string;
let ppn: string;

test("the newsroom's four types stand beside the app's own page type, in the built admin", async () => {
  const admin = await call('GET', '/admin');
  expect(admin.status).toBe(200);
  expect(admin.type).toContain('text/html');
  const shown = contentTypes.filter((type) => type.isDisplayed).map((type) => type.uid);
  expect(shown).toEqual(
    expect.arrayContaining([
      'api::page.page',
      'plugin::newsroom.article',
      'plugin::newsroom.quote',
      'plugin::newsroom.source',
      'plugin::newsroom.subject',
    ]),
  );
});

test('nothing is seeded when the app does not ask', async () => {
  for (const list of ['/api/articles', '/api/quotes', '/api/sources']) {
    const response = await call('GET', list);
    expect(response.status).toBe(200);
    expect(response.json.data).toEqual([]);
  }
  expect((await call('GET', '/api/sources?status=draft', undefined, tokenHeader)).json.data).toEqual([]);
});

test('an article without the Sputnik credit is refused and names Sputnik', async () => {
  const created = async (name: string, nameLatin: string) => {
    const response = await call(
      'POST',
      '/api/sources',
      { data: { name, nameLatin, kind: 'news-agency' } },
      tokenHeader,
    );
    expect(response.status).toBe(201);
    return response.json.data;
  };
  const sputnikSource = await created('سبوتنيك', 'Sputnik');
  const ppnSource = await created('باكستان بوينت نيوز', 'Pakistan Point News');
  expect([sputnikSource.slug, ppnSource.slug]).toEqual(['sputnik', 'pakistan-point-news']);
  sputnik = sputnikSource.documentId;
  ppn = ppnSource.documentId;
  const refused = await call(
    'POST',
    '/api/articles?status=published',
    { data: { title: 'خبر بلا سبوتنيك', body: '<p>نص.</p>', credits: [{ role: 'distributor', source: ppn }] } },
    tokenHeader,
  );
  expect(refused.status).toBe(400);
  expect(refused.text).toContain('Sputnik');
  expect((await call('GET', '/api/articles?status=draft', undefined, tokenHeader)).json.data).toEqual([]);
});

let article: { documentId: string; slug: string; title: string };

test('an article with both credits gets lang, dir, a generated dateline and an ASCII slug', async () => {
  const response = await call(
    'POST',
    '/api/articles?status=published',
    {
      data: {
        title: 'روسيا وباكستان تبحثان التعاون في موسكو',
        dispatchDate: '2021-06-14',
        body: '<p>قالت المتحدثة باسم الخارجية الروسية إن البلدين يبحثان التعاون.</p><script>alert(1)</script>',
        credits: [
          { role: 'originator', source: sputnik },
          { role: 'distributor', source: ppn },
        ],
      },
    },
    tokenHeader,
  );
  expect(response.status).toBe(201);
  article = response.json.data;
  expect(response.json.data).toMatchObject({ lang: 'ar', dir: 'rtl' });
  expect(response.json.data.dateline).toBe('(باكستان بوينت نيوز / سبوتنيك - 14 يونيو 2021ء)');
  expect(article.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  expect(response.json.data.body).not.toContain('<script');
  const listed = await call('GET', '/api/articles?populate[credits][populate][source]=true');
  expect(listed.json.data.map((entry: { documentId: string }) => entry.documentId)).toEqual([article.documentId]);
  expect(listed.json.data[0].credits.map((credit: { source: { slug: string } }) => credit.source.slug).sort()).toEqual([
    'pakistan-point-news',
    'sputnik',
  ]);
});

test('every feed serves the article, and validates', async () => {
  const rss = await call('GET', '/api/syndication/rss');
  expect(rss.status).toBe(200);
  const parsed = await new Parser().parseString(rss.text);
  expect(parsed.items.map((item) => item.title)).toEqual([article.title]);

  const atom = await call('GET', '/api/syndication/atom');
  expect(atom.status).toBe(200);
  expect(await validateAtom(atom.text)).toEqual([]);
  expect(atom.text).toContain(article.title);

  const json = await call('GET', '/api/syndication/json');
  expect(json.status).toBe(200);
  expect(json.json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.json.items.map((item: { title: string }) => item.title)).toEqual([article.title]);

  const ninjs = await call('GET', '/api/syndication/ninjs');
  expect(ninjs.status).toBe(200);
  expect(ninjs.json).toHaveLength(1);
  expect(validateNinjs(ninjs.json[0])).toEqual([]);
  expect(ninjs.json[0]).toMatchObject({ language: 'ar', copyrightHolder: 'Sputnik' });
  const one = await call('GET', `/api/syndication/ninjs/${article.slug}`);
  expect(one.status).toBe(200);
  expect(validateNinjs(one.json)).toEqual([]);
  expect(JSON.stringify(one.json)).toContain('Sputnik');
});

test('a picture uploaded in the app and two IPTC subjects reach every feed; ?subject= filters them', async () => {
  const subjects = await call('GET', '/api/subjects?pagination[pageSize]=100');
  expect(subjects.status).toBe(200);
  expect(subjects.json.data).toHaveLength(17);
  const slugged = (slug: string) => subjects.json.data.find((subject: { slug: string }) => subject.slug === slug);
  // A real PNG (1×1) through the app's own upload plugin.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
    'base64',
  );
  const form = new FormData();
  form.append('files', new Blob([png], { type: 'image/png' }), 'moscow.png');
  const uploaded = await fetch(`${base}/api/upload`, { method: 'POST', headers: tokenHeader, body: form });
  expect(uploaded.status).toBe(201);
  const [image] = (await uploaded.json()) as Array<{ id: number; url: string }>;
  const updated = await call(
    'PUT',
    `/api/articles/${article.documentId}?status=published`,
    {
      data: {
        picture: { image: image.id, caption: 'الكرملين في موسكو', credit: 'سبوتنيك', alt: 'مبنى الكرملين تحت الثلج' },
        subjects: [slugged('politics').documentId, slugged('conflict-war-and-peace').documentId],
      },
    },
    tokenHeader,
  );
  expect(updated.status).toBe(200);

  const rss = await call('GET', '/api/syndication/rss?subject=politics');
  expect(rss.status).toBe(200);
  const [item] = (await new Parser().parseString(rss.text)).items as Array<Record<string, any>>;
  expect(item.title).toBe(article.title);
  // The length of the file as served (Strapi may re-encode what was uploaded).
  const served = await fetch(`${base}${image.url}`);
  expect(served.status).toBe(200);
  expect(item.enclosure).toMatchObject({
    length: String((await served.arrayBuffer()).byteLength),
    type: 'image/png',
  });
  expect(item.enclosure.url).toMatch(new RegExp(`^https?://.+${image.url.replace(/[.]/g, '\\.')}$`));
  expect(rss.text).toContain('<media:credit role="photographer">سبوتنيك</media:credit>');
  const atom = await call('GET', '/api/syndication/atom?subject=conflict-war-and-peace');
  expect(await validateAtom(atom.text)).toEqual([]);
  expect(atom.text).toContain('rel="enclosure"');
  const json = await call('GET', '/api/syndication/json?subject=politics');
  expect(json.json.items[0]).toMatchObject({ tags: expect.arrayContaining(['سياسة']) });
  expect(json.json.items[0].image).toMatch(/^https?:\/\/.+\.png$/);
  const ninjs = await call('GET', '/api/syndication/ninjs?subject=politics');
  expect(validateNinjs(ninjs.json[0])).toEqual([]);
  expect(ninjs.json[0].associations[0]).toMatchObject({ name: 'picture', by: 'سبوتنيك' });
  // Another subject: not this story.
  expect((await call('GET', '/api/syndication/json?subject=sport')).json.items).toEqual([]);
  // Without alt, the published story cannot keep its picture.
  const refused = await call(
    'PUT',
    `/api/articles/${article.documentId}?status=published`,
    { data: { picture: { image: image.id, caption: 'الكرملين' } } },
    tokenHeader,
  );
  expect(refused.status).toBe(400);
  expect(refused.text).toMatch(/text alternative/);
});

test('with no middleware configuration, the plugin’s reads are cached and take their turn in the read queue', async () => {
  expect(fs.existsSync(path.join(appDir, 'config', 'middlewares.js'))).toBe(false);
  // The response cache: a miss, then a hit of the same bytes, on a list and on a feed.
  for (const url of ['/api/articles?sort=id', '/api/syndication/rss?limit=7']) {
    const first = await fetch(`${base}${url}`);
    const second = await fetch(`${base}${url}`);
    expect({ url, first: first.headers.get('x-cache'), second: second.headers.get('x-cache') }).toEqual({
      url,
      first: 'MISS',
      second: 'HIT',
    });
    expect(await second.text()).toBe(await first.text());
  }
  // With a token, never from the cache.
  const withToken = await fetch(`${base}/api/articles?sort=id`, { headers: tokenHeader });
  expect(withToken.headers.get('x-cache')).toBeNull();
  // The read queue: one read at a time, two waiting; a burst of distinct reads (all misses) from
  // one client gets 503s with Retry-After, and the rest their answers. On SQLite a read can finish
  // before the server has read the next request of a burst, so up to ten bursts are sent: without
  // the queue on the routes no burst is ever refused.
  const statuses: number[] = [];
  let refused: { status: number; headers: string } | undefined;
  for (let attempt = 0; attempt < 10 && !refused; attempt += 1) {
    const burst = await simultaneousGets(
      base,
      Array.from({ length: 24 }, (_, index) => `/api/articles?filters[title][$ne]=burst-${attempt}-${index}`),
    );
    statuses.push(...burst.map((response) => response.status));
    refused = burst.find((response) => response.status === 503);
  }
  expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
  expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
  expect(refused?.headers).toMatch(/\r\nretry-after: 1(\r\n|$)/);
});

test("the app's own page type still works beside the plugin", async () => {
  const created = await call('POST', '/api/pages', { data: { title: 'About', content: 'Plain page.' } }, tokenHeader);
  expect(created.status).toBe(201);
  expect((await call('GET', '/api/pages', undefined, tokenHeader)).json.data).toHaveLength(1);
});

let hidden: string;

test('a story is corrected, embargoed and killed there too, and every public path follows', async () => {
  const credits = [
    { role: 'originator', source: sputnik },
    { role: 'distributor', source: ppn },
  ];
  const correction = { at: '2026-12-07T10:00:00.000Z', note: 'صُحّح اسم المتحدثة' };
  const corrected = await call(
    'PUT',
    `/api/articles/${article.documentId}`,
    { data: { corrections: [correction] } },
    tokenHeader,
  );
  expect(corrected.status).toBe(200);
  expect(corrected.json.data.version).toBe(2);
  const changed = await call(
    'PUT',
    `/api/articles/${article.documentId}`,
    { data: { corrections: [{ ...correction, note: 'غير ذلك' }] } },
    tokenHeader,
  );
  expect(changed.status).toBe(400);
  expect(changed.json.error.details).toMatchObject({ field: 'corrections[0]' });

  const embargoed = await call(
    'POST',
    '/api/articles?status=published',
    {
      data: {
        title: 'خبر محظور حتى الغد',
        body: '<p>نص محظور.</p>',
        credits,
        embargoedUntil: new Date(Date.now() + 3600_000).toISOString(),
      },
    },
    tokenHeader,
  );
  expect(embargoed.status).toBe(201);
  expect(embargoed.json.data.pubStatus).toBe('withheld');
  hidden = embargoed.json.data.documentId;
  expect((await call('GET', `/api/articles/${hidden}`)).status).toBe(404);
  expect((await call('GET', '/api/articles')).text).not.toContain(hidden);
  expect((await call('GET', '/api/syndication/ninjs')).text).not.toContain(hidden);

  const killed = await call(
    'PUT',
    `/api/articles/${article.documentId}`,
    { data: { pubStatus: 'canceled', ednote: 'سُحب بقرار قضائي' } },
    tokenHeader,
  );
  expect(killed.status).toBe(200);
  expect((await call('GET', `/api/articles/${article.documentId}`)).status).toBe(404);
  expect((await call('GET', `/api/articles/${article.documentId}/jsonld`)).status).toBe(404);
  const ninjs = await call('GET', '/api/syndication/ninjs');
  const item = ninjs.json.find((entry: { uri: string }) => entry.uri.endsWith(article.documentId));
  expect(item).toMatchObject({ pubStatus: 'canceled', edNote: 'سُحب بقرار قضائي' });
  expect(validateNinjs(item)).toEqual([]);
  const atom = await call('GET', '/api/syndication/atom');
  expect(atom.text).toContain('<category scheme="urn:newsroom:pubStatus" term="canceled"/>');
  expect(await validateAtom(atom.text)).toEqual([]);
});

let searched: { article: string; quote: string };

test('the app searches its own newsroom: Arabic spellings folded, quotes by speaker, sources by any spelling', async () => {
  const credits = [
    { role: 'originator', source: sputnik },
    { role: 'distributor', source: ppn },
  ];
  const story = await call(
    'POST',
    '/api/articles?status=published',
    {
      data: {
        title: 'إيران وروسيا توقعان اتفاقا للطاقة',
        body: '<p>وقّع البلدان في طهران اتفاقا جديدا.</p>',
        credits,
      },
    },
    tokenHeader,
  );
  expect(story.status).toBe(201);
  const quote = await call(
    'POST',
    '/api/quotes?status=published',
    {
      data: {
        text: 'نرحب بكل حوار يخدم الاستقرار في المنطقة',
        speaker: 'ماريا زاخاروفا',
        article: story.json.data.documentId,
      },
    },
    tokenHeader,
  );
  expect(quote.status).toBe(201);
  searched = { article: story.json.data.documentId, quote: quote.json.data.documentId };
  const search = async (query: Record<string, string>) => {
    const response = await call('GET', `/api/search?${new URLSearchParams(query)}`);
    expect({ query, status: response.status }).toEqual({ query, status: 200 });
    return response.json as {
      data: Array<Record<string, unknown> & { documentId: string }>;
      meta: { pagination: { page: number; pageSize: number; total: number } };
    };
  };

  // ايران (no hamza) finds إيران: the article, and it alone, with the contract's fields.
  const articles = await search({ q: 'ايران' });
  expect(articles.data.map((hit) => hit.documentId)).toEqual([searched.article]);
  expect(articles.data[0]).toMatchObject({
    type: 'article',
    title: 'إيران وروسيا توقعان اتفاقا للطاقة',
    slug: story.json.data.slug,
    snippet: expect.stringContaining('<mark>إيران</mark>'),
    score: expect.any(Number),
  });
  expect(articles.meta.pagination).toEqual({ page: 1, pageSize: 10, total: 1 });

  const quotes = await search({ q: 'زاخاروفا', type: 'quotes' });
  expect(quotes.data.map((hit) => hit.documentId)).toEqual([searched.quote]);
  expect(quotes.data[0]).toMatchObject({
    type: 'quote',
    text: 'نرحب بكل حوار يخدم الاستقرار في المنطقة',
    speaker: 'ماريا زاخاروفا',
  });

  // The Source was written سبوتنيك / Sputnik; the Urdu spelling and the Latin name find it.
  for (const q of ['سپوتنیک', 'Sputnik']) {
    const sources = await search({ q, type: 'sources' });
    expect({ q, slugs: sources.data.map((hit) => hit.slug) }).toEqual({ q, slugs: ['sputnik'] });
  }

  // The killed story and the embargoed one are in the index, and in no public answer.
  expect((await search({ q: 'موسكو' })).data.map((hit) => hit.documentId)).not.toContain(article.documentId);
  expect((await search({ q: 'محظور' })).data.map((hit) => hit.documentId)).not.toContain(hidden);
});

test("the plugin made its search index in the app's own database, with no step of the app's", async () => {
  // The app's configuration names nothing of the search: one plugin entry, the read queue's options.
  expect(fs.readFileSync(path.join(appDir, 'config', 'plugins.js'), 'utf8')).not.toMatch(/search/i);
  const database = await openHostDatabase(appEnv);
  try {
    const index = await searchIndexIn(database);
    if (database.dialect === 'sqlite') {
      // The FTS5 table (and its shadow tables) over the entries, kept by triggers.
      expect(index.tables).toEqual(
        expect.arrayContaining(['newsroom_search_entries', 'newsroom_search_fts', 'newsroom_search_public_fts']),
      );
      const triggers = await database.rows(
        `select name from sqlite_master where type = 'trigger' and tbl_name = 'newsroom_search_entries' order by name`,
      );
      expect(triggers.map((row) => row.name)).toEqual([
        'newsroom_search_entries_deleted',
        'newsroom_search_entries_inserted',
        'newsroom_search_entries_public_changed',
        'newsroom_search_entries_public_deleted',
        'newsroom_search_entries_public_inserted',
        'newsroom_search_entries_updated',
      ]);
    } else {
      // Narrow entries: the weighted tsvector (no copy of the terms' texts) under a GIN index, and
      // the public flag.
      expect(index.tables).toEqual(['newsroom_search_entries']);
      const columns = await database.rows(
        `select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = 'newsroom_search_entries' order by column_name`,
      );
      expect(columns.map((row) => `${row.column_name} ${row.data_type}`)).toEqual([
        'document_id character varying',
        'id bigint',
        'kind character varying',
        'public boolean',
        'row_id integer',
        'terms tsvector',
      ]);
      const indexes = await database.rows(
        `select indexdef from pg_indexes where schemaname = current_schema() and tablename = 'newsroom_search_entries'`,
      );
      expect(indexes.map((row) => String(row.indexdef))).toEqual(
        expect.arrayContaining([expect.stringMatching(/USING gin \(terms\)/)]),
      );
    }
    // The index answers in the database itself: the quote's two stored versions, by its speaker.
    const terms = queryTerms('زاخاروفا');
    const matched = await database.rows(
      database.dialect === 'sqlite'
        ? `select e.document_id from newsroom_search_fts join newsroom_search_entries e on e.id = newsroom_search_fts.rowid where newsroom_search_fts match ?`
        : `select document_id from newsroom_search_entries where terms @@ to_tsquery('simple', ?)`,
      [database.dialect === 'sqlite' ? fts5Expression(terms) : tsqueryExpression(terms)],
    );
    expect(matched.map((row) => row.document_id)).toEqual([searched.quote, searched.quote]);
    // One entry per stored row (draft and published versions), every row indexed.
    for (const [kind, counted] of Object.entries(index.kinds)) {
      expect({ kind, ...counted }).toEqual({ kind, entries: counted.rows, rows: counted.rows, unindexed: 0 });
      expect(counted.rows).toBeGreaterThan(0);
    }
    expect(Object.keys(index.kinds).sort()).toEqual(['article', 'quote', 'source']);
    expect(
      await database.count(`select count(*) as n from newsroom_search_entries where kind = ? and document_id = ?`, [
        'article',
        searched.article,
      ]),
    ).toBe(2);
    // The app's own table, beside them, is the app's as it was.
    expect(await database.count(`select count(*) as n from pages`)).toBeGreaterThan(0);
  } finally {
    await database.close();
  }
});

test("npx newsroom-import, run in the app's folder, imports a folder of dispatches that the app then serves", async () => {
  const environment = await appEnvironment();
  const folderName = `wire-${randomBytes(4).toString('hex')}`;
  const folder = path.join(appDir, folderName);
  fs.mkdirSync(folder);
  const dispatches = [
    path.join(ROOT, 'database', 'dispatches', '000_a1a02bb52c60af29.txt'),
    path.join(PLUGIN_DIR, 'tests', 'fixtures', 'dispatches', '04-paren-single-agency-levantine.txt'),
    path.join(PLUGIN_DIR, 'tests', 'fixtures', 'dispatches', '06-other-agency-becomes-draft.txt'),
  ];
  for (const dispatch of dispatches) fs.copyFileSync(dispatch, path.join(folder, path.basename(dispatch)));
  let imported: ReturnType<typeof spawnSync>;
  try {
    imported = spawnSync('npx', ['--no', 'newsroom-import', folderName], {
      cwd: appDir,
      env: { ...environment, npm_config_update_notifier: 'false' },
      encoding: 'utf8',
      timeout: 300_000,
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const printed = String(imported.stdout);
  // Nothing on stderr but a dependency's deprecation notice: on PostgreSQL, Strapi 5.54's publish runs
  // its populate queries concurrently on the transaction's one client, and pg 8.23 warns about it.
  const stderr = String(imported.stderr)
    .split('\n')
    .filter(
      (line) =>
        !/^\(node:\d+\) DeprecationWarning: Calling client\.query\(\) when the client is already executing/.test(line),
    )
    .filter((line) => !/^\(Use `node --trace-deprecation \.\.\.` to show where the warning was created\)$/.test(line))
    .join('\n');
  expect({ status: imported.status, stderr }).toEqual({ status: 0, stderr: '' });
  const lines = printed.trimEnd().split('\n');
  expect(lines.slice(0, 3)).toEqual([
    expect.stringMatching(
      new RegExp(
        `^created  ${folderName}/000_a1a02bb52c60af29\\.txt: "بوتين: [^"]+" \\(2021-06-14, published, 6 quotes\\)$`,
      ),
    ),
    expect.stringMatching(
      new RegExp(
        `^created  ${folderName}/04-paren-single-agency-levantine\\.txt: "الكرملين: [^"]+" \\(2022-06-03, published, 1 quote\\)$`,
      ),
    ),
    expect.stringMatching(
      new RegExp(
        `^created  ${folderName}/06-other-agency-becomes-draft\\.txt: "[^"]+" \\(2023-11-07, draft, 1 quote\\) — kept as a draft: credits: a published article must credit Sputnik`,
      ),
    ),
  ]);
  expect(lines[3]).toBe('Summary: created 3 (1 as drafts), skipped 0, failed 0');
  expect(printed).toContain(
    `  ${folderName}/06-other-agency-becomes-draft.txt: credits: a published article must credit Sputnik`,
  );

  // The imported database, taken back to before the search: the index the import's boot made and
  // filled is dropped, no row has its search text, and one title is rewritten in the table itself.
  const before = await openHostDatabase(environment);
  try {
    const made = await searchIndexIn(before);
    expect(made.tables).toContain('newsroom_search_entries');
    for (const [kind, counted] of Object.entries(made.kinds))
      expect({ kind, ...counted }).toEqual({ kind, entries: counted.rows, rows: counted.rows, unindexed: 0 });
    // The entries' triggers go with their table, then the FTS5 tables and their shadow tables.
    if (before.dialect === 'sqlite') await before.rows('drop view if exists newsroom_search_public');
    for (const table of ['newsroom_search_entries', 'newsroom_search_fts', 'newsroom_search_public_fts'])
      await before.rows(`drop table if exists ${table}`);
    for (const table of Object.values(SEARCHED_TABLES)) await before.rows(`update ${table} set search_text = null`);
    await before.rows(`update newsroom_articles set title = title || ? where title like ?`, [
      ' (من طشقند)',
      'الكرملين:%',
    ]);
    expect(await searchIndexIn(before)).toEqual({ tables: [], kinds: {} });
  } finally {
    await before.close();
  }

  const imports = await startApp(environment);
  const articles = await call(
    'GET',
    '/api/articles?sort=dispatchDate:asc&populate[credits][populate][source]=true',
    undefined,
    {},
    imports.base,
  );
  expect(articles.status).toBe(200);
  expect(articles.json.data.map((entry: { dispatchDate: string }) => entry.dispatchDate)).toEqual([
    '2021-06-14',
    '2022-06-03',
  ]);
  expect(articles.json.data[0]).toMatchObject({
    lang: 'ar',
    dir: 'rtl',
    dateline: expect.stringMatching(/^\(.+ \/ سبوتنيك - 14 يونيو 2021ء\)$/),
  });
  for (const entry of articles.json.data)
    expect(entry.credits.map((credit: { source: { slug: string } }) => credit.source.slug).sort()).toEqual([
      'pakistan-point-news',
      'sputnik',
    ]);
  const quotes = await call('GET', '/api/quotes?pagination[pageSize]=100', undefined, {}, imports.base);
  expect(quotes.json.data).toHaveLength(7);

  // Booted on it, the plugin made its index again and indexed every row, the rewritten title as the
  // table holds it.
  const search = async (q: string, type = 'articles') => {
    const response = await call('GET', `/api/search?${new URLSearchParams({ q, type })}`, undefined, {}, imports.base);
    expect({ q, type, status: response.status }).toEqual({ q, type, status: 200 });
    return response.json.data as Array<{ documentId: string; slug?: string; speaker?: string }>;
  };
  const [putin, kremlin] = articles.json.data.map((entry: { documentId: string }) => entry.documentId);
  expect((await search('طشقند')).map((hit) => hit.documentId)).toEqual([kremlin]);
  expect((await search('بوتين ايران')).map((hit) => hit.documentId)).toEqual([putin]);
  const peskov = await search('بيسكوف', 'quotes');
  expect(peskov.length).toBeGreaterThan(0);
  expect(peskov.every((hit) => String(hit.speaker).includes('بيسكوف'))).toBe(true);
  expect((await search('سپوتنیک', 'sources')).map((hit) => hit.slug)).toEqual(['sputnik']);
  const after = await openHostDatabase(environment);
  try {
    const index = await searchIndexIn(after);
    expect(index.tables).toContain('newsroom_search_entries');
    expect(Object.keys(index.kinds).sort()).toEqual(['article', 'quote', 'source']);
    for (const [kind, counted] of Object.entries(index.kinds))
      expect({ kind, ...counted }).toEqual({ kind, entries: counted.rows, rows: counted.rows, unindexed: 0 });
  } finally {
    await after.close();
  }
  await stopApp(imports);
});
