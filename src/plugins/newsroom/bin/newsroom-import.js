#!/usr/bin/env node
// `npx newsroom-import <file|folder> ... [--draft] [--dry-run] [--verbose]`, run in the folder of the
// Strapi app the plugin is installed in: boots that app without serving HTTP (compiling its TypeScript
// first, as `strapi develop` does) and imports wire dispatches through the plugin's importer service,
// the same code as the bootstrap seed. Plain CommonJS: nothing to build before it runs. A CLI, so it
// prints.
'use strict';
const fs = require('fs');
const path = require('path');

const USAGE = `Usage: npx newsroom-import <file|folder> ... [--draft] [--dry-run] [--verbose]

Run it in your Strapi app's folder. Imports UTF-8 text dispatches (a folder: its *.txt files) as
Articles, Quotes and Sources.
  --draft     save Articles and Quotes as drafts instead of publishing them
  --dry-run   print what would be created; change nothing
  --verbose   show Strapi's own log lines and warnings
Exit code: 0 when every file was created or skipped, 1 when any failed, 2 on a usage error.`;

/** The parsed arguments, or the message of a usage error. */
function parseArguments(argv) {
  const parsed = { paths: [], draft: false, dryRun: false, verbose: false, help: false };
  for (const argument of argv) {
    if (argument === '--draft') parsed.draft = true;
    else if (argument === '--dry-run') parsed.dryRun = true;
    else if (argument === '--verbose') parsed.verbose = true;
    else if (argument === '--help' || argument === '-h') parsed.help = true;
    else if (argument.startsWith('-')) return `Unknown option ${argument}.`;
    else parsed.paths.push(argument);
  }
  if (!parsed.help && parsed.paths.length === 0) return 'Name at least one dispatch file or folder.';
  return parsed;
}

// C0 and C1 controls, DEL, and the bidi controls that reorder a line (ALM, LRM, RLM, embeddings,
// overrides, isolates): a file name or a dispatch's title holding them could move the cursor, recolour
// or rewrite the terminal, or make a line read otherwise than it is.
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text safe to print to a terminal: each control written as a visible escape (`\x1B`, `\u202E`). */
function printable(text) {
  return String(text).replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase()}`;
  });
}

const OUTCOME_LABEL = {
  created: 'created',
  skipped: 'skipped',
  failed: 'FAILED ',
};

function line(result, dryRun, shown) {
  const label = dryRun && result.outcome === 'created' ? 'would create' : OUTCOME_LABEL[result.outcome];
  const draft = result.draftReason ? ` — kept as a draft: ${result.draftReason}` : '';
  return `${label}  ${shown(result.file)}: ${printable(result.message)}${printable(draft)}`;
}

function progressBar(done, total, file) {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file}`;
}

function summary(report, shown) {
  const verb = report.dryRun ? 'would create' : 'created';
  const lines = [
    `Summary${report.dryRun ? ' (dry run, nothing changed)' : ''}: ${verb} ${report.created}` +
      (report.drafted > 0 ? ` (${report.drafted} as drafts)` : '') +
      `, skipped ${report.skipped}, failed ${report.failed}`,
  ];
  const drafts = report.results.filter((result) => result.draftReason);
  if (drafts.length > 0) {
    lines.push('Kept as drafts because a newsroom rule refused publishing (fix, then publish in the admin):');
    for (const result of drafts) lines.push(`  ${shown(result.file)}: ${printable(result.draftReason)}`);
  }
  const failures = report.results.filter((result) => result.outcome === 'failed');
  if (failures.length > 0) {
    lines.push('Failed (nothing was written for these files):');
    for (const result of failures) lines.push(`  ${shown(result.file)}: ${printable(result.message)}`);
  }
  return lines.join('\n');
}

/** The host app's own `@strapi/strapi` (never a copy beside the plugin), or undefined. */
function hostStrapi(appDir) {
  if (!fs.existsSync(path.join(appDir, 'package.json'))) return undefined;
  try {
    return require(require.resolve('@strapi/strapi', { paths: [appDir] }));
  } catch {
    return undefined;
  }
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

async function main(argv) {
  const args = parseArguments(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The app is the folder the command runs in (npm runs a package script there too).
  const appDir = process.cwd();
  const strapiPackage = hostStrapi(appDir);
  if (!strapiPackage) {
    process.stderr.write(`${printable(appDir)} is not a Strapi app (no @strapi/strapi installed there).\n\n${USAGE}\n`);
    return 2;
  }
  // `npm run` starts scripts in the app's root: paths are meant from the folder of the app where the
  // editor typed them, which npm keeps in INIT_CWD (one outside the app is another command's).
  const typedIn = process.env.INIT_CWD;
  const inApp = typedIn && !path.relative(appDir, path.resolve(typedIn)).startsWith('..');
  const cwd = inApp ? path.resolve(typedIn) : appDir;
  const paths = args.paths.map((given) => path.resolve(cwd, given));
  const shown = (file) => printable(path.relative(cwd, file) || file);
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';

  const { compileStrapi, createStrapi } = strapiPackage;
  // A TypeScript app is compiled into its dist folder (incrementally); a JavaScript app runs as it is.
  const { distDir } = await compileStrapi({ appDir });
  const strapi = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  if (!args.verbose) for (const transport of strapi.log.transports) transport.level = 'error';
  try {
    // strapi.load() is register() then bootstrap(); between them the host's options are loaded,
    // and a dry run turns the bootstrap seed off, since it must not write either.
    await strapi.register();
    if (args.dryRun) strapi.config.set('plugin::newsroom.seedDispatches', null);
    await strapi.bootstrap();
    const tty = Boolean(process.stdout.isTTY);
    const report = await strapi
      .plugin('newsroom')
      .service('importer')
      .importFiles(
        paths,
        { status: args.draft ? 'draft' : 'published', dryRun: args.dryRun },
        (result, done, total) => {
          if (tty) process.stdout.write(`\r\x1b[2K${progressBar(done, total, shown(result.file))}`);
          else process.stdout.write(`${line(result, args.dryRun, shown)}\n`);
        },
      );
    if (tty) process.stdout.write('\r\x1b[2K');
    process.stdout.write(`${summary(report, shown)}\n`);
    return report.failed > 0 ? 1 : 0;
  } finally {
    await settled(strapi);
    await strapi.destroy();
  }
}

module.exports = { parseArguments, summary, printable, hostStrapi, settled };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(
        `newsroom-import: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
