// The story lifecycle in the feeds and the JSON-LD, through the real server: a killed story stays in
// ninjs as canceled with its ednote and becomes a kill notice in RSS, Atom and JSON Feed for
// killNoticeDays; an embargoed story is in no public feed until its time, then is, with new
// validators; an embargo partner's token reads it as withheld; every feed still validates.
import request from 'supertest';
import { apiToken, requiredCredits, startStrapi, type TestApp } from '../helpers/strapi';
import { validateAtom, validateNinjs } from '../../src/plugins/newsroom/tests/helpers/feed-validators';
import { expandSchemaOrg, irisOf } from '../../src/plugins/newsroom/tests/helpers/schemaorg-jsonld';

let app: TestApp;
let token: string;
let partnerToken: string;
let credits: Array<{ role: string; source: string }>;

const PARTNER = 'wire-partner';
const KILL_LABEL = 'سحب الخبر KILL:';

beforeAll(async () => {
  app = await startStrapi();
  token = await apiToken(app.strapi, 'full-access');
  const partner = await app.strapi
    .service('admin::api-token')
    .create({ name: PARTNER, type: 'read-only', lifespan: null, permissions: [] });
  partnerToken = partner.accessKey;
  setOption('embargoPartners', [PARTNER]);
  credits = await requiredCredits(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

function setOption(name: string, value: unknown) {
  const current = app.strapi.config.get('plugin::newsroom') as Record<string, unknown>;
  app.strapi.config.set('plugin::newsroom', { ...current, [name]: value });
}

const get = (path: string) => request(app.server).get(path).buffer(true).parse(textParser);
function textParser(response: any, callback: (error: Error | null, body: string) => void) {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => callback(null, text));
}
const write = (method: 'post' | 'put', path: string, data: Record<string, unknown>) =>
  request(app.server)[method](path).set('Authorization', `Bearer ${token}`).send({ data });

let serial = 0;
async function publishStory(data: Record<string, unknown> = {}) {
  serial += 1;
  const response = await write('post', '/api/articles', {
    title: `خبر للتغذية رقم ${serial}`,
    body: `<p>النص الكامل للخبر رقم ${serial}.</p>`,
    credits,
    ...data,
  });
  expect(response.status).toBe(201);
  return response.body.data;
}

const ninjsList = async (path = '/api/syndication/ninjs?limit=100') => JSON.parse((await get(path).expect(200)).body);
const uriOf = (documentId: string) => `urn:newsroom:article:${documentId}`;

describe('a killed story', () => {
  let story: any;
  const ednote = 'سُحب الخبر لخطأ في هوية المتحدث — Killed: the speaker was misidentified';

  beforeAll(async () => {
    story = await publishStory();
    const killed = await write('put', `/api/articles/${story.documentId}`, { pubStatus: 'canceled', ednote });
    expect(killed.status).toBe(200);
  });

  test('stays in ninjs as canceled with its edNote, list and single, valid', async () => {
    const item = (await ninjsList()).find((each: any) => each.uri === uriOf(story.documentId));
    expect(item).toMatchObject({ pubStatus: 'canceled', edNote: ednote, version: '2' });
    expect(item.headlines[0].value.startsWith(KILL_LABEL)).toBe(true);
    expect(item.bodies[0].value).not.toContain('النص الكامل');
    expect(validateNinjs(item)).toEqual([]);
    const single = JSON.parse((await get(`/api/syndication/ninjs/${story.slug}`).expect(200)).body);
    expect(single).toMatchObject({ pubStatus: 'canceled', edNote: ednote });
  });

  test('RSS, Atom and JSON Feed carry the kill notice, never the text; Atom validates', async () => {
    const rss = (await get('/api/syndication/rss?limit=100').expect(200)).body;
    expect(rss).toContain(`${KILL_LABEL} ${story.title}`);
    expect(rss).toContain('<category domain="urn:newsroom:pubStatus">canceled</category>');
    const atom = (await get('/api/syndication/atom?limit=100').expect(200)).body;
    expect(atom).toContain('<category scheme="urn:newsroom:pubStatus" term="canceled"/>');
    expect(await validateAtom(atom)).toEqual([]);
    const json = JSON.parse((await get('/api/syndication/json?limit=100').expect(200)).body);
    const item = json.items.find((each: any) => each.id === uriOf(story.documentId));
    expect(item._newsroom).toMatchObject({ pubStatus: 'canceled', ednote });
    for (const feed of [rss, atom, JSON.stringify(json)]) expect(feed).not.toContain('النص الكامل للخبر');
  });

  test('has no JSON-LD', async () => {
    await get(`/api/articles/${story.documentId}/jsonld`).expect(404);
  });

  test('leaves the feeds once the kill notice ends (killNoticeDays)', async () => {
    setOption('killNoticeDays', 0);
    try {
      // A new query: the response cache keeps answers per request.
      const list = await ninjsList('/api/syndication/ninjs?limit=99');
      expect(list.map((each: any) => each.uri)).not.toContain(uriOf(story.documentId));
      await get(`/api/syndication/ninjs/${story.slug}?notice=0`).expect(404);
    } finally {
      setOption('killNoticeDays', 30);
    }
  });
});

describe('an embargoed story', () => {
  test('is in no public feed and has no JSON-LD until its time, then is, with new validators', async () => {
    const lifts = Date.now() + 6000;
    const story = await publishStory({ embargoedUntil: new Date(lifts).toISOString() });
    const paths = ['rss', 'atom', 'json', 'ninjs'].map((feed) => `/api/syndication/${feed}?limit=100`);
    const before = new Map<string, string>();
    for (const path of paths) {
      const response = await get(path).expect(200);
      expect(response.body).not.toContain(story.documentId);
      before.set(path, response.headers.etag);
      // Shared caches keep it no longer than the embargo lasts.
      const maxAge = Number(/max-age=(\d+)/.exec(response.headers['cache-control'])?.[1]);
      expect(maxAge).toBeLessThanOrEqual(Math.ceil((lifts - Date.now()) / 1000));
    }
    await get(`/api/syndication/ninjs/${story.slug}`).expect(404);
    await get(`/api/articles/${story.documentId}/jsonld`).expect(404);

    // The partner's token reads it, withheld, with its embargo time; not from a shared cache.
    const partner = await request(app.server)
      .get('/api/syndication/ninjs?limit=100')
      .set('Authorization', `Bearer ${partnerToken}`)
      .buffer(true)
      .parse(textParser)
      .expect(200);
    expect(partner.headers['cache-control']).toBe('private, no-store');
    const withheld = JSON.parse(partner.body).find((each: any) => each.uri === uriOf(story.documentId));
    expect(withheld).toMatchObject({ pubStatus: 'withheld', embargoedUntil: new Date(lifts).toISOString() });
    expect(validateNinjs(withheld)).toEqual([]);
    // Another token is the public.
    const other = await request(app.server)
      .get('/api/syndication/ninjs?limit=100')
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse(textParser)
      .expect(200);
    expect(other.body).not.toContain(story.documentId);
    // An expired partner token is nobody's, as Strapi's own token strategy holds: the public's feed.
    const tokens = app.strapi.db.query('admin::api-token');
    await tokens.update({ where: { name: PARTNER }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const expired = await request(app.server)
      .get('/api/syndication/ninjs?limit=100')
      .set('Authorization', `Bearer ${partnerToken}`)
      .buffer(true)
      .parse(textParser)
      .expect(200);
    expect(expired.body).not.toContain(story.documentId);
    await tokens.update({ where: { name: PARTNER }, data: { expiresAt: null } });

    expect(Date.now()).toBeLessThan(lifts);
    await new Promise((resolve) => setTimeout(resolve, lifts - Date.now() + 50));
    for (const path of paths) {
      const stale = await get(path).set('If-None-Match', before.get(path) as string);
      expect(stale.status).toBe(200);
      expect(stale.body).toContain(story.documentId);
      expect(new Date(stale.headers['last-modified']).getTime()).toBeGreaterThanOrEqual(
        Math.floor(lifts / 1000) * 1000,
      );
    }
    const item = (await ninjsList()).find((each: any) => each.uri === uriOf(story.documentId));
    expect(item.pubStatus).toBe('usable');
    expect(validateNinjs(item)).toEqual([]);
    await get(`/api/syndication/ninjs/${story.slug}`).expect(200);
    await get(`/api/articles/${story.documentId}/jsonld`).expect(200);
  });
});

describe('rights, versions and corrections in the feeds', () => {
  test('ninjs carries the version, the corrections, the story updated and each agency’s rights', async () => {
    const earlier = await publishStory();
    const story = await publishStory({ updates: earlier.documentId });
    const correction = { at: '2026-12-07T10:00:00.000Z', note: 'صُحّح اسم المدينة' };
    await write('put', `/api/articles/${story.documentId}`, { corrections: [correction] }).expect(200);
    const item = (await ninjsList()).find((each: any) => each.uri === uriOf(story.documentId));
    expect(validateNinjs(item)).toEqual([]);
    expect(item).toMatchObject({ version: '2', pubStatus: 'usable' });
    expect(item.descriptions).toContainEqual({
      role: 'correction',
      contentType: 'text/plain',
      value: `${correction.at} — ${correction.note}`,
    });
    expect(item.associations).toEqual([expect.objectContaining({ rel: 'updates', uri: uriOf(earlier.documentId) })]);
    expect(item.copyrightNotice).toContain('© Sputnik');
    expect(item.usageTerms).toContain('Sputnik:');
    const rss = (await get('/api/syndication/rss?limit=100').expect(200)).body;
    expect(rss).toMatch(/<dc:rights>[^<]*© Sputnik/);
  });
});

describe('the story an item updates', () => {
  test('lends no headline to the feeds while it is embargoed or killed', async () => {
    const hidden = await publishStory({ embargoedUntil: new Date(Date.now() + 3_600_000).toISOString() });
    const killed = await publishStory();
    await write('put', `/api/articles/${killed.documentId}`, { pubStatus: 'canceled', ednote: 'سُحب' });
    for (const earlier of [hidden, killed]) {
      const story = await publishStory({ updates: earlier.documentId });
      const item = JSON.parse((await get(`/api/syndication/ninjs/${story.slug}`).expect(200)).body);
      expect(JSON.stringify(item)).not.toContain(earlier.title);
      expect(item.associations ?? []).toEqual([]);
      const feed = JSON.parse((await get('/api/syndication/json?limit=100').expect(200)).body);
      const entry = feed.items.find((each: any) => each.id === uriOf(story.documentId));
      expect(entry._newsroom.updates).toBeUndefined();
    }
    // Once public, it is named.
    const visible = await publishStory();
    const story = await publishStory({ updates: visible.documentId });
    const item = JSON.parse((await get(`/api/syndication/ninjs/${story.slug}`).expect(200)).body);
    expect(item.associations[0]).toMatchObject({ rel: 'updates', headlines: [{ value: visible.title }] });
  });
});

describe('JSON-LD', () => {
  test('a public story’s NewsArticle, as application/ld+json; 404 for an unknown one', async () => {
    const story = await publishStory();
    const response = await get(`/api/articles/${story.documentId}/jsonld`).expect(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const document = JSON.parse(response.body);
    expect(document).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: story.title,
      inLanguage: 'ar',
      version: 1,
      datePublished: story.firstPublishedAt,
    });
    expect(document.sourceOrganization.map((organization: any) => organization.name)).toEqual(
      expect.arrayContaining(['سبوتنيك']),
    );
    // As served: expanded by a JSON-LD processor against the stored schema.org context, no unknown term.
    const iris = [...irisOf(await expandSchemaOrg(document))];
    expect(iris.filter((iri) => !iri.startsWith('https://schema.org/'))).toEqual([]);
    expect(iris).toEqual(
      expect.arrayContaining(['https://schema.org/NewsArticle', 'https://schema.org/sourceOrganization']),
    );
    await get('/api/articles/no-such-document/jsonld').expect(404);
  });
});

describe('articleUrl', () => {
  test('the readers’ page is every item’s link, the API URL an alternate; the validators change with it', async () => {
    const story = await publishStory();
    const before = await get('/api/syndication/atom?limit=55').expect(200);
    setOption('articleUrl', 'https://news.example/news/{slug}');
    try {
      const page = `https://news.example/news/${story.slug}`;
      const atom = await get('/api/syndication/atom?limit=55').expect(200);
      expect(atom.headers.etag).not.toBe(before.headers.etag);
      expect(atom.body).toContain(`<link rel="alternate" type="text/html" href="${page}"/>`);
      expect(atom.body).toMatch(
        new RegExp(
          `<link rel="alternate" type="application/json" href="http://[^"]+/api/articles/${story.documentId}"/>`,
        ),
      );
      expect(await validateAtom(atom.body)).toEqual([]);
      expect((await get('/api/syndication/rss?limit=55').expect(200)).body).toContain(`<link>${page}</link>`);
      const jsonld = JSON.parse((await get(`/api/articles/${story.documentId}/jsonld`).expect(200)).body);
      expect(jsonld.url).toBe(page);
    } finally {
      setOption('articleUrl', null);
    }
  });
});
