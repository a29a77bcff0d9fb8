// Edges of the hostile suite: which origins may use an editor's session (CORS), and how much a
// caller without an Authorization header can make the server read before it is authenticated.
import { randomBytes } from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { adminOrigins } from '../../src/host/admin-origins';
import { noisePng } from '../../src/plugins/newsroom/tests/helpers/png';
import { apiToken, sourceId, startStrapi, type TestApp } from '../helpers/strapi';

// The configured port, which names the development origins; the test server listens elsewhere.
const PORT = 1337;
const ADMIN_ORIGIN = 'https://newsroom.example';
const DESK_ORIGIN = 'https://desk.newsroom.example';
// Same site as the admin, so a browser would send it the SameSite=Lax refresh cookie.
const FOREIGN_ORIGIN = 'https://comments.newsroom.example';
const PARTNER_ORIGIN = 'https://partner.example';
const TEST_ENV: Record<string, string> = {
  PUBLIC_URL: `${ADMIN_ORIGIN}/`,
  CORS_ORIGINS: ` ${DESK_ORIGIN}/ ,`,
  PORT: String(PORT),
  NEWSROOM_ANONYMOUS_BODY_LIMIT: String(64 * 1024),
};
const REFRESH_COOKIE = 'strapi_admin_refresh';
const ANONYMOUS_LIMIT =
  /^request: a request without a valid Authorization header may carry at most 64 KB \(65536 bytes\)/;
const ANONYMOUS_UPLOAD = /^request: uploads need a valid Authorization header/;
const NEWSROOM_BODY_LIMIT = /^body: is \d+ bytes, over the limit of \d+; split the article\./;

let app: TestApp;
let fullAccess: string;
let credits: { role: string; source: string }[];
const savedEnv: Record<string, string | undefined> = {};

interface EditorSession {
  token: string;
  /** The refresh cookie pair(s) to send back; Strapi rotates them on every /admin/access-token. */
  cookie: string;
}
let editor: EditorSession;

/** Whether the app began reading each probed request's body, by its X-Edges-Probe header. */
const bodyRead = new Map<string, boolean>();
let probes = 0;
const nextProbe = () => `probe-${(probes += 1)}`;

function watchBodyReads(server: http.Server): void {
  server.prependListener('request', (req: http.IncomingMessage) => {
    const probe = req.headers['x-edges-probe'];
    if (typeof probe !== 'string') return;
    bodyRead.set(probe, false);
    // Every body parser (raw-body, formidable, a pipe) starts by listening for 'data' or 'readable'.
    req.on('newListener', (event) => {
      if (event === 'data' || event === 'readable') bodyRead.set(probe, true);
    });
  });
}

const varyOf = (response: { headers: Record<string, unknown> }) =>
  String(response.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/);

function refreshCookieOf(response: request.Response): string {
  const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const pairs = lines.map((line) => line.split(';')[0]).filter((pair) => pair.startsWith(REFRESH_COOKIE));
  if (!pairs.some((pair) => pair.startsWith(`${REFRESH_COOKIE}=`) && pair.length > REFRESH_COOKIE.length + 1)) {
    throw new Error(`no ${REFRESH_COOKIE} cookie in Set-Cookie: ${JSON.stringify(lines)}`);
  }
  return pairs.join('; ');
}

/** A super admin logged in like the admin panel does: its access token and its refresh cookie. */
async function signIn(): Promise<EditorSession> {
  const email = `edges-${randomBytes(4).toString('hex')}@newsroom.test`;
  const password = `Aa1-${randomBytes(12).toString('hex')}`;
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Edges',
    lastname: 'Editor',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const response = await request(app.server).post('/admin/login').set('Origin', ADMIN_ORIGIN).send({ email, password });
  if (response.status !== 200) throw new Error(`admin login: ${response.status} ${response.text.slice(0, 300)}`);
  return { token: response.body.data.token, cookie: refreshCookieOf(response) };
}

/** POST /admin/access-token with the current refresh cookie, keeping the rotated one. */
async function renewAccessToken(session: EditorSession, origin: string): Promise<request.Response> {
  const response = await request(app.server)
    .post('/admin/access-token')
    .set('Origin', origin)
    .set('Cookie', session.cookie)
    .send({});
  if (response.status === 200) session.cookie = refreshCookieOf(response);
  return response;
}

/** A POST whose body Node sends chunked, without Content-Length. */
function postChunked(path: string, chunks: string[], probe: string) {
  const { port } = app.server.address() as AddressInfo;
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'X-Edges-Probe': probe },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text || 'null') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

describe('the admin origins, from the configuration', () => {
  test('PUBLIC_URL’s origin, localhost in development and test, CORS_ORIGINS; never a wildcard', () => {
    const settings = { publicUrl: '', port: 1337, nodeEnv: 'production', extra: '' };
    expect(adminOrigins(settings)).toEqual([]);
    expect(adminOrigins({ ...settings, publicUrl: 'https://News.Example/cms/' })).toEqual(['https://news.example']);
    expect(adminOrigins({ ...settings, publicUrl: '/cms' })).toEqual([]);
    expect(
      adminOrigins({
        ...settings,
        nodeEnv: 'development',
        port: 80,
        extra: 'https://desk.example:8443/, http://x.test',
      }),
    ).toEqual(['http://127.0.0.1', 'http://localhost', 'https://desk.example:8443', 'http://x.test']);
    for (const extra of ['*', 'desk.example', 'null', 'ftp://desk.example']) {
      expect(() => adminOrigins({ ...settings, extra })).toThrow(/^CORS_ORIGINS: ".*" is not an http\(s\) origin/);
    }
  });
});

// One Strapi for the HTTP sections, with the admin origins these tests name.
describe('over HTTP', () => {
  beforeAll(async () => {
    for (const [name, value] of Object.entries(TEST_ENV)) {
      savedEnv[name] = process.env[name];
      process.env[name] = value;
    }
    app = await startStrapi();
    watchBodyReads(app.server);
    const [token, sputnik, ppn] = await Promise.all([
      apiToken(app.strapi, 'full-access'),
      sourceId(app.strapi, 'sputnik'),
      sourceId(app.strapi, 'pakistan-point-news'),
    ]);
    fullAccess = token;
    credits = [
      { role: 'originator', source: sputnik },
      { role: 'distributor', source: ppn },
    ];
    editor = await signIn();
  });

  afterAll(async () => {
    await app?.stop();
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  describe('CORS: credentials only for the admin’s own origins', () => {
    test('POST /admin/access-token with a valid refresh cookie: no grant to a foreign same-site origin; the admin origins get theirs', async () => {
      const before = editor.cookie;
      const foreign = await renewAccessToken(editor, FOREIGN_ORIGIN);
      // The cookie is good, but a page of another site may not use it: refused before it is read,
      // so the session is not rotated either.
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.details.rule).toBe('cross-site-cookie');
      expect(foreign.headers['set-cookie']).toBeUndefined();
      expect(editor.cookie).toBe(before);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expect(foreign.headers['access-control-allow-credentials']).toBeUndefined();
      expect(varyOf(foreign)).toContain('origin');

      for (const origin of [ADMIN_ORIGIN, DESK_ORIGIN, `http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`]) {
        const own = await renewAccessToken(editor, origin);
        expect([origin, own.status]).toEqual([origin, 200]);
        expect(typeof own.body.data.token).toBe('string');
        expect(own.headers['access-control-allow-origin']).toBe(origin);
        expect(own.headers['access-control-allow-credentials']).toBe('true');
        expect(varyOf(own)).toContain('origin');
      }
    });

    test('preflights and requests from a foreign origin to admin routes are not allowed; the admin’s own preflight is', async () => {
      const adminPaths = [
        '/admin/access-token',
        '/admin/login',
        '/admin/users/me',
        '/content-manager/collection-types/plugin::newsroom.article',
        '/upload',
      ];
      for (const path of adminPaths) {
        const preflight = await request(app.server)
          .options(path)
          .set('Origin', FOREIGN_ORIGIN)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'authorization,content-type');
        expect([path, preflight.headers['access-control-allow-origin']]).toEqual([path, undefined]);
        expect([path, preflight.headers['access-control-allow-credentials']]).toEqual([path, undefined]);
        expect([path, preflight.headers['access-control-allow-methods']]).toEqual([path, undefined]);
        expect([path, varyOf(preflight)]).toEqual([path, expect.arrayContaining(['origin'])]);
      }
      const read = await request(app.server)
        .get('/content-manager/collection-types/plugin::newsroom.article')
        .set('Origin', FOREIGN_ORIGIN)
        .set('Authorization', `Bearer ${editor.token}`);
      expect(read.status).toBe(200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
      expect(read.headers['access-control-allow-credentials']).toBeUndefined();

      const own = await request(app.server)
        .options('/admin/access-token')
        .set('Origin', DESK_ORIGIN)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type');
      expect(own.status).toBe(204);
      expect(own.headers['access-control-allow-origin']).toBe(DESK_ORIGIN);
      expect(own.headers['access-control-allow-credentials']).toBe('true');
    });

    test('/api/articles: any origin gets *, never credentials, with Vary: Origin; the admin’s origin keeps its own grant', async () => {
      for (const origin of [FOREIGN_ORIGIN, PARTNER_ORIGIN, 'null']) {
        const response = await request(app.server).get('/api/articles').set('Origin', origin);
        expect([origin, response.status]).toEqual([origin, 200]);
        expect([origin, response.headers['access-control-allow-origin']]).toEqual([origin, '*']);
        expect([origin, response.headers['access-control-allow-credentials']]).toEqual([origin, undefined]);
        expect([origin, varyOf(response)]).toEqual([origin, expect.arrayContaining(['origin'])]);
      }
      // A partner's tool with an API token: a bearer header needs no credentials.
      const withToken = await request(app.server)
        .get('/api/articles')
        .set('Origin', PARTNER_ORIGIN)
        .set('Authorization', `Bearer ${fullAccess}`);
      expect(withToken.status).toBe(200);
      expect(withToken.headers['access-control-allow-origin']).toBe('*');
      expect(withToken.headers['access-control-allow-credentials']).toBeUndefined();
      // A refusal keeps the grant, so the page can read why.
      const refused = await request(app.server).get('/api/articles?status=bogus').set('Origin', PARTNER_ORIGIN);
      expect(refused.status).toBe(400);
      expect(refused.headers['access-control-allow-origin']).toBe('*');

      const preflight = await request(app.server)
        .options('/api/articles')
        .set('Origin', PARTNER_ORIGIN)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toMatch(/\bPOST\b/);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/\bAuthorization\b/);
      expect(varyOf(preflight)).toContain('origin');

      const own = await request(app.server).get('/api/articles').set('Origin', ADMIN_ORIGIN);
      expect(own.headers['access-control-allow-origin']).toBe(ADMIN_ORIGIN);
      expect(own.headers['access-control-allow-credentials']).toBe('true');
      expect(varyOf(own)).toContain('origin');
    });

    test('/api/syndication/rss keeps Vary: Origin, on 200 and on 304', async () => {
      const feed = await request(app.server).get('/api/syndication/rss').set('Origin', PARTNER_ORIGIN);
      expect(feed.status).toBe(200);
      expect(feed.headers['access-control-allow-origin']).toBe('*');
      expect(varyOf(feed)).toContain('origin');
      const revalidated = await request(app.server)
        .get('/api/syndication/rss')
        .set('Origin', PARTNER_ORIGIN)
        .set('If-None-Match', String(feed.headers.etag));
      expect(revalidated.status).toBe(304);
      expect(varyOf(revalidated)).toContain('origin');
    });
  });

  describe('bodies from callers without an Authorization header', () => {
    const twoMegabyteArticle = () =>
      JSON.stringify({ data: { title: 'خبر طويل', credits, body: `<p>${'ب'.repeat(1024 * 1024)}</p>` } });

    test('a 2 MB JSON body is refused 413 unread on /api/articles and /api/auth/local; with an API token it is parsed as today', async () => {
      const article = twoMegabyteArticle();
      expect(Buffer.byteLength(article)).toBeGreaterThan(2 * 1024 * 1024);
      const login = JSON.stringify({ identifier: 'nobody@newsroom.test', password: 'x'.repeat(2 * 1024 * 1024) });
      for (const [path, body] of [
        ['/api/articles', article],
        ['/api/auth/local', login],
      ]) {
        const probe = nextProbe();
        const response = await request(app.server)
          .post(path)
          .set('Origin', PARTNER_ORIGIN)
          .set('X-Edges-Probe', probe)
          .set('Content-Type', 'application/json')
          .send(body);
        expect([path, response.status]).toEqual([path, 413]);
        expect(response.body).toEqual({
          data: null,
          error: {
            status: 413,
            name: 'PayloadTooLargeError',
            message: expect.stringMatching(ANONYMOUS_LIMIT),
            details: { rule: 'anonymous-body-limit', limit: 65536, length: Buffer.byteLength(body) },
          },
        });
        expect(response.body.error.message).toMatch(/65536 بايت/);
        expect([path, bodyRead.get(probe)]).toEqual([path, false]);
        // A browser page can still read why it was refused.
        expect(response.headers['access-control-allow-origin']).toBe('*');
      }

      // A made-up token proves no one: its body is refused unread like an anonymous one.
      const forgedProbe = nextProbe();
      const forged = await request(app.server)
        .post('/api/articles')
        .set('Authorization', `Bearer ${'f'.repeat(64)}`)
        .set('X-Edges-Probe', forgedProbe)
        .set('Content-Type', 'application/json')
        .send(article);
      expect(forged.status).toBe(413);
      expect(forged.body.error.details.rule).toBe('anonymous-body-limit');
      expect(bodyRead.get(forgedProbe)).toBe(false);

      const probe = nextProbe();
      const signed = await request(app.server)
        .post('/api/articles')
        .set('Authorization', `Bearer ${fullAccess}`)
        .set('X-Edges-Probe', probe)
        .set('Content-Type', 'application/json')
        .send(article);
      expect(signed.status).toBe(413);
      expect(signed.body.error.message).toMatch(NEWSROOM_BODY_LIMIT);
      expect(signed.body.error.message).not.toMatch(ANONYMOUS_LIMIT);
      expect(bodyRead.get(probe)).toBe(true);
    });

    test('the limit is exact; an anonymous upload or chunked body is refused unread; login, access-token and admin uploads work', async () => {
      const padded = (bytes: number) => {
        const shell = JSON.stringify({ identifier: 'nobody@newsroom.test', password: '' });
        return JSON.stringify({ identifier: 'nobody@newsroom.test', password: 'x'.repeat(bytes - shell.length) });
      };
      const atLimit = nextProbe();
      const fits = await request(app.server)
        .post('/api/auth/local')
        .set('X-Edges-Probe', atLimit)
        .set('Content-Type', 'application/json')
        .send(padded(65536));
      // Read and answered by users-permissions: wrong credentials, not a size refusal.
      expect(fits.status).toBe(400);
      expect(fits.body.error.message).not.toMatch(ANONYMOUS_LIMIT);
      expect(bodyRead.get(atLimit)).toBe(true);
      const over = await request(app.server)
        .post('/api/auth/local')
        .set('Content-Type', 'application/json')
        .send(padded(65537));
      expect(over.status).toBe(413);
      expect(over.body.error.message).toMatch(ANONYMOUS_LIMIT);

      const uploadProbe = nextProbe();
      const upload = await request(app.server)
        .post('/api/upload')
        .set('X-Edges-Probe', uploadProbe)
        .attach('files', Buffer.from('a small file'), { filename: 'note.txt', contentType: 'text/plain' });
      expect(upload.status).toBe(413);
      expect(upload.body.error).toEqual(
        expect.objectContaining({
          status: 413,
          name: 'PayloadTooLargeError',
          message: expect.stringMatching(ANONYMOUS_UPLOAD),
        }),
      );
      expect(bodyRead.get(uploadProbe)).toBe(false);

      const chunkedProbe = nextProbe();
      const chunked = await postChunked(
        '/api/auth/local',
        ['{"identifier":', '"nobody@newsroom.test","password":"x"}'],
        chunkedProbe,
      );
      expect(chunked.status).toBe(411);
      expect(chunked.json.error).toEqual(
        expect.objectContaining({
          status: 411,
          name: 'LengthRequiredError',
          message: expect.stringMatching(/Content-Length, at most 64 KB/),
        }),
      );
      expect(bodyRead.get(chunkedProbe)).toBe(false);

      // The admin panel's own anonymous calls are small: login, then the cookie-only token renewal.
      const session = await signIn();
      expect(session.token).toEqual(expect.any(String));
      const renewed = await renewAccessToken(session, ADMIN_ORIGIN);
      expect(renewed.status).toBe(200);
      // Its uploads carry Authorization and keep today's limits.
      const stored = await request(app.server)
        .post('/upload')
        .set('Authorization', `Bearer ${session.token}`)
        .attach('files', noisePng(256 * 1024), { filename: 'edges-upload.png', contentType: 'image/png' });
      expect(stored.status).toBe(201);
      const [file] = stored.body;
      // The whole 256 KB image arrived (Strapi re-encodes it, so its stored size differs).
      expect([file.width, file.height]).toEqual([296, 296]);
      const removed = await request(app.server)
        .delete(`/upload/files/${file.id}`)
        .set('Authorization', `Bearer ${session.token}`);
      expect(removed.status).toBe(200);
    });
  });
});
