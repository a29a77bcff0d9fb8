// How this repository compiles and boots its app outside `strapi develop/start`: the tests, the
// hostile child server, the bench and the continuity fixture script. Plain CommonJS, so plain Node
// and the TypeScript tests require it alike; types in boot-strapi.d.ts. (`npm run import` is the
// plugin's own `newsroom-import` command, which boots whatever app it runs in.)
'use strict';
const fs = require('fs');
const path = require('path');
const { buildPlugin, newestChange } = require('./build-plugin');
const { cleanDist } = require('./clean-dist');

/**
 * Build the newsroom plugin when its build is stale, then compile the app (TypeScript → dist), as
 * `strapi build` does without the admin panel. `onlyIfStale` skips an up-to-date compile.
 */
async function compileApp({ appDir, onlyIfStale = false }) {
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  buildPlugin();
  if (onlyIfStale) {
    const built = fs.statSync(path.join(appDir, 'dist', 'src', 'index.js'), { throwIfNoEntry: false });
    // The app's own code: src/ (the plugin and the admin panel have builds of their own) and config/.
    const skip = ['plugins', 'admin'];
    const sources = Math.max(
      newestChange(path.join(appDir, 'src'), skip),
      newestChange(path.join(appDir, 'config'), skip),
    );
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
