#!/usr/bin/env node
// Makes the app-version database fixture: a newsroom database written by the code of the day,
// holding the seed, articles published, draft and both, quotes, a custom API token allowed only
// `find` on articles, and the public role; with a manifest of what a later version must still
// serve from it. Run before a change that moves data, never after. The committed newsroom-v1 was
// made before the plugin move (types api::article.article …); this script now writes the plugin's
// types, for the next such change:
//   node scripts/make-app-version-fixture.js                 # SQLite → tests/fixtures/app-version-database/
//   node scripts/make-app-version-fixture.js --postgres URL  # a dump from a fresh PostgreSQL database
// URL names a server where the role may CREATE DATABASE (like TEST_POSTGRES_URL). The token's name
// and description below are fixture data: the committed newsroom-v1 holds them as written.
'use strict';
const { execFileSync } = require('child_process');
const { randomBytes } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'tests', 'fixtures', 'app-version-database');
// Test-only secrets, committed with the fixture: the token's hash and its encrypted key depend on them.
const SECRETS = {
  APP_KEYS: 'c0ffee1234567890abcdef1234567890,0123456789abcdefc0ffee1234567890',
  API_TOKEN_SALT: '5a1f3e9b7c2d4e6f8a0b1c2d3e4f5a6b',
  ADMIN_JWT_SECRET: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
  TRANSFER_TOKEN_SALT: '1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e',
  JWT_SECRET: '7f6e5d4c3b2a19087f6e5d4c3b2a1908',
  ENCRYPTION_KEY: '3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f',
};
const ARTICLE = 'plugin::newsroom.article';
const QUOTE = 'plugin::newsroom.quote';
const SOURCE = 'plugin::newsroom.source';

async function writeContent(strapi) {
  const source = async (slug) => (await strapi.documents(SOURCE).findFirst({ filters: { slug } })).documentId;
  const credits = [
    { role: 'originator', source: await source('sputnik') },
    { role: 'distributor', source: await source('pakistan-point-news') },
  ];
  const articles = strapi.documents(ARTICLE);
  const quotes = strapi.documents(QUOTE);
  const published = await articles.create({
    data: {
      title: 'خبر منشور للاستمرارية',
      body: '<p>نص الخبر المنشور مع NBC.</p>',
      dispatchDate: '2021-06-15',
      credits,
    },
    status: 'published',
  });
  await articles.create({ data: { title: 'مسودة للاستمرارية لم تنشر', body: '<p>مسودة.</p>' } });
  const both = await articles.create({
    data: { title: 'خبر منشور ثم عدّل', body: '<p>النص كما نشر.</p>', credits },
    status: 'published',
  });
  await articles.update({ documentId: both.documentId, data: { title: 'خبر منشور ثم عدّل في المسودة' } });
  await quotes.create({
    data: { text: 'كلام منشور', speaker: 'متحدث رسمي', position: 1, article: published.documentId },
    status: 'published',
  });
  await quotes.create({ data: { text: 'كلام في مسودة', speaker: 'مصدر مطلع', position: 1, article: both.documentId } });
  const token = await strapi.service('admin::api-token').create({
    name: 'continuity-articles-find',
    description: 'Reads the article list only (data-continuity fixture).',
    type: 'custom',
    lifespan: null,
    permissions: [`${ARTICLE}.find`],
  });
  return token.accessKey;
}

// What every later version must still hold and serve, read back through the Document Service.
async function manifestOf(strapi, accessKey) {
  const versions = async (uid, fields, populate) => {
    const rows = [];
    for (const status of ['draft', 'published']) {
      for (const row of await strapi.documents(uid).findMany({ status, fields, populate, sort: ['id:asc'] })) {
        rows.push({ status, ...row });
      }
    }
    return rows
      .map(({ id, createdAt, updatedAt, publishedAt, locale, ...rest }) => rest)
      .sort((a, b) => `${a.documentId}${a.status}`.localeCompare(`${b.documentId}${b.status}`));
  };
  const creditsPopulate = {
    credits: { populate: { source: { fields: ['slug'] } } },
    quotes: { fields: ['documentId'] },
  };
  const articles = (await versions(ARTICLE, ['title', 'slug', 'dateline', 'lang', 'dir', 'body'], creditsPopulate)).map(
    (article) => ({
      ...article,
      credits: article.credits.map((credit) => ({ role: credit.role, source: credit.source?.slug ?? null })),
      quotes: article.quotes.map((quote) => quote.documentId).sort(),
    }),
  );
  const quotes = (await versions(QUOTE, ['text', 'speaker', 'position'], { article: { fields: ['documentId'] } })).map(
    (quote) => ({ ...quote, article: quote.article?.documentId ?? null }),
  );
  const sources = await versions(SOURCE, ['name', 'nameLatin', 'slug', 'kind'], {});
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({
    where: { type: 'public' },
    populate: { permissions: true },
  });
  return {
    madeBy: `newsroom ${require(path.join(ROOT, 'src', 'plugins', 'newsroom', 'package.json')).version}`,
    secrets: SECRETS,
    token: { name: 'continuity-articles-find', accessKey, allows: [`${ARTICLE}.find`] },
    publicPermissions: publicRole.permissions.map((permission) => permission.action).sort(),
    articles,
    quotes,
    sources,
  };
}

async function main() {
  const postgresAt = process.argv.indexOf('--postgres');
  const serverUrl = postgresAt > 0 ? process.argv[postgresAt + 1] : undefined;
  Object.assign(process.env, SECRETS, { NODE_ENV: 'test', STRAPI_TELEMETRY_DISABLED: 'true', HOST: '127.0.0.1' });
  let target;
  let cleanup = () => {};
  if (serverUrl) {
    const { Client } = require('pg');
    const name = `newsroom_app_version_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() });
    target = { kind: 'postgres', url: url.toString() };
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
  } else {
    const file = path.join(os.tmpdir(), `newsroom-app-version-${process.pid}.db`);
    fs.rmSync(file, { force: true });
    Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file });
    target = { kind: 'sqlite', file };
    cleanup = async () => fs.rmSync(file, { force: true });
  }
  const { bootStrapi, compileApp } = require('./boot-strapi');
  await compileApp({ appDir: ROOT });
  const { strapi, stop } = await bootStrapi({ appDir: ROOT, logLevel: 'warn' });
  const manifest = await manifestOf(strapi, await writeContent(strapi));
  await stop();
  fs.mkdirSync(OUT, { recursive: true });
  if (target.kind === 'sqlite') {
    fs.copyFileSync(target.file, path.join(OUT, 'newsroom-v1.db'));
    fs.writeFileSync(path.join(OUT, 'newsroom-v1.db.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  } else {
    const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', '--inserts', target.url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    fs.writeFileSync(path.join(OUT, 'newsroom-v1.pg.sql'), dump);
    fs.writeFileSync(path.join(OUT, 'newsroom-v1.pg.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  await cleanup();
  console.log(`app-version database fixture (${target.kind}) written to ${path.relative(ROOT, OUT)}`);
}

module.exports = { manifestOf, SECRETS };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
