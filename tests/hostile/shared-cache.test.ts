// The response cache is shared by every anonymous reader: nothing one reader sends may choose what
// the next one gets, a revoked permission stops what it allowed at once, and the memory the cache
// holds is the memory it counts. Through the real server.
import request from 'supertest';
import { adminToken, apiToken, newsroomService, requiredCredits, startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let editor: string;
let superAdmin: string;
let fullAccess: string;

beforeAll(async () => {
  app = await startStrapi();
  [editor, superAdmin, fullAccess] = await Promise.all([
    adminToken(app.strapi, app.server, 'strapi-editor'),
    adminToken(app.strapi, app.server),
    apiToken(app.strapi, 'full-access'),
  ]);
});
afterAll(async () => {
  await app?.stop();
});

const anonymous = (path: string) => request(app.server).get(path);
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;

/** A published write moves the content version: every cached answer is cold again. */
async function publishSomething(title: string): Promise<void> {
  await request(app.server)
    .post('/api/articles')
    .set('Authorization', `Bearer ${fullAccess}`)
    .send({ data: { title, body: '<p>نص.</p>', credits: await requiredCredits(app.strapi) } })
    .expect(201);
}

describe('headers that make Strapi render another answer do not reach other readers', () => {
  const PATHS = ['/api/articles', '/api/quotes', '/api/sources?sort=slug', '/api/articles?populate[credits]=true'];

  test('Strapi-Response-Format: v4 on a cold cache: the next plain reader gets the v5 shape', async () => {
    await publishSomething('خبر قبل محاولة تسميم الذاكرة');
    for (const path of PATHS) {
      const poisoned = await anonymous(path).set('Strapi-Response-Format', 'v4').expect(200);
      // Strapi did render the v4 shape for the one who asked…
      expect(poisoned.body.data[0]).toHaveProperty('attributes');
      expect(poisoned.headers['x-cache']).toBeUndefined();
      // …and every plain reader after gets the plain answer, first and from the cache.
      for (let reader = 0; reader < 2; reader += 1) {
        const plain = await anonymous(path).expect(200);
        expect({ path, attributes: plain.body.data[0].attributes }).toEqual({ path, attributes: undefined });
        expect(plain.body.data[0].documentId).toEqual(expect.any(String));
      }
    }
  });

  test('strapi-encode-source-maps: true on a cold cache: the next plain reader gets clean text', async () => {
    await publishSomething('خبر قبل محاولة ثانية');
    const path = '/api/articles?sort=id';
    const laced = await anonymous(path).set('strapi-encode-source-maps', 'true').expect(200);
    const plain = await anonymous(path).expect(200);
    const again = await anonymous(path).expect(200);
    expect(again.headers['x-cache']).toBe('HIT');
    for (const answer of [plain, again]) {
      expect(ZERO_WIDTH.test(answer.text)).toBe(false);
      expect(answer.text.length).toBeLessThan(laced.text.length);
    }
  });

  test('the header names are matched in any letter case and with any value', async () => {
    await publishSomething('خبر ثالث');
    for (const [name, value] of [
      ['STRAPI-RESPONSE-FORMAT', 'v4'],
      ['Strapi-Encode-Source-Maps', 'TRUE'],
      ['strapi-response-format', 'v5'],
    ]) {
      const answer = await anonymous('/api/articles').set(name, value).expect(200);
      expect(answer.headers['x-cache']).toBeUndefined();
    }
    expect((await anonymous('/api/articles').expect(200)).headers['x-cache']).toBe('MISS');
  });
});

describe('a revoked permission stops the cached answers it allowed', () => {
  interface RoleAction {
    enabled: boolean;
  }
  type Permissions = Record<string, { controllers: Record<string, Record<string, RoleAction>> }>;

  async function publicRole(): Promise<{ id: number; permissions: Permissions }> {
    const roles = await request(app.server)
      .get('/users-permissions/roles')
      .set('Authorization', `Bearer ${superAdmin}`)
      .expect(200);
    const { id } = roles.body.roles.find((role: { type: string }) => role.type === 'public');
    const role = await request(app.server)
      .get(`/users-permissions/roles/${id}`)
      .set('Authorization', `Bearer ${superAdmin}`)
      .expect(200);
    return { id, permissions: role.body.role.permissions };
  }

  async function setQuoteFind(enabled: boolean): Promise<void> {
    const { id, permissions } = await publicRole();
    permissions['plugin::newsroom'].controllers.quote.find.enabled = enabled;
    await request(app.server)
      .put(`/users-permissions/roles/${id}`)
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({ name: 'Public', description: 'Default role given to unauthenticated user.', permissions })
      .expect(200);
  }

  test('revoking the Public role’s quote.find in Settings: the cached list answers 403 at once', async () => {
    await anonymous('/api/quotes').expect(200);
    expect((await anonymous('/api/quotes').expect(200)).headers['x-cache']).toBe('HIT');
    const before = await newsroomService(app.strapi, 'contentVersion').read();
    await setQuoteFind(false);
    try {
      // The version every instance reads moved: no instance serves the cached answer.
      expect((await newsroomService(app.strapi, 'contentVersion').read()).tag).not.toBe(before.tag);
      const revoked = await anonymous('/api/quotes');
      expect(revoked.status).toBe(403);
      expect(revoked.body.data).toBeNull();
      expect((await anonymous('/api/quotes')).status).toBe(403);
      // Other grants still answer.
      await anonymous('/api/sources').expect(200);
    } finally {
      await setQuoteFind(true);
    }
    await anonymous('/api/quotes').expect(200);
  });

  test('an Editor without the Users & Permissions settings cannot revoke or grant anything', async () => {
    const { id, permissions } = await publicRole();
    const response = await request(app.server)
      .put(`/users-permissions/roles/${id}`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ name: 'Public', permissions });
    expect(response.status).toBe(403);
  });
});

describe('the memory bound counts what the cache holds', () => {
  test('compressed answers keep only their own bytes: what is held equals what is counted', async () => {
    await publishSomething('خبر لقياس الذاكرة');
    const distinct = 200;
    for (let index = 0; index < distinct; index += 1) {
      // A compressible answer of a few KB each, at its own key.
      const answer = await anonymous(`/api/articles?filters[title][$ne]=probe-${index}`)
        .set('Accept-Encoding', 'gzip, br')
        .expect(200);
      expect(answer.headers['content-encoding']).toMatch(/gzip|br/);
    }
    const maxBytes = Number(app.strapi.config.get('plugin::newsroom.responseCache.maxBytes'));
    const lru = newsroomService(app.strapi, 'responseCache').cache(maxBytes).lru;
    let held = 0;
    let compressed = 0;
    for (const entry of lru.values()) {
      for (const representation of Object.values(entry.representations)) {
        if (!representation) continue;
        // The whole allocation a stored Buffer keeps alive, not only its visible length.
        held += representation.bytes.buffer.byteLength;
        if (representation !== entry.representations.identity) compressed += 1;
      }
    }
    expect(compressed).toBeGreaterThanOrEqual(distinct * 2);
    expect(held).toBeLessThanOrEqual(lru.stats().bytes);
  });
});
