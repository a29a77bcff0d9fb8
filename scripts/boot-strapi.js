// The one way this repo compiles and boots Strapi outside `strapi develop/start`: the tests, the
// hostile child server, the bench, the import CLI and the fixture script. Plain CommonJS, so plain
// Node and the compiled CLI (dist/src/cli/import.js) require it alike; types in boot-strapi.d.ts.
'use strict';
const fs = require('fs');
const path = require('path');
const { buildPlugin } = require('./build-plugin');
const { cleanDist } = require('./clean-dist');

// The app's own TypeScript: its src/ (the plugin and the admin excepted) and config/.
function newestAppSource(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.(ts|js|json)$/.test(target) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'plugins' || entry === 'admin') continue;
    newest = Math.max(newest, newestAppSource(path.join(target, entry)));
  }
  return newest;
}

/**
 * Build the newsroom plugin when its build is stale, then compile the app (TypeScript → dist), as
 * `strapi build` does without the admin panel. `onlyIfStale` skips an up-to-date compile.
 */
async function compileApp({ appDir, onlyIfStale = false }) {
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  buildPlugin();
  if (onlyIfStale) {
    const built = fs.statSync(path.join(appDir, 'dist', 'src', 'index.js'), { throwIfNoEntry: false });
    const sources = Math.max(newestAppSource(path.join(appDir, 'src')), newestAppSource(path.join(appDir, 'config')));
    if (built && built.mtimeMs >= sources) return;
  }
  cleanDist(appDir);
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
}

/**
 * Create the compiled app from `<appDir>/dist`, load it (register, bootstrap) and optionally serve
 * HTTP. `stop()` lets in-flight database work finish, then destroys the instance.
 */
async function bootStrapi({ appDir, serveHttp = false, logLevel, serveAdminPanel = false, beforeLoad }) {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel });
  if (logLevel) for (const transport of strapi.log.transports) transport.level = logLevel;
  const stop = async () => {
    await settled(strapi);
    await strapi.destroy();
  };
  try {
    if (beforeLoad) await beforeLoad(strapi);
    await strapi.load();
    if (serveHttp) {
      await strapi.server.mount();
      const { host, port } = serveHttp;
      await new Promise((resolve) => strapi.server.httpServer.listen(port, host, resolve));
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { strapi, server: serveHttp ? strapi.server.httpServer : undefined, stop };
}

// Strapi emits entry events after commit without awaiting them; let them finish before destroy.
async function settled(strapi) {
  const pool = strapi.db?.connection?.client?.pool;
  for (let round = 0; pool && round < 200; round += 1) {
    if (pool.numUsed() === 0 && pool.numPendingAcquires() === 0 && pool.numPendingCreates() === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

module.exports = { bootStrapi, compileApp, settled };
