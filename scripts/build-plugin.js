#!/usr/bin/env node
// Builds the newsroom plugin (src/plugins/newsroom) with Strapi's plugin tooling when its dist/ is
// missing or older than its sources: Strapi loads a local plugin from its built exports, and skips a
// plugin whose server build is missing without a word. `--force` builds in any case.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const PLUGIN_DIR = path.resolve(__dirname, '..', 'src', 'plugins', 'newsroom');
const SOURCES = ['server', 'core', 'admin', 'package.json'];
const OUTPUTS = ['dist/server/index.js', 'dist/admin/index.mjs'];

/** The newest modification time of a file, or of the files below a folder except `skip`. */
function newestChange(target, skip = ['node_modules', 'dist']) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (skip.includes(entry)) continue;
    newest = Math.max(newest, newestChange(path.join(target, entry), skip));
  }
  return newest;
}

/** True when every built export exists and is newer than every source file. */
function pluginIsBuilt(pluginDir = PLUGIN_DIR) {
  const sources = Math.max(...SOURCES.map((entry) => newestChange(path.join(pluginDir, entry))));
  return OUTPUTS.every((output) => {
    const stat = fs.statSync(path.join(pluginDir, output), { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs >= sources;
  });
}

function buildPlugin({ pluginDir = PLUGIN_DIR, force = false, quiet = false } = {}) {
  if (!force && pluginIsBuilt(pluginDir)) return false;
  if (!quiet) console.log('== building the newsroom plugin (strapi-plugin build)');
  const bin = path.join(
    path.dirname(require.resolve('strapi-plugin-sdk/package.json', { paths: [pluginDir, __dirname] })),
    'bin',
    'strapi-plugin.js',
  );
  const result = spawnSync(process.execPath, [bin, 'build', '--silent'], {
    cwd: pluginDir,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`strapi-plugin build failed (exit ${result.status})`);
  if (!pluginIsBuilt(pluginDir)) throw new Error(`strapi-plugin build did not write ${OUTPUTS.join(' and ')}`);
  return true;
}

module.exports = { buildPlugin, newestChange, pluginIsBuilt, PLUGIN_DIR };

if (require.main === module) {
  try {
    buildPlugin({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`build-plugin: ${error.message}`);
    process.exit(1);
  }
}
