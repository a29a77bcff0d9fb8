// Existing newsrooms lose nothing (issue 13): the app boots on a copy of a database written by an
// earlier version (tests/fixtures/continuity, made by scripts/make-continuity-fixture.js before
// the plugin move) and serves every document, version, credit, quote, documentId and slug as it
// was; the public role and a custom token read exactly what they read; the admin lists it all.
import path from 'path';
import request from 'supertest';
import { adminToken, startStrapi, testDatabaseClient, type TestApp } from '../helpers/strapi';

const { manifestOf } = require('../../scripts/make-continuity-fixture.js');

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'continuity', 'newsroom-v1');
const manifest = require(`${FIXTURE}.${testDatabaseClient() === 'postgres' ? 'pg' : 'db'}.json`);

interface Version {
  documentId: string;
  status: 'draft' | 'published';
}

let app: TestApp;
let admin: string;

beforeAll(async () => {
  // The fixture's token hash and encrypted keys were made with these.
  Object.assign(process.env, manifest.secrets);
  app = await startStrapi({ fixture: FIXTURE });
  admin = await adminToken(app.strapi, app.server);
}, 180000);
afterAll(async () => {
  await app?.stop();
});

const ids = (versions: Version[], status?: Version['status']) =>
  [...new Set(versions.filter((version) => !status || version.status === status).map((v) => v.documentId))].sort();

test('every document, version, credit, quote, documentId and slug is as the earlier version left it', async () => {
  const now = await manifestOf(app.strapi, manifest.token.accessKey);
  expect(manifest.articles.length).toBeGreaterThanOrEqual(7);
  expect(now.articles).toEqual(manifest.articles);
  expect(now.quotes).toEqual(manifest.quotes);
  expect(now.sources).toEqual(manifest.sources);
  expect(now.publicPermissions).toEqual(manifest.publicPermissions);
});

test('the public role reads the published articles and quotes, and no draft', async () => {
  const articles = await request(app.server).get('/api/articles?pagination[pageSize]=100').expect(200);
  expect(articles.body.data.map((article: Version) => article.documentId).sort()).toEqual(
    ids(manifest.articles, 'published'),
  );
  const quotes = await request(app.server).get('/api/quotes?pagination[pageSize]=100').expect(200);
  expect(quotes.body.data.map((quote: Version) => quote.documentId).sort()).toEqual(ids(manifest.quotes, 'published'));
  const draftOnly = ids(manifest.articles).filter((id) => !ids(manifest.articles, 'published').includes(id));
  expect(draftOnly.length).toBeGreaterThan(0);
  for (const documentId of draftOnly) await request(app.server).get(`/api/articles/${documentId}`).expect(404);
});

test('the custom token still lists articles, and only that', async () => {
  const auth = { Authorization: `Bearer ${manifest.token.accessKey}` };
  const listed = await request(app.server).get('/api/articles?pagination[pageSize]=100').set(auth).expect(200);
  expect(listed.body.data.map((article: Version) => article.documentId).sort()).toEqual(
    ids(manifest.articles, 'published'),
  );
  const [one] = ids(manifest.articles, 'published');
  await request(app.server).get(`/api/articles/${one}`).set(auth).expect(403);
  await request(app.server).get('/api/quotes').set(auth).expect(403);
  await request(app.server).get('/api/sources').set(auth).expect(403);
});

test('the admin lists every article and quote, drafts included', async () => {
  for (const [uid, versions] of [
    ['api::article.article', manifest.articles],
    ['api::quote.quote', manifest.quotes],
  ]) {
    const listed = await request(app.server)
      .get(`/content-manager/collection-types/${uid}?page=1&pageSize=100`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(listed.body.results.map((entry: Version) => entry.documentId).sort()).toEqual(ids(versions));
  }
});
