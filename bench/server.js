// One benchmark server: boots the compiled app, loads N synthetic articles through the Document
// Service, counts database queries, listens on 127.0.0.1, and answers the runner over IPC.
'use strict';
const path = require('path');
const { bootStrapi } = require('../scripts/boot-strapi');
const { syntheticArticle } = require('./synthetic');

const ROOT = path.resolve(__dirname, '..');
const N = Number(process.env.BENCH_N || 0);
const RULES_OFF = process.env.BENCH_RULES_OFF === 'true';

function progress(done, total) {
  if (total === 0) return;
  if (process.stderr.isTTY) {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r  loading [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  } else if (done === total || done % Math.max(1, Math.ceil(total / 10)) === 0) {
    process.stderr.write(`  loading ${done}/${total}\n`);
  }
}

async function agencyCredits(strapi) {
  // By Latin name, which a Source has whether or not the rules gave it a slug.
  const source = async (nameLatin) =>
    (await strapi.documents('plugin::newsroom.source').findFirst({ filters: { nameLatin } })).documentId;
  return [
    { role: 'distributor', source: await source('Pakistan Point News') },
    { role: 'originator', source: await source('Sputnik') },
  ];
}

async function load(strapi, credits) {
  for (let index = 1; index <= N; index += 1) {
    const { article, quotes } = syntheticArticle(index, credits);
    await strapi.db.transaction(async () => {
      const created = await strapi.documents('plugin::newsroom.article').create({ status: 'published', data: article });
      for (const quote of quotes) {
        await strapi
          .documents('plugin::newsroom.quote')
          .create({ status: 'published', data: { ...quote, article: created.documentId } });
      }
    });
    progress(index, N);
  }
}

// Rules off through the plugin's rules service (setEnabled, for benchmarks only): the Document Service
// middleware then lets every write pass unruled. Switched once the instance is loaded, so the seed
// dispatch (the agencies the synthetic articles credit) is imported with the rules on.
function switchRulesOff(strapi) {
  strapi.plugin('newsroom').service('rules').setEnabled(false);
  strapi.log.warn('bench: newsroom rules switched OFF');
}

(async () => {
  const { strapi, server, stop } = await bootStrapi({
    appDir: ROOT,
    // Listening before the load is safe: the runner learns the port only from the ready message.
    serveHttp: { host: '127.0.0.1', port: 0 },
    logLevel: 'warn',
  });
  if (RULES_OFF) switchRulesOff(strapi);
  let queries = 0;
  // Per statement (the SQL text with its placeholders): how often it ran and for how long, from
  // knex's query and query-response events, so the runner can show where a request's time goes.
  let statements = new Map();
  const started = new Map();
  strapi.db.connection.on('query', (query) => {
    queries += 1;
    started.set(query.__knexQueryUid, process.hrtime.bigint());
  });
  const finished = (_response, query) => {
    const start = started.get(query.__knexQueryUid);
    if (start === undefined) return;
    started.delete(query.__knexQueryUid);
    const entry = statements.get(query.sql) ?? { sql: query.sql, count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += Number(process.hrtime.bigint() - start) / 1e6;
    statements.set(query.sql, entry);
  };
  strapi.db.connection.on('query-response', finished);
  strapi.db.connection.on('query-error', (error, query) => finished(error, query));
  const credits = await agencyCredits(strapi);
  await load(strapi, credits);
  const token = await strapi
    .service('admin::api-token')
    .create({ name: `bench-${process.pid}`, type: 'full-access', lifespan: null, permissions: [] });
  const [sample] = await strapi
    .documents('plugin::newsroom.article')
    .findMany({ status: 'published', limit: 1, sort: 'id:desc' });
  const { port } = server.address();
  const cacheBytes = strapi.config.get('plugin::newsroom.responseCache.maxBytes');
  process.on('message', (message) => {
    if (message === 'stats') process.send({ type: 'stats', queries, rss: process.memoryUsage().rss });
    if (message === 'profile') process.send({ type: 'profile', statements: [...statements.values()] });
    if (message === 'reset') {
      queries = 0;
      statements = new Map();
      process.send({ type: 'reset' });
    }
    // The cold path on the same data: the response cache switched off (its size is read per request).
    if (message === 'cache-off' || message === 'cache-on') {
      strapi.config.set('plugin::newsroom.responseCache.maxBytes', message === 'cache-off' ? 0 : cacheBytes);
      process.send({ type: message });
    }
    if (message === 'stop') stop().then(() => process.exit(0));
  });
  process.send({ type: 'ready', port, token: token.accessKey, slug: sample?.slug, credits });
})().catch((error) => {
  process.stderr.write(`bench server failed: ${error.stack || error}\n`);
  process.exit(1);
});
