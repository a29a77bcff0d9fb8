// One benchmark server: boots the compiled app, loads N synthetic articles through the Document
// Service, counts database queries, listens on 127.0.0.1, and answers the runner over IPC. It stops
// when the runner asks or goes away.
// BENCH_SEARCH=true: the search benchmark's server. Its articles (synthetic.js searchArticle) are
// loaded with the rules off, so nothing indexes them as they are written; then the plugin's search
// service rebuilds the index (reindex(), timed), the rules are switched back on, and the index's
// size is measured.
'use strict';
const path = require('path');
const { bootStrapi } = require('../scripts/boot-strapi');
const { syntheticArticle, searchArticle } = require('./synthetic');

const ROOT = path.resolve(__dirname, '..');
const N = Number(process.env.BENCH_N || 0);
const RULES_OFF = process.env.BENCH_RULES_OFF === 'true';
const SEARCH = process.env.BENCH_SEARCH === 'true';
// route: the host lists neither guard among its global middlewares; the plugin's routes run them.
const ROUTE_GUARDS_ONLY = process.env.BENCH_GUARDS === 'route';
const ROUTE_GUARDS = ['plugin::newsroom.response-cache', 'plugin::newsroom.read-queue'];

function withoutGlobalGuards(strapi) {
  const listed = strapi.config.get('middlewares');
  const kept = listed.filter((entry) => !ROUTE_GUARDS.includes(typeof entry === 'string' ? entry : entry.name));
  if (kept.length !== listed.length - ROUTE_GUARDS.length)
    throw new Error('bench: the guards are not in config/middlewares');
  strapi.config.set('middlewares', kept);
}

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

async function load(strapi, credits, generate) {
  for (let index = 1; index <= N; index += 1) {
    const { article, quotes } = generate(index, credits);
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

const SEARCH_TABLES = 'newsroom_search%';

// The bytes of the search index: on SQLite the pages (dbstat) of newsroom_search_entries, its
// indexes and the FTS5 shadow tables; on PostgreSQL pg_total_relation_size of the entries table
// (heap, TOAST, the B-tree indexes and the GIN index). Also the normalised search_text column the
// index writes into every searched row (the admin's search box), which lives in the content tables.
async function indexSize(strapi) {
  const knex = strapi.db.connection;
  const rowsOf = (result) => (Array.isArray(result) ? result : result.rows);
  const searchTextBytes = async (bytesOf) => {
    let bytes = 0;
    for (const uid of ['plugin::newsroom.article', 'plugin::newsroom.quote', 'plugin::newsroom.source']) {
      const meta = strapi.db.metadata.get(uid);
      const column = meta.attributes.searchText.columnName ?? 'search_text';
      const [row] = rowsOf(await knex.raw(`select coalesce(sum(${bytesOf(column)}), 0) as b from ${meta.tableName}`));
      bytes += Number(row.b);
    }
    return bytes;
  };
  if (strapi.db.dialect.client === 'postgres') {
    const parts = rowsOf(
      await knex.raw(
        // The table's own pages (heap, TOAST, maps) and each index's: together, the total.
        `select c.relname as name,
           case c.relkind when 'r' then pg_table_size(c.oid) else pg_relation_size(c.oid) end as bytes
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema() and c.relname like ? and c.relkind in ('r', 'i')`,
        [SEARCH_TABLES],
      ),
    );
    const [total] = rowsOf(await knex.raw(`select pg_total_relation_size('newsroom_search_entries') as bytes`));
    return {
      bytes: Number(total.bytes),
      parts: Object.fromEntries(parts.map((row) => [row.name, Number(row.bytes)])),
      searchTextBytes: await searchTextBytes((column) => `octet_length(${column})`),
    };
  }
  const parts = rowsOf(
    await knex.raw(`select name, sum(pgsize) as bytes from dbstat where name like ? group by name`, [SEARCH_TABLES]),
  );
  return {
    bytes: parts.reduce((sum, row) => sum + Number(row.bytes), 0),
    parts: Object.fromEntries(parts.map((row) => [row.name, Number(row.bytes)])),
    // length() of a blob is its bytes; of text, its characters.
    searchTextBytes: await searchTextBytes((column) => `length(cast(${column} as blob))`),
  };
}

async function buildSearchIndex(strapi) {
  const search = strapi.plugin('newsroom').service('search');
  const before = await indexSize(strapi);
  const started = process.hrtime.bigint();
  const indexed = await search.reindex();
  const reindexMs = Number(process.hrtime.bigint() - started) / 1e6;
  const after = await indexSize(strapi);
  // As a deployment's autovacuum would have by the time anyone searches: planner statistics.
  if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('analyze');
  return { articles: N, indexed, reindexMs, before, after };
}

(async () => {
  const { strapi, server, stop } = await bootStrapi({
    appDir: ROOT,
    // Listening before the load is safe: the runner learns the port only from the ready message.
    serveHttp: { host: '127.0.0.1', port: 0 },
    logLevel: 'warn',
    beforeLoad: ROUTE_GUARDS_ONLY ? withoutGlobalGuards : undefined,
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
  let search;
  if (SEARCH) {
    strapi.plugin('newsroom').service('rules').setEnabled(false);
    await load(strapi, credits, searchArticle);
    search = await buildSearchIndex(strapi);
    strapi.plugin('newsroom').service('rules').setEnabled(true);
  } else {
    await load(strapi, credits, syntheticArticle);
  }
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
  // The runner gone (killed, crashed): stop too, at most 15 s later.
  process.on('disconnect', () => {
    setTimeout(() => process.exit(1), 15000).unref();
    stop().then(() => process.exit(0));
  });
  process.send({ type: 'ready', port, token: token.accessKey, slug: sample?.slug, credits, search });
})().catch((error) => {
  process.stderr.write(`bench server failed: ${error.stack || error}\n`);
  process.exit(1);
});
