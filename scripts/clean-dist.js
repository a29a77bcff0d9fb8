#!/usr/bin/env node
// Removes the app's compiled server code (dist/src, dist/config) before it is compiled again:
// `strapi build` compiles into dist/ without cleaning it, so a file deleted from src/ (the app's
// old src/api/article after the newsroom became a plugin, say) would otherwise still be loaded.
// The admin panel's build (dist/build) stays.
'use strict';
const fs = require('fs');
const path = require('path');

function cleanDist(appDir = path.resolve(__dirname, '..')) {
  for (const stale of ['src', 'config', 'tsconfig.tsbuildinfo'])
    fs.rmSync(path.join(appDir, 'dist', stale), { recursive: true, force: true });
}

module.exports = { cleanDist };

if (require.main === module) cleanDist();
