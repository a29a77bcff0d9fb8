// Guards for the few places that reach into Strapi internals
// (src/plugins/newsroom/server/src/utils/strapi-internals/): each test fails, naming the internal,
// when an upgrade of Strapi changes what the code relies on. The component registry and the internal
// migrations are guarded by tests/api/upgrade-from-app-database.test.ts (credits and permissions
// survive the move), the error classes by tests/plugin/foreign-app.test.ts (a refusal is a 400 in
// another app).
import request from 'supertest';
import {
  adminToken,
  apiToken,
  newsroomService,
  startStrapi,
  testDatabaseClient,
  type TestApp,
} from '../helpers/strapi';
import {
  coreStoreWhere,
  updateStoredObject,
  type StoreAddress,
} from '../../src/plugins/newsroom/server/src/utils/strapi-internals/core-store-row';
import { viewConfiguration } from '../../src/plugins/newsroom/server/src/utils/strapi-internals/content-manager-configuration';
import {
  API_TOKEN_SERVICE,
  API_TOKEN_STRATEGIES,
  apiTokenType,
  identifyBearer,
} from '../../src/plugins/newsroom/server/src/utils/strapi-internals/authentication';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('the core store row format (core-store-row.ts)', () => {
  const address: StoreAddress = { type: 'plugin', name: 'newsroom', key: 'internals-probe' };
  const publicStore = () => app.strapi.store({ type: address.type, name: address.name });

  test('the row strapi.store().set writes is the one coreStoreWhere names', async () => {
    await publicStore().set({ key: address.key, value: { written: 'by strapi.store' } });
    const row = await app.strapi.db.query('strapi::core-store').findOne({ where: coreStoreWhere(address) });
    expect(row).toMatchObject({ type: 'object', value: JSON.stringify({ written: 'by strapi.store' }) });
  });

  test('what updateStoredObject writes is what strapi.store().get reads', async () => {
    expect(await updateStoredObject(app.strapi, address, { written: 'in one UPDATE', n: 2 })).toBe(true);
    expect(await publicStore().get({ key: address.key })).toEqual({ written: 'in one UPDATE', n: 2 });
  });

  test('updateStoredObject creates nothing when the row is missing', async () => {
    const missing = { ...address, key: 'internals-probe-missing' };
    expect(await updateStoredObject(app.strapi, missing, { never: true })).toBe(false);
    expect(await publicStore().get({ key: missing.key })).toBeNull();
  });

  test('the content version changes on touch and is read back through strapi.store()', async () => {
    const contentVersion = newsroomService(app.strapi, 'contentVersion');
    const before = await contentVersion.read();
    await contentVersion.touch();
    const after = await contentVersion.read();
    expect(after.tag).not.toBe(before.tag);
    expect(await publicStore().get({ key: 'content-version' })).toEqual(after);
  });
});

describe("the Content Manager's configuration services (content-manager-configuration.ts)", () => {
  const views = [
    { uid: 'plugin::newsroom.article', component: false, field: 'title' },
    { uid: 'plugin::newsroom.quote', component: false, field: 'speaker' },
    { uid: 'plugin::newsroom.source', component: false, field: 'name' },
    { uid: 'newsroom.credit', component: true, field: 'role' },
  ];

  test.each(views)('$uid: the service reads settings, metadatas (edit, list) and a list layout', async (view) => {
    const configuration = await viewConfiguration(app.strapi, view.uid, view.component).read();
    expect(configuration.settings).toEqual(expect.objectContaining({ mainField: expect.any(String) }));
    expect(configuration.metadatas[view.field]).toEqual(
      expect.objectContaining({ edit: expect.any(Object), list: expect.any(Object) }),
    );
    expect(configuration.layouts.list).toEqual(expect.any(Array));
  });

  test('what the bootstrap wrote through the service is what the admin panel reads', async () => {
    const admin = await adminToken(app.strapi, app.server);
    const get = (url: string) => request(app.server).get(url).set('Authorization', `Bearer ${admin}`).expect(200);
    const article = (await get('/content-manager/content-types/plugin::newsroom.article/configuration')).body.data
      .contentType;
    expect(article.settings.mainField).toBe('title');
    expect(article.metadatas.dateline.edit.editable).toBe(false);
    expect(article.metadatas.title.edit.label).toBe('Title');
    expect(article.metadatas.title.list.label).toBe('Title');
    // Laid out for writing: the body alone on its row, the derived fields out of the form.
    const rows: Array<Array<{ name: string; size: number }>> = article.layouts.edit;
    expect(rows.find((row) => row.some((field) => field.name === 'body'))).toEqual([{ name: 'body', size: 12 }]);
    expect(rows.flat().map((field) => field.name)).toEqual(expect.arrayContaining(['title', 'credits', 'quotes']));
    for (const derived of ['slug', 'dateline', 'lang', 'dir']) {
      expect(rows.flat().map((field) => field.name)).not.toContain(derived);
      expect(article.metadatas[derived].edit.editable).toBe(false);
    }
    expect(article.metadatas.quotes.edit.mainField).toBe('text');
    expect(article.layouts.list).toEqual(['title', 'dispatchDate', 'credits']);
    const credit = (await get('/content-manager/components/newsroom.credit/configuration')).body.data.component;
    expect(credit.settings.mainField).toBe('role');
    expect(credit.metadatas.source.edit).toMatchObject({ mainField: 'name', label: 'Source' });
  });

  test('writing through the service changes what it reads back', async () => {
    const views = viewConfiguration(app.strapi, 'plugin::newsroom.source');
    const original = await views.read();
    const label = `probe ${Date.now()}`;
    try {
      const changed = structuredClone(original);
      changed.metadatas.nameLatin.edit.label = label;
      await views.write({ settings: changed.settings, metadatas: changed.metadatas, layouts: changed.layouts });
      expect((await views.read()).metadatas.nameLatin.edit.label).toBe(label);
    } finally {
      await views.write({ settings: original.settings, metadatas: original.metadatas, layouts: original.layouts });
    }
  });

  test("a new layout version replaces version 1's glued labels and keeps an administrator's own", async () => {
    const views = viewConfiguration(app.strapi, 'plugin::newsroom.article');
    const store = app.strapi.store({ type: 'plugin', name: 'newsroom' });
    const original = await views.read();
    try {
      const older = structuredClone(original);
      older.metadatas.body.edit.label = 'Body · النص';
      older.metadatas.title.edit.label = 'Headline (desk style)';
      await views.write({ settings: older.settings, metadatas: older.metadatas, layouts: older.layouts });
      await store.set({ key: 'admin-views', value: 1 });
      await newsroomService(app.strapi, 'adminViews').configure();
      const after = await views.read();
      expect(after.metadatas.body.edit.label).toBe('Body');
      expect(after.metadatas.title.edit.label).toBe('Headline (desk style)');
      expect(await store.get({ key: 'admin-views' })).toBe(7);
    } finally {
      await views.write({ settings: original.settings, metadatas: original.metadatas, layouts: original.layouts });
    }
  });
});

describe("Strapi's authentication (authentication.ts)", () => {
  /** Authenticate a bearer token the way Strapi does for a content-API route; ctx.state.auth. */
  async function contentApiAuth(token: string): Promise<unknown> {
    const ctx = {
      state: { route: { info: { type: 'content-api' }, config: {} } } as Record<string, unknown>,
      request: { header: { authorization: `Bearer ${token}` } },
      get: (name: string) => (name.toLowerCase() === 'authorization' ? `Bearer ${token}` : ''),
      unauthorized: (error: unknown) => {
        throw new Error(`unauthorized: ${String(error)}`);
      },
    };
    await app.strapi.get('auth').authenticate(ctx, async () => undefined);
    return ctx.state.auth;
  }

  test.each(['full-access', 'read-only'] as const)(
    'a %s API token is authenticated by a strategy named as API_TOKEN_STRATEGIES expects',
    async (type) => {
      const auth = (await contentApiAuth(await apiToken(app.strapi, type))) as {
        strategy: { name: string };
        credentials: { type: string };
      };
      expect([...API_TOKEN_STRATEGIES]).toContain(auth.strategy.name);
      expect(auth.credentials.type).toBe(type);
      expect(apiTokenType(auth)).toBe(type);
    },
  );

  test('the verifiers identifyBearer calls exist with the methods it uses', () => {
    const tokens = app.strapi.service(API_TOKEN_SERVICE as never) as Record<string, unknown>;
    expect(typeof tokens?.hash).toBe('function');
    expect(typeof tokens?.getByAccessKey).toBe('function');
    expect(typeof app.strapi.sessionManager('admin').validateAccessToken).toBe('function');
    const jwt = app.strapi.plugin('users-permissions')?.service('jwt') as Record<string, unknown>;
    expect(typeof jwt?.verify).toBe('function');
  });

  test('identifyBearer knows an API token, an admin access token and a reader JWT, and refuses a forged one', async () => {
    const token = await apiToken(app.strapi, 'read-only');
    expect(await identifyBearer(app.strapi, token)).toMatch(/^token:\d+$/);
    expect(await identifyBearer(app.strapi, await adminToken(app.strapi, app.server))).toMatch(/^admin:\d+$/);
    const reader = await (app.strapi.plugin('users-permissions').service('jwt') as any).issue({ id: 4242 });
    expect(await identifyBearer(app.strapi, reader)).toBe('user:4242');
    expect(await identifyBearer(app.strapi, `${token.slice(0, -4)}abcd`)).toBeNull();
  });
});

describe('the boot lock (public knex API: a transaction on strapi.db.connection)', () => {
  const onPostgres = testDatabaseClient() === 'postgres' ? test : test.skip;

  onPostgres('is held by a session of its own until released, then free', async () => {
    const held = async () =>
      Number(
        (
          await app.strapi.db.connection.raw(
            "select count(*) as n from pg_locks where locktype = 'advisory' and granted and classid = 0 and " +
              'objid = ? and database = (select oid from pg_database where datname = current_database())',
            [0x6e657773 + 1],
          )
        ).rows[0].n,
      );
    const before = await held();
    const bootLock = newsroomService(app.strapi, 'bootLock');
    await bootLock.acquire();
    try {
      expect(await held()).toBe(before + 1);
    } finally {
      await bootLock.release();
    }
    expect(await held()).toBe(before);
  });
});
