// Upgrading a newsroom that ran as an app loses nothing: the plugin boots on a copy of a database
// written by the app version (tests/fixtures/app-version-database, made by
// scripts/make-app-version-fixture.js with the app's types api::article.article … and tables
// articles …) and serves every document, version, credit, quote, documentId and slug as it was;
// the public role and a custom token read exactly what they read; the admin lists it all, with its
// roles and views. The migration (server/src/migrations/1.0.0-app-types-to-plugin.ts) leaves the
// schema as a fresh install's.
import path from 'path';
import request from 'supertest';
import { adminToken, startStrapi, testDatabaseClient, type TestApp } from '../helpers/strapi';
import {
  RENAMED_TABLES,
  RENAMED_TYPES,
} from '../../src/plugins/newsroom/server/src/migrations/1.0.0-app-types-to-plugin';

const { manifestOf } = require('../../scripts/make-app-version-fixture.js');

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'app-version-database', 'newsroom-v1');
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

/** An action or UID of the app version, named as the plugin names it. */
const renamed = (name: string) => {
  for (const [from, to] of RENAMED_TYPES)
    if (name === from || name.startsWith(`${from}.`)) return to + name.slice(from.length);
  return name;
};

const ids = (versions: Version[], status?: Version['status']) =>
  [...new Set(versions.filter((version) => !status || version.status === status).map((v) => v.documentId))].sort();

test('every document, version, credit, quote, documentId and slug is as the earlier version left it', async () => {
  const now = await manifestOf(app.strapi, manifest.token.accessKey);
  expect(manifest.articles.length).toBeGreaterThanOrEqual(7);
  expect(now.articles).toEqual(manifest.articles);
  expect(now.quotes).toEqual(manifest.quotes);
  expect(now.sources).toEqual(manifest.sources);
  // Plus the reads added since that version (a story's JSON-LD, search, subjects), granted with publicRead.
  expect(now.publicPermissions).toEqual(
    [
      ...manifest.publicPermissions.map(renamed),
      'plugin::newsroom.jsonld.findOne',
      'plugin::newsroom.search.find',
      'plugin::newsroom.subject.find',
      'plugin::newsroom.subject.findOne',
    ].sort(),
  );
  expect(now.publicPermissions).toEqual(expect.arrayContaining(['plugin::newsroom.article.find']));
});

test('the migration ran once, and the schema is what a fresh install of the plugin makes', async () => {
  const migrations = await app.strapi.db.connection('strapi_migrations_internal').select('name');
  expect(migrations.map((row: { name: string }) => row.name)).toContain('newsroom::1.0.0-app-types-to-plugin');
  const actual = await app.strapi.db.dialect.schemaInspector.getSchema();
  const expected = (app.strapi.db as unknown as { schema: { schema: typeof actual } }).schema.schema;
  const tableNames = actual.tables.map((table) => table.name);
  for (const [from, to] of RENAMED_TABLES) {
    // The review-workflow links exist only on Strapi Enterprise databases.
    if (!from.includes('_strapi_')) expect(tableNames).toContain(to);
    expect(tableNames).not.toContain(from);
  }
  // The search index's tables are the plugin's own, not Strapi's (a test below reads them).
  const ours = (name: string) =>
    (name.startsWith('newsroom_') && !name.startsWith('newsroom_search_')) || name.startsWith('components_newsroom_');
  const names = (tables: typeof actual.tables, part: 'indexes' | 'foreignKeys') =>
    Object.fromEntries(
      tables
        .filter((table) => ours(table.name))
        .map((table) => [table.name, table[part].map((entry) => entry.name).sort()]),
    );
  expect(names(actual.tables, 'indexes')).toEqual(names(expected.tables, 'indexes'));
  if (testDatabaseClient() === 'postgres') {
    expect(names(actual.tables, 'foreignKeys')).toEqual(names(expected.tables, 'foreignKeys'));
  }
});

test('the stories of the earlier version are found by search at once, with no step', async () => {
  const published = (manifest.articles as Array<{ status: string; documentId: string; title: string }>).filter(
    (article) => article.status === 'published',
  );
  expect(published.length).toBeGreaterThan(0);
  for (const article of published) {
    const response = await request(app.server)
      .get('/api/search')
      .query({ q: article.title, 'pagination[pageSize]': '100' })
      .expect(200);
    expect(response.body.data.map((hit: { documentId: string }) => hit.documentId)).toContain(article.documentId);
  }
  // One entry per stored version of every document.
  const knex = app.strapi.db.connection;
  const rows = async (table: string) => Number((await knex(table).count('* as n'))[0].n);
  const stored = (await rows('newsroom_articles')) + (await rows('newsroom_quotes')) + (await rows('newsroom_sources'));
  expect(await rows('newsroom_search_entries')).toBe(stored);
});

test("the admin's roles keep their permissions on the types, and the editors' views their labels", async () => {
  const editor = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  const permissions = await app.strapi.db
    .query('admin::permission')
    .findMany({ where: { role: editor.id, subject: 'plugin::newsroom.article' } });
  expect(permissions.map((permission: { action: string }) => permission.action)).toEqual(
    expect.arrayContaining(['plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.publish']),
  );
  const old = await app.strapi.db.query('admin::permission').count({ where: { subject: 'api::article.article' } });
  expect(old).toBe(0);
  const view = await request(app.server)
    .get('/content-manager/content-types/plugin::newsroom.article/configuration')
    .set('Authorization', `Bearer ${admin}`)
    .expect(200);
  // Version 1's glued "Title · العنوان" became "Title": the Arabic now comes from the admin's translations.
  expect(view.body.data.contentType.metadatas.title.edit.label).toBe('Title');
  expect(view.body.data.contentType.uid).toBe('plugin::newsroom.article');
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
    ['plugin::newsroom.article', manifest.articles],
    ['plugin::newsroom.quote', manifest.quotes],
  ]) {
    const listed = await request(app.server)
      .get(`/content-manager/collection-types/${uid}?page=1&pageSize=100`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(listed.body.results.map((entry: Version) => entry.documentId).sort()).toEqual(ids(versions));
  }
});
