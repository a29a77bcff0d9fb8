#!/usr/bin/env node
// npm run bench [-- --n 1000 --seconds 10 --connections 10 --postgres URL --growth-requests 10000
//                   --guards global|route --search-n 10000]
// Builds the app, starts the production server on a throwaway database with N synthetic Arabic
// articles, drives it over loopback with autocannon from this process, and reports ratios
// measured side by side in one run. The last line printed is one JSON object of the ratios.
// --guards route serves the app without the newsroom's response cache and read queue among its global
// middlewares, so they run only as the plugin's route middlewares (what a host that configures
// nothing gets); global (the default) is this repository's config/middlewares.ts.
// --search-n N: the search benchmark's own server and database, with N articles (default 10,000,
// or ten times --n when that is less: the CI smoke's --n 20 gives 200); 0 skips it. On PostgreSQL
// its database is made beside --postgres's (the role needs CREATEDB) and dropped at the end.
'use strict';
const { fork } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');
const { syntheticArticle, rareWord } = require('./synthetic');
const { compileApp } = require('../scripts/boot-strapi');

const ROOT = path.resolve(__dirname, '..');
const FEEDS = ['rss', 'atom', 'json', 'ninjs'];
const POPULATE = 'populate[credits][populate][source]=true&populate[quotes]=true';
const GOALS = {
  list_vs_bare: ['>=', 0.5],
  rss_vs_bare: ['>=', 0.5],
  atom_vs_bare: ['>=', 0.5],
  json_vs_bare: ['>=', 0.5],
  ninjs_vs_bare: ['>=', 0.5],
  compressed_vs_raw: ['<=', 0.25],
  feed_vs_list: ['>=', 0.5],
  not_modified_vs_feed: ['>=', 5],
  create_rules_on_vs_off: ['<=', 1.25],
  queries_100_vs_10: ['<=', 1.2],
  p99_over_p50: ['<=', 4],
  rss_growth: ['<=', 1.2],
  errors: ['<=', 0],
  search_vs_list_hot: ['>=', 1],
  search_vs_list_cold: ['>=', 1],
  search_p99_vs_list_hot: ['<=', 1],
  search_p99_vs_list_cold: ['<=', 1],
};

function parseArgs(argv) {
  const options = {
    n: 1000,
    seconds: 10,
    connections: 10,
    postgres: '',
    growthRequests: 10000,
    guards: 'global',
    searchN: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--n') options.n = Number(value);
    else if (flag === '--seconds') options.seconds = Number(value);
    else if (flag === '--connections') options.connections = Number(value);
    else if (flag === '--postgres') options.postgres = value;
    else if (flag === '--growth-requests') options.growthRequests = Number(value);
    else if (flag === '--guards') options.guards = value;
    else if (flag === '--search-n') options.searchN = Number(value);
    else throw new Error(`unknown option ${flag}; see the comment at the top of bench/run.js`);
    i += 1;
  }
  options.searchN ??= Math.min(10000, 10 * options.n);
  for (const key of ['n', 'seconds', 'connections', 'growthRequests', 'searchN']) {
    if (!Number.isFinite(options[key]) || options[key] < 0) throw new Error(`--${key} must be a number >= 0`);
  }
  if (!['global', 'route'].includes(options.guards)) throw new Error('--guards must be global or route');
  return options;
}

// Hex, like scripts/ensure-env.js: it never spells a default the production guards refuse.
const secret = () => crypto.randomBytes(32).toString('hex');

function serverEnv({ nodeEnv, database, rulesOff, n, guards = 'global', search = false }) {
  const env = {
    ...process.env,
    NODE_ENV: nodeEnv,
    HOST: '127.0.0.1',
    // Production requires a public address; .invalid because the bench never follows feed links.
    PUBLIC_URL: 'http://bench.invalid',
    PORT: '0',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    BENCH_N: String(n),
    BENCH_RULES_OFF: rulesOff ? 'true' : 'false',
    BENCH_GUARDS: guards,
    BENCH_SEARCH: search ? 'true' : 'false',
  };
  if (database.startsWith('postgres')) Object.assign(env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: database });
  else Object.assign(env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database });
  return env;
}

function startServer(label, options) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'server.js'), [], {
      env: serverEnv(options),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const waiting = new Map();
    child.on('message', (message) => {
      if (message.type === 'ready') {
        const ask = (question) =>
          new Promise((answer) => {
            waiting.set(question === 'stats' ? 'stats' : question, answer);
            child.send(question);
          });
        resolve({
          label,
          child,
          base: `http://127.0.0.1:${message.port}`,
          token: message.token,
          slug: message.slug,
          credits: message.credits,
          search: message.search,
          ask,
        });
      } else if (waiting.has(message.type)) {
        waiting.get(message.type)(message);
        waiting.delete(message.type);
      }
    });
    child.on('exit', (code) => reject(new Error(`${label} server exited with code ${code} before it was ready`)));
  });
}

async function stopServer(server) {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.send('stop');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(timer);
}

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

// Each endpoint is warmed up first (a fifth of the measured time, at least a second, not counted),
// so its figures are the server's steady state, not the JIT compiling a path it has never run.
async function measure(name, url, { seconds, connections, headers = {}, method = 'GET', requests }) {
  const options = { url, connections, headers, method, requests };
  await cannon({ ...options, duration: Math.max(1, seconds / 5) });
  const result = await cannon({ ...options, duration: seconds });
  const statuses = Object.keys(result.statusCodeStats ?? {}).join('/');
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts + (result['5xx'] ?? 0),
  };
}

async function createOnce(server, body) {
  const started = process.hrtime.bigint();
  const response = await fetch(`${server.base}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ data: body(server) }),
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`${server.label}: create answered ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

// Creates on two servers, one request to each in turn on one connection, so whatever else the
// machine does slows both alike; then each server's per-statement profile of those requests.
async function compareCreates(servers, seconds, body) {
  const warmUntil = Date.now() + Math.max(1000, (seconds * 1000) / 5);
  while (Date.now() < warmUntil) for (const server of servers) await createOnce(server, body);
  for (const server of servers) await server.ask('reset');
  const latencies = servers.map(() => []);
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    for (const [index, server] of servers.entries()) latencies[index].push(await createOnce(server, body));
  }
  return Promise.all(
    servers.map(async (server, index) => {
      const sorted = latencies[index].sort((a, b) => a - b);
      const { statements } = await server.ask('profile');
      const count = sorted.length;
      const perRequest = statements.map(({ sql, count: runs, ms }) => ({ sql, runs: runs / count, ms: ms / count }));
      return {
        row: {
          name: `create, ${server.label}`,
          rps: 1000 / (sorted.reduce((sum, ms) => sum + ms, 0) / count),
          p50: Math.round(percentile(sorted, 50)),
          p99: Math.round(percentile(sorted, 99)),
          statuses: '201',
          errors: 0,
        },
        profile: {
          p50Ms: percentile(sorted, 50),
          queries: perRequest.reduce((sum, row) => sum + row.runs, 0),
          dbMs: perRequest.reduce((sum, row) => sum + row.ms, 0),
          statements: perRequest,
        },
      };
    }),
  );
}

const shortSql = (sql) => (sql.length > 96 ? `${sql.slice(0, 93)}...` : sql);

// An insert is one statement whatever columns it names (with the rules on it also writes slug and
// dateline), so inserts are compared by table.
function byStatement(statements) {
  const merged = new Map();
  for (const row of statements) {
    const sql = row.sql.replace(/^(insert into \S+) \(.*$/s, '$1 (...)');
    const entry = merged.get(sql) ?? { sql, runs: 0, ms: 0 };
    entry.runs += row.runs;
    entry.ms += row.ms;
    merged.set(sql, entry);
  }
  return [...merged.values()];
}

function printProfile(on, off) {
  console.log('== create path, per request (the two servers in turn, 1 connection)');
  for (const [label, profile] of [
    ['rules on ', on],
    ['rules off', off],
  ]) {
    console.log(
      `${label}: p50 ${round(profile.p50Ms, 1)} ms per request, ${round(profile.queries, 1)} queries, ` +
        `${round(profile.dbMs, 1)} ms in the database`,
    );
  }
  const onStatements = byStatement(on.statements);
  const offRuns = new Map(byStatement(off.statements).map((row) => [row.sql, row.runs]));
  const extra = onStatements
    .map((row) => ({ ...row, extra: row.runs - (offRuns.get(row.sql) ?? 0) }))
    .filter((row) => row.extra >= 0.05)
    .sort((a, b) => b.ms - a.ms);
  console.log('statements the rules add (runs per request with rules on / off, ms per request with rules on):');
  for (const row of extra) {
    console.log(
      `  ${round(row.runs, 2)} / ${round(offRuns.get(row.sql) ?? 0, 2)}  ${round(row.ms, 2)} ms  ${shortSql(row.sql)}`,
    );
  }
}

// Waits until the server has run no query for 200 ms (at most `limitMs`, 10 s unless given): work
// that earlier requests left behind (Strapi's after-commit events, requests autocannon gave up on)
// must not be counted against the next endpoint.
async function quiet(server, limitMs = 10000) {
  let last = (await server.ask('stats')).queries;
  for (let waited = 0; waited < limitMs; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = (await server.ask('stats')).queries;
    if (now === last) return;
    last = now;
  }
}

async function queriesPerRequest(server, url, count = 5) {
  await quiet(server);
  await server.ask('reset');
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(url);
    if (!response.ok) return NaN;
    await response.arrayBuffer();
  }
  return (await server.ask('stats')).queries / count;
}

const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

function printTable(rows) {
  const header = ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'status', 'errors'];
  const lines = rows.map((row) =>
    [row.name, round(row.rps, row.rps < 1 ? 3 : 1), row.p50, row.p99, row.statuses, row.errors].map(String),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

// The raw response to one GET, as autocannon receives it: no Accept-Encoding unless given, and
// nothing decompressed, so the bare server can replay these very bytes.
function capture(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

function startBare() {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'bare.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const waiting = new Map();
    child.on('message', (message) => {
      if (message.type === 'ready') {
        resolve({
          label: 'bare',
          child,
          base: `http://127.0.0.1:${message.port}`,
          serve: (urlPath, captured) =>
            new Promise((answer) => {
              waiting.set(urlPath, answer);
              child.send({
                type: 'serve',
                path: urlPath,
                status: captured.status,
                headers: captured.headers,
                body: captured.body.toString('base64'),
              });
            }),
        });
      } else if (message.type === 'served') {
        waiting.get(message.path)?.();
        waiting.delete(message.path);
      }
    });
    child.on('exit', (code) => reject(new Error(`bare server exited with code ${code} before it was ready`)));
  });
}

async function stopBare(bare) {
  if (!bare || bare.child.exitCode !== null) return;
  const exited = new Promise((resolve) => bare.child.once('exit', resolve));
  bare.child.send({ type: 'stop' });
  const timer = setTimeout(() => bare.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function printGoals(ratios) {
  for (const [name, value] of Object.entries(ratios)) {
    const goal = GOALS[name];
    if (!goal) {
      console.log(`${name.padEnd(24)} ${String(value).padEnd(8)} (no goal)`);
      continue;
    }
    const [comparison, target] = goal;
    const met =
      value === null ? 'not measured' : (comparison === '>=' ? value >= target : value <= target) ? 'met' : 'NOT met';
    console.log(`${name.padEnd(24)} ${String(value).padEnd(8)} goal ${comparison} ${target}: ${met}`);
  }
}

// The search benchmark's database: a file in the run's directory, or on PostgreSQL a database made
// beside --postgres's, dropped (with any connection left to it) once its server has stopped.
async function searchDatabase(options, tmp) {
  if (!options.postgres) return { database: path.join(tmp, 'search.db'), drop: async () => undefined };
  const { Client } = require('pg');
  const url = new URL(options.postgres);
  const name = `${decodeURIComponent(url.pathname.slice(1)) || 'newsroom'}_bench_search_${process.pid}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);
  const admin = async (sql) => {
    const client = new Client({ connectionString: options.postgres });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  return { database: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

// autocannon counts a request still unanswered after 10 s as a timeout and sends another.
const AUTOCANNON_TIMEOUT_MS = 10000;
// How long the search benchmark waits for a server to work off requests autocannon gave up on.
const DRAIN_MS = 15 * 60 * 1000;

// Sequential requests, one at a time (5, or fewer when they take more than `seconds` in all, at
// least one): wall time, queries and database time per request, and the statements by time.
async function profileRequests(server, url, seconds, count = 5) {
  await quiet(server, DRAIN_MS);
  await server.ask('reset');
  const latencies = [];
  const started = Date.now();
  while (latencies.length < count && (latencies.length === 0 || Date.now() - started < seconds * 1000)) {
    const before = process.hrtime.bigint();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    latencies.push(Number(process.hrtime.bigint() - before) / 1e6);
  }
  const done = latencies.length;
  const { statements } = await server.ask('profile');
  const perRequest = statements
    .map(({ sql, count: runs, ms }) => ({ sql, runs: runs / done, ms: ms / done }))
    .sort((a, b) => b.ms - a.ms);
  return {
    requests: done,
    wallMs: latencies.reduce((sum, ms) => sum + ms, 0) / done,
    queries: perRequest.reduce((sum, row) => sum + row.runs, 0),
    dbMs: perRequest.reduce((sum, row) => sum + row.ms, 0),
    statements: perRequest,
  };
}

// One connection, one request at a time for `seconds` (at least one request): for an endpoint whose
// single request takes so long that autocannon's connections would only time out.
async function sequentialRow(name, url, seconds) {
  const latencies = [];
  const statuses = new Set();
  let errors = 0;
  const started = process.hrtime.bigint();
  const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
  do {
    const before = process.hrtime.bigint();
    const response = await fetch(url);
    await response.arrayBuffer();
    latencies.push(Number(process.hrtime.bigint() - before) / 1e6);
    statuses.add(response.status);
    if (response.status >= 500) errors += 1;
  } while (elapsedMs() < seconds * 1000);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name: `${name} (1 connection)`,
    rps: (sorted.length * 1000) / elapsedMs(),
    p50: Math.round(percentile(sorted, 50)),
    p99: Math.round(percentile(sorted, 99)),
    statuses: [...statuses].join('/'),
    errors,
  };
}

// The queries the search benchmark asks: a word in every article, a word in one, two words in every
// article, and a tenth of the articles' places asked in another spelling (hamza and ta marbuta
// left out; Urdu letters) than the stored one, whose own spelling must find as many.
function searchQueries(n) {
  return [
    { key: 'common', name: 'common word', q: 'الاتفاق' },
    { key: 'rare', name: 'rare word', q: rareWord(Math.max(1, Math.ceil(n / 2))) },
    { key: 'two', name: 'two words', q: 'التعاون العسكري' },
    { key: 'hamza', name: 'hamza variant', q: 'انقره', stored: 'أنقرة' },
    { key: 'urdu', name: 'Urdu spelling', q: 'پاکستان', stored: 'باكستان' },
  ];
}
const searchPath = (q) => `/api/search?q=${encodeURIComponent(q)}&pagination[pageSize]=10`;

async function searchTotal(server, q) {
  const response = await fetch(server.base + searchPath(q));
  const body = await response.json();
  if (response.status !== 200) throw new Error(`search ${q} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.meta.pagination.total;
}

// Search at --search-n articles against one page of the list (10 articles, populated, as in the
// memory mix) on the same server, in the same run and cache condition:
// - hot: as deployed, repeated requests are response-cache hits (one request first fills the entry);
// - cold: the response cache switched off, so every request runs the search or the list. Each
//   endpoint is first timed alone (5 requests in turn, the per-request profile printed); when one
//   request takes so long that the connections, served in turn, would pass autocannon's timeout or
//   half the measured time, the row is taken on one connection instead and says so (its p99 then
//   holds no wait behind other requests).
// The list is measured before and after the searches of each condition and the ratios take the
// mean of the two, so a drift of the machine shows and is shared. Before each row the server is
// let work off what the previous one left (requests autocannon gave up on).
async function benchSearch(server, { searchN, listPath, run }) {
  const queries = searchQueries(searchN);
  const lines = [];
  for (const query of queries) {
    query.total = await searchTotal(server, query.q);
    if (query.stored) query.storedTotal = await searchTotal(server, query.stored);
  }
  const rows = [];
  const measured = {};
  const profiles = {};
  const listUrl = server.base + listPath(10);
  for (const condition of ['hot', 'cold']) {
    if (condition === 'cold') await server.ask('cache-off');
    const row = async (key, name, url) => {
      await quiet(server, DRAIN_MS);
      let result;
      if (condition === 'hot') {
        await (await fetch(url)).arrayBuffer();
        result = await measure(name, url, run);
      } else {
        const profile = await profileRequests(server, url, run.seconds);
        profiles[key] ??= profile;
        result =
          profile.wallMs * run.connections < Math.min(AUTOCANNON_TIMEOUT_MS, (run.seconds * 1000) / 2)
            ? await measure(name, url, run)
            : await sequentialRow(name, url, run.seconds);
      }
      rows.push(result);
      return result;
    };
    const lists = [await row('list', `list (10) at ${searchN}, ${condition}, before`, listUrl)];
    const searches = {};
    for (const query of queries) {
      searches[query.key] = await row(
        query.key,
        `search: ${query.name}, ${condition}`,
        server.base + searchPath(query.q),
      );
    }
    lists.push(await row('list', `list (10) at ${searchN}, ${condition}, after`, listUrl));
    measured[condition] = {
      listRps: (lists[0].rps + lists[1].rps) / 2,
      listP99: (lists[0].p99 + lists[1].p99) / 2,
      searches,
    };
  }
  await quiet(server, DRAIN_MS);
  await server.ask('cache-on');

  const { articles, indexed, reindexMs, after, before } = server.search;
  lines.push(
    `search at ${articles} articles: list page /api/articles?pagination[pageSize]=10&populate (credits, quotes), ` +
      `search /api/search?q=…&pagination[pageSize]=10 (articles)`,
  );
  lines.push(
    `  queries (matching published articles): ${queries
      .map(
        (query) =>
          `${query.name} "${query.q}" ${query.total}${query.stored ? ` (stored "${query.stored}" ${query.storedTotal})` : ''}`,
      )
      .join(', ')}`,
  );
  lines.push(
    `  reindex(): ${indexed} rows (article, quote and source versions) in ${round(reindexMs / 1000, 1)} s, ` +
      `${round(reindexMs / articles, 2)} ms per article`,
  );
  lines.push(
    `  index: ${after.bytes} bytes (${round(after.bytes / articles, 0)} per article; empty ${before.bytes}): ${Object.entries(
      after.parts,
    )
      .sort(([, a], [, b]) => b - a)
      .map(([name, bytes]) => `${name} ${bytes}`)
      .join(', ')}`,
  );
  lines.push(
    `  plus the search_text column in the content tables: ${after.searchTextBytes} bytes ` +
      `(${round(after.searchTextBytes / articles, 0)} per article)`,
  );
  lines.push('  per cold request, timed alone (1 connection, up to 5 requests): ms, queries, ms in the database');
  for (const [key, profile] of Object.entries(profiles)) {
    const name = key === 'list' ? 'list (10)' : `search: ${queries.find((query) => query.key === key).name}`;
    lines.push(
      `    ${name.padEnd(24)} ${round(profile.wallMs, 1)} ms, ${round(profile.queries, 1)} queries, ` +
        `${round(profile.dbMs, 1)} ms in the database (${profile.requests} requests)`,
    );
  }
  lines.push('  slowest statements of a cold common-word search (runs, ms per request):');
  for (const statement of profiles.common.statements.slice(0, 4)) {
    lines.push(`    ${round(statement.runs, 2)}  ${round(statement.ms, 2)} ms  ${shortSql(statement.sql)}`);
  }
  const worst = (condition, pick, better) =>
    Object.values(measured[condition].searches)
      .map(pick)
      .reduce((a, b) => (better(a, b) ? b : a));
  const ratios = {};
  for (const condition of ['hot', 'cold']) {
    const { listRps, listP99 } = measured[condition];
    ratios[`search_vs_list_${condition}`] = round(
      worst(
        condition,
        (result) => result.rps / listRps,
        (a, b) => b < a,
      ),
      3,
    );
    ratios[`search_p99_vs_list_${condition}`] = round(
      worst(
        condition,
        (result) => result.p99 / Math.max(listP99, 1),
        (a, b) => b > a,
      ),
    );
  }
  ratios.search_bytes_per_article = round(after.bytes / articles, 0);
  ratios.search_reindex_s = round(reindexMs / 1000, 1);
  return { rows, lines, ratios };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  const servers = [];
  let bare;
  let dropSearchDatabase;
  const cleanup = async () => {
    await Promise.all([...servers.map(stopServer), stopBare(bare)]);
    if (dropSearchDatabase) await dropSearchDatabase();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
  try {
    console.log(
      `== building (tsc) and starting the production server with ${options.n} articles, ` +
        `the response cache and read queue as ${options.guards === 'route' ? 'route middlewares only' : 'global middlewares'}`,
    );
    await compileApp({ appDir: ROOT });
    const main = await startServer('production', {
      nodeEnv: 'production',
      database: options.postgres || path.join(tmp, 'main.db'),
      rulesOff: false,
      n: options.n,
      guards: options.guards,
    });
    servers.push(main);
    bare = await startBare();
    const run = { seconds: options.seconds, connections: options.connections };
    const rows = [];
    const listPath = (size) => `/api/articles?pagination[pageSize]=${size}&${POPULATE}`;
    const feedPath = (feed, size) => `/api/syndication/${feed}?limit=${size}`;
    const endpoints = [
      { key: 'list', name: 'list (50, populated)', path: listPath(50) },
      { key: 'article', name: 'article by slug', path: `/api/articles?filters[slug][$eq]=${main.slug}&${POPULATE}` },
      ...FEEDS.map((feed) => ({ key: feed, name: `${feed} feed (50)`, path: feedPath(feed, 50), feed: true })),
    ];

    console.log('== public reads: cached (hits), the bare server replaying the same bytes, and 304s');
    const hot = {};
    const bareRows = {};
    const sizes = {};
    for (const endpoint of endpoints) {
      const identity = await capture(main.base + endpoint.path);
      if (identity.status !== 200) {
        console.log(`  (${endpoint.name} answered ${identity.status}: not measured)`);
        continue;
      }
      const coded = {};
      for (const coding of ['gzip', 'br']) {
        const response = await capture(main.base + endpoint.path, { 'accept-encoding': coding });
        if (response.headers['content-encoding'] === coding) coded[coding] = response.body.length;
      }
      sizes[endpoint.key] = { identity: identity.body.length, ...coded };
      await bare.serve(endpoint.path, identity);
      rows.push((hot[endpoint.key] = await measure(endpoint.name, main.base + endpoint.path, run)));
      rows.push(
        (bareRows[endpoint.key] = await measure(`${endpoint.name}, bare server`, bare.base + endpoint.path, run)),
      );
      if (endpoint.feed && identity.headers.etag)
        rows.push(
          (hot[`${endpoint.key}-304`] = await measure(`${endpoint.name} 304`, main.base + endpoint.path, {
            ...run,
            headers: { 'if-none-match': identity.headers.etag },
          })),
        );
    }
    if (hot.list)
      rows.push(
        (hot['list-br'] = await measure('list (50, populated), br', main.base + listPath(50), {
          ...run,
          headers: { 'accept-encoding': 'br' },
        })),
      );

    console.log('== the cold path: the same reads with the response cache off');
    await main.ask('cache-off');
    const cold = {};
    for (const endpoint of endpoints.filter(({ key }) => hot[key])) {
      rows.push((cold[endpoint.key] = await measure(`${endpoint.name}, cold`, main.base + endpoint.path, run)));
    }
    const createRequests = (server) => [
      {
        method: 'POST',
        path: '/api/articles',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ data: benchArticle(server) }) }),
      },
    ];
    rows.push(
      await measure('create article (REST)', main.base, {
        ...run,
        connections: 1,
        method: 'POST',
        requests: createRequests(main),
      }),
    );

    console.log('== query counts at size 10 and 100 (cache off: what a render costs)');
    const queryRatios = {};
    const queryCounts = {};
    const ratioOf = async (name, url) => {
      const [large, small] = [await queriesPerRequest(main, url(100)), await queriesPerRequest(main, url(10))];
      queryCounts[name] = `${round(large, 1)}/${round(small, 1)}`;
      queryRatios[name] = large / small;
    };
    await ratioOf('list', (size) => main.base + listPath(size));
    for (const feed of FEEDS.filter((name) => hot[name])) {
      await ratioOf(feed, (size) => main.base + feedPath(feed, size));
    }
    await main.ask('cache-on');

    console.log(`== memory over ${options.growthRequests} requests`);
    const warm = (await main.ask('stats')).rss;
    // A mix of what partners send: one article, a feed revalidation, a page of the list.
    const rssTag = (await capture(main.base + feedPath('rss', 50))).headers.etag ?? '';
    await cannon({
      url: main.base,
      amount: options.growthRequests,
      connections: options.connections,
      requests: [
        { method: 'GET', path: endpoints[1].path },
        { method: 'GET', path: feedPath('rss', 50), headers: { 'if-none-match': rssTag } },
        { method: 'GET', path: listPath(10) },
      ],
    });
    const grown = (await main.ask('stats')).rss;

    console.log('== create with the rules on and off (two identical non-production servers)');
    // NODE_ENV=test on both, as in earlier runs, so these create figures stay comparable with them.
    const on = await startServer('rules on', {
      nodeEnv: 'test',
      database: path.join(tmp, 'on.db'),
      rulesOff: false,
      n: 0,
    });
    servers.push(on);
    const off = await startServer('rules off', {
      nodeEnv: 'test',
      database: path.join(tmp, 'off.db'),
      rulesOff: true,
      n: 0,
    });
    servers.push(off);
    const [createOn, createOff] = await compareCreates([on, off], options.seconds, benchArticle);
    rows.push(createOn.row, createOff.row);
    const appRows = rows.filter((row) => !Object.values(bareRows).includes(row));

    let searched;
    if (options.searchN > 0) {
      // The servers above are done: stopped, so the search server has the machine to itself.
      await Promise.all([main, on, off].map(stopServer));
      console.log(
        `== search: a production server with ${options.searchN} articles loaded with the rules off, ` +
          'the index rebuilt by reindex(); search against one list page, hot and cold',
      );
      const { database, drop } = await searchDatabase(options, tmp);
      dropSearchDatabase = drop;
      const searchServer = await startServer('search', {
        nodeEnv: 'production',
        database,
        rulesOff: false,
        n: options.searchN,
        guards: options.guards,
        search: true,
      });
      servers.push(searchServer);
      searched = await benchSearch(searchServer, { searchN: options.searchN, listPath, run });
      rows.push(...searched.rows);
      await stopServer(searchServer);
    }

    printTable(rows);
    printProfile(createOn.profile, createOff.profile);
    const vsBare = (key) => round(hot[key] && bareRows[key] ? hot[key].rps / bareRows[key].rps : NaN);
    const compressed = Object.entries(sizes)
      .filter(([key]) => key !== 'article')
      .flatMap(([, size]) => ['gzip', 'br'].map((coding) => (size[coding] ?? size.identity) / size.identity));
    const ratios = {
      list_vs_bare: vsBare('list'),
      rss_vs_bare: vsBare('rss'),
      atom_vs_bare: vsBare('atom'),
      json_vs_bare: vsBare('json'),
      ninjs_vs_bare: vsBare('ninjs'),
      article_vs_bare: vsBare('article'),
      compressed_vs_raw: round(compressed.length ? Math.max(...compressed) : NaN, 3),
      list_hot_vs_cold: round(hot.list && cold.list ? hot.list.rps / cold.list.rps : NaN, 1),
      feed_vs_list: round(cold.rss && cold.list ? cold.rss.rps / cold.list.rps : NaN),
      not_modified_vs_feed: round(hot['rss-304'] && cold.rss ? hot['rss-304'].rps / cold.rss.rps : NaN, 1),
      create_rules_on_vs_off: round(createOn.profile.p50Ms / createOff.profile.p50Ms),
      queries_100_vs_10: round(Math.max(...Object.values(queryRatios))),
      p99_over_p50: round(Math.max(...appRows.map((row) => row.p99 / Math.max(row.p50, 1)))),
      rss_growth: round(grown / warm),
      errors: [...appRows, ...(searched?.rows ?? [])].reduce((sum, row) => sum + row.errors, 0),
      ...searched?.ratios,
    };
    console.log(`queries per request at size 100 / size 10: ${JSON.stringify(queryCounts)}`);
    console.log(
      `bytes per response (identity/gzip/br): ${Object.entries(sizes)
        .map(([key, size]) => `${key} ${size.identity}/${size.gzip ?? '-'}/${size.br ?? '-'}`)
        .join(', ')}`,
    );
    for (const line of searched?.lines ?? []) console.log(line);
    printGoals(ratios);
    console.log(JSON.stringify(ratios));
  } finally {
    await cleanup();
  }
}

let counter = 0;
// A distinct, fully credited article per request, as a partner's importer would send.
function benchArticle(server) {
  counter += 1;
  const { article } = syntheticArticle(counter + 100000, server.credits);
  return { ...article, title: `${article.title} ${process.pid}-${counter}` };
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
