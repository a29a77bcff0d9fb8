#!/usr/bin/env node
// `npx newsroom-search-reindex`, run in the folder of the Strapi app the plugin is installed in:
// boots that app without serving HTTP and rebuilds the newsroom's search index from every stored
// Article, Quote and Source (after a change of the search rules, or for a database restored from
// elsewhere). Boots do this by themselves for documents that have no entry yet. A CLI, so it prints.
'use strict';
const { hostStrapi, settled } = require('./newsroom-import');

const USAGE = `Usage: npx newsroom-search-reindex [--verbose]

Run it in your Strapi app's folder. Rebuilds the newsroom's search index from the stored documents.
  --verbose   show Strapi's own log lines and warnings
Exit code: 0 when the index was rebuilt, 1 on a failure, 2 on a usage error.`;

async function main(argv) {
  const unknown = argv.filter((argument) => !['--verbose', '--help', '-h'].includes(argument));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown argument ${unknown[0]}.\n\n${USAGE}\n`);
    return 2;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const appDir = process.cwd();
  const strapiPackage = hostStrapi(appDir);
  if (!strapiPackage) {
    process.stderr.write(`${appDir} is not a Strapi app (no @strapi/strapi installed there).\n\n${USAGE}\n`);
    return 2;
  }
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  const { compileStrapi, createStrapi } = strapiPackage;
  const { distDir } = await compileStrapi({ appDir });
  const strapi = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  if (!argv.includes('--verbose')) for (const transport of strapi.log.transports) transport.level = 'error';
  try {
    await strapi.load();
    const search = strapi.plugin('newsroom').service('search');
    if (!search.available()) {
      process.stderr.write('This app’s database has no newsroom search (SQLite and PostgreSQL do).\n');
      return 1;
    }
    const started = Date.now();
    const indexed = await search.reindex();
    process.stdout.write(`Search index rebuilt: ${indexed} stored versions in ${Date.now() - started} ms.\n`);
    return 0;
  } finally {
    await settled(strapi);
    await strapi.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(
        `newsroom-search-reindex: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
