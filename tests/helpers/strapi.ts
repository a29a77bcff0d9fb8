// Boot the real Strapi on a throwaway database, once per test file, and stop it afterwards.
import { randomBytes } from 'crypto';
import { rmSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';

const ROOT = path.resolve(__dirname, '..', '..');
const SECRETS = ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

export interface TestApp {
  strapi: Core.Strapi;
  server: import('http').Server;
  stop: () => Promise<void>;
}

function prepareEnvironment(): string {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.NODE_ENV = 'test';
  process.env.HOST = '127.0.0.1';
  process.env.APP_KEYS ??= [1, 2].map(() => randomBytes(16).toString('base64')).join(',');
  for (const name of SECRETS) process.env[name] ??= randomBytes(16).toString('base64');
  process.env.DATABASE_CLIENT = 'sqlite';
  const file = path.join(
    os.tmpdir(),
    `newsroom-test-${process.pid}-${Date.now()}-${randomBytes(3).toString('hex')}.db`,
  );
  process.env.DATABASE_FILENAME = file;
  return file;
}

export async function startStrapi({ admin = false }: { admin?: boolean } = {}): Promise<TestApp> {
  const databaseFile = prepareEnvironment();
  // Loaded lazily so unit suites never pay for Strapi.
  const { createStrapi } = await import('@strapi/strapi');
  const instance = createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: admin,
  } as never);
  // Quiet by default; TEST_LOG_LEVEL=http shows every request.
  for (const transport of instance.log.transports) transport.level = process.env.TEST_LOG_LEVEL ?? 'warn';
  const stop = async () => {
    await settled(instance);
    await instance.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(databaseFile + suffix, { force: true });
  };
  try {
    await instance.load();
    await instance.server.mount();
    // One port for the whole file, so absolute URLs (feed links, ETags) stay the same.
    await new Promise<void>((resolve) => instance.server.httpServer.listen(0, '127.0.0.1', resolve));
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { strapi: instance, server: instance.server.httpServer, stop };
}

// Strapi emits entry events after commit without awaiting them; let them finish before destroy.
async function settled(strapi: Core.Strapi): Promise<void> {
  const pool = (strapi.db?.connection as any)?.client?.pool;
  for (let round = 0; pool && round < 200; round += 1) {
    if (pool.numUsed() === 0 && pool.numPendingAcquires() === 0 && pool.numPendingCreates() === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Row counts of the newsroom's tables, to prove that a refused write changed nothing. */
export async function rowCounts(strapi: Core.Strapi): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const uid of ['api::article.article', 'api::quote.quote', 'api::source.source', 'newsroom.credit']) {
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

/** A super admin and the bearer token the admin panel would use for the Content Manager. */
export async function adminToken(strapi: Core.Strapi, server: import('http').Server): Promise<string> {
  const email = `editor-${randomBytes(4).toString('hex')}@newsroom.test`;
  const password = `Aa1-${randomBytes(12).toString('hex')}`;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Editor',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const { default: request } = await import('supertest');
  const response = await request(server).post('/admin/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token;
}

/** The documentId of the Source with this slug. */
export async function sourceId(strapi: Core.Strapi, slug: string): Promise<string> {
  const source = await strapi.documents('api::source.source').findFirst({ filters: { slug } } as never);
  if (!source) throw new Error(`no Source with slug ${slug}`);
  return source.documentId;
}
