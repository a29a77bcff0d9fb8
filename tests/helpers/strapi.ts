// Boot the real Strapi on a throwaway database, once per test file, and stop it afterwards.
// TEST_DATABASE=postgres runs on a fresh database created under TEST_POSTGRES_URL instead of SQLite.
import { randomBytes } from 'crypto';
import { copyFileSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from '../../scripts/boot-strapi';
import type { NewsroomServices } from '../../src/plugins/newsroom/server/src/utils';

const ROOT = path.resolve(__dirname, '..', '..');
const SECRETS = ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

export interface TestApp {
  strapi: Core.Strapi;
  server: import('http').Server;
  stop: () => Promise<void>;
}

/**
 * A newsroom service of the running Strapi (the built plugin the server runs, with its state), never
 * a second copy compiled from the sources.
 */
export function newsroomService<Name extends keyof NewsroomServices>(
  strapi: Core.Strapi,
  name: Name,
): NewsroomServices[Name] {
  return strapi.plugin('newsroom').service(name) as NewsroomServices[Name];
}

export type TestDatabaseClient = 'sqlite' | 'postgres';

/** Which database the API suites run on: TEST_DATABASE=postgres, or SQLite by default. */
export function testDatabaseClient(): TestDatabaseClient {
  const chosen = (process.env.TEST_DATABASE ?? 'sqlite').toLowerCase();
  if (chosen === 'postgres' || chosen === 'postgresql') return 'postgres';
  if (chosen !== 'sqlite') throw new Error(`TEST_DATABASE must be "sqlite" or "postgres", not "${chosen}"`);
  return 'sqlite';
}

export interface ThrowawayPostgres {
  /** Connection URL of the new, empty database. */
  url: string;
  name: string;
  drop: () => Promise<void>;
}

/** A fresh, empty PostgreSQL database on the server of TEST_POSTGRES_URL; drop() removes it. */
export async function createPostgresDatabase(): Promise<ThrowawayPostgres> {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) {
    throw new Error(
      'TEST_DATABASE=postgres needs TEST_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/db, ' +
        'a role allowed to CREATE DATABASE (see README, "Running the PostgreSQL suite locally")',
    );
  }
  const { Client } = await import('pg');
  const name = `newsroom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      // A child process or a leaked pool connection must not keep the database alive. Not
      // `WITH (FORCE)`: it refuses when an autovacuum worker happens to be in there, which a plain
      // DROP stops by itself.
      for (let attempt = 1; ; attempt += 1) {
        await client.query(
          'select pg_terminate_backend(pid) from pg_stat_activity ' +
            'where datname = $1 and pid <> pg_backend_pid() and usename = current_user',
          [name],
        );
        try {
          await client.query(`DROP DATABASE IF EXISTS "${name}"`);
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    } finally {
      await client.end();
    }
  };
  return { url: url.toString(), name, drop };
}

/** The environment every test instance of Strapi needs, apart from its database. */
export function testEnvironment(): NodeJS.ProcessEnv {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.NODE_ENV = 'test';
  process.env.HOST = '127.0.0.1';
  process.env.APP_KEYS ??= [1, 2].map(() => randomBytes(16).toString('base64')).join(',');
  for (const name of SECRETS) process.env[name] ??= randomBytes(16).toString('base64');
  return process.env;
}

/**
 * Point this process at a throwaway database, empty or a copy of a fixture (`<base>.db` for SQLite,
 * `<base>.pg.sql`, a pg_dump, for PostgreSQL); the returned function removes it.
 */
async function prepareEnvironment(fixture?: string): Promise<() => Promise<void>> {
  testEnvironment();
  if (testDatabaseClient() === 'postgres') {
    const database = await createPostgresDatabase();
    process.env.DATABASE_CLIENT = 'postgres';
    process.env.DATABASE_URL = database.url;
    if (fixture) await restorePostgresDump(database.url, `${fixture}.pg.sql`);
    return database.drop;
  }
  process.env.DATABASE_CLIENT = 'sqlite';
  const file = path.join(
    os.tmpdir(),
    `newsroom-test-${process.pid}-${Date.now()}-${randomBytes(3).toString('hex')}.db`,
  );
  process.env.DATABASE_FILENAME = file;
  if (fixture) copyFileSync(`${fixture}.db`, file);
  return async () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
  };
}

// psql's meta-commands (\\restrict, \\unrestrict in recent pg_dump output) are not SQL.
async function restorePostgresDump(url: string, dumpFile: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const sql = readFileSync(dumpFile, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('\\'))
      .join('\n');
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startStrapi({
  admin = false,
  fixture,
}: { admin?: boolean; fixture?: string } = {}): Promise<TestApp> {
  const removeDatabase = await prepareEnvironment(fixture);
  try {
    const booted = await bootStrapi({
      appDir: ROOT,
      // One port for the whole file, so absolute URLs (feed links, ETags) stay the same.
      serveHttp: { host: '127.0.0.1', port: 0 },
      // Quiet by default; TEST_LOG_LEVEL=http shows every request.
      logLevel: process.env.TEST_LOG_LEVEL ?? 'warn',
      serveAdminPanel: admin,
    });
    const stop = async () => {
      await booted.stop();
      await removeDatabase();
    };
    return { strapi: booted.strapi, server: booted.server, stop };
  } catch (error) {
    await removeDatabase().catch(() => undefined);
    throw error;
  }
}

/** Row counts of the newsroom's tables, to prove that a refused write changed nothing. */
export async function rowCounts(strapi: Core.Strapi): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const uid of [
    'plugin::newsroom.article',
    'plugin::newsroom.quote',
    'plugin::newsroom.source',
    'newsroom.credit',
  ]) {
    counts[uid] = await strapi.db.query(uid as never).count();
  }
  return counts;
}

/** A full-access or read-only API token for REST calls. */
export async function apiToken(strapi: Core.Strapi, type: 'full-access' | 'read-only'): Promise<string> {
  const token = await strapi
    .service('admin::api-token')
    .create({ name: `test-${type}-${randomBytes(4).toString('hex')}`, type, lifespan: null, permissions: [] });
  return token.accessKey;
}

/** Strapi's built-in admin roles: super admin, Editor (every entry) and Author (own entries only). */
export type AdminRole = 'strapi-super-admin' | 'strapi-editor' | 'strapi-author';

/** An admin of that role and the bearer token the admin panel would use for the Content Manager. */
export async function adminToken(
  strapi: Core.Strapi,
  server: import('http').Server,
  role: AdminRole = 'strapi-super-admin',
): Promise<string> {
  const email = `${role}-${randomBytes(4).toString('hex')}@newsroom.test`;
  const password = `Aa1-${randomBytes(12).toString('hex')}`;
  const { id } = await strapi.db.query('admin::role').findOne({ where: { code: role } });
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Editor',
    password,
    isActive: true,
    registrationToken: null,
    roles: [id],
  });
  const { default: request } = await import('supertest');
  const response = await request(server).post('/admin/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token;
}

/** The documentId of the Source with this slug. */
/** The credits every published article needs here: Pakistan Point News distributes, Sputnik originates. */
export async function requiredCredits(strapi: Core.Strapi): Promise<Array<{ role: string; source: string }>> {
  return [
    { role: 'distributor', source: await sourceId(strapi, 'pakistan-point-news') },
    { role: 'originator', source: await sourceId(strapi, 'sputnik') },
  ];
}

export async function sourceId(strapi: Core.Strapi, slug: string): Promise<string> {
  const source = await strapi.documents('plugin::newsroom.source').findFirst({ filters: { slug } } as never);
  if (!source) throw new Error(`no Source with slug ${slug}`);
  return source.documentId;
}
