#!/usr/bin/env node
// `npm test`: the plugin's own unit tests (src/plugins/newsroom, its jest.config.js), then every
// suite of the host on SQLite, then the API suites again on PostgreSQL.
// The PostgreSQL run needs TEST_POSTGRES_URL (a role that may CREATE DATABASE); without it the run
// is skipped with a message, except under CI=true, where a skipped database is a failure.
// Extra arguments go to the Jest runs (e.g. `npm test -- tests/api/concurrency.test.ts`): options
// to every run; a path under src/plugins/newsroom/ selects the plugin's tests, any other path the
// host's, and a run none of the paths select is left out.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { newestChange } = require('./build-plugin');

const root = path.resolve(__dirname, '..');
const jest = require.resolve('jest/bin/jest');
const extra = process.argv.slice(2);
const ci = /^(1|true|yes)$/i.test(process.env.CI ?? '');

function run(label, args, env, cwd = root) {
  console.log(`\n== ${label}: jest ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [jest, ...args], { cwd, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

// The plugin's unit tests run in their own Jest run, with the plugin's config, from its folder.
const PLUGIN = path.join(root, 'src', 'plugins', 'newsroom');
const inPlugin = (arg) => !path.relative(PLUGIN, path.resolve(root, arg)).startsWith('..');
const options = extra.filter((arg) => arg.startsWith('-'));
const paths = extra.filter((arg) => !arg.startsWith('-'));
const pluginPaths = paths.filter(inPlugin).map((arg) => path.relative(PLUGIN, path.resolve(root, arg)) || '.');
const hostPaths = paths.filter((arg) => !inPlugin(arg));
const runPlugin = paths.length === 0 || pluginPaths.length > 0;
const runHost = paths.length === 0 || hostPaths.length > 0;
const pluginArgs = [...options, ...pluginPaths.filter((arg) => arg !== '.')];
const hostArgs = [...options, ...hostPaths];

// The admin panel the end-to-end suites drive: built by `npm run build` into dist/build. A
// newcomer's first `npm test` (or one after an admin change) builds it when Chromium is there to
// use it, so the e2e suites run instead of skipping.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ADMIN_BUILD = path.join(root, 'dist', 'build', 'index.html');
const ADMIN_SOURCES = [
  'src/admin',
  'src/plugins/newsroom/admin',
  'src/plugins/newsroom/core',
  'config',
  'package-lock.json',
];

function adminIsStale() {
  const built = fs.statSync(ADMIN_BUILD, { throwIfNoEntry: false });
  if (!built) return 'it was never built';
  const sources = Math.max(...ADMIN_SOURCES.map((entry) => newestChange(path.join(root, entry))));
  return sources > built.mtimeMs ? 'its sources changed since it was built' : '';
}

function buildAdminForE2e() {
  if (!fs.existsSync(CHROMIUM)) return 0;
  if (extra.length > 0 && !extra.some((arg) => arg.includes('e2e'))) return 0;
  const stale = adminIsStale();
  if (!stale) return 0;
  console.log(`\n== building the admin panel for the end-to-end suites (${stale}): npm run build`);
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status === 0 ? 0 : 1;
}

function main() {
  const only = process.env.TEST_DATABASE;
  let failed = 0;

  if (!only || only === 'sqlite') {
    // No database: they run once, beside the SQLite run.
    if (runPlugin)
      failed += run("the plugin's unit tests (src/plugins/newsroom)", pluginArgs, process.env, PLUGIN) ? 1 : 0;
  }

  if ((!only || only === 'sqlite') && runHost) failed += buildAdminForE2e();

  if ((!only || only === 'sqlite') && runHost) {
    failed += run('SQLite', ['--runInBand', ...hostArgs], { ...process.env, TEST_DATABASE: 'sqlite' }) ? 1 : 0;
  }
  if ((!only || only === 'postgres') && runHost) {
    if (process.env.TEST_POSTGRES_URL) {
      // Unit suites do not touch a database: the API, hostile and foreign-app suites run twice.
      const args = hostPaths.length > 0 ? hostArgs : [...options, 'tests/api', 'tests/hostile', 'tests/plugin'];
      failed += run('PostgreSQL', ['--runInBand', ...args], { ...process.env, TEST_DATABASE: 'postgres' }) ? 1 : 0;
    } else if (ci || only === 'postgres') {
      console.error(
        '\n== PostgreSQL: TEST_POSTGRES_URL is not set, and under CI (or with TEST_DATABASE=postgres) the PostgreSQL run may not be skipped.',
      );
      failed += 1;
    } else {
      console.log(
        '\n== PostgreSQL: SKIPPED, TEST_POSTGRES_URL is not set.\n' +
          '   To run the API suites on PostgreSQL too: ' +
          'TEST_POSTGRES_URL=postgres://newsroom_test:newsroom_test@127.0.0.1:5432/newsroom_test npm test\n' +
          '   (README, "Running the PostgreSQL suite locally").',
      );
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
