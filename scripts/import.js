#!/usr/bin/env node
// `npm run import -- <file|folder> ... [--draft] [--dry-run]`: boots the app without serving HTTP
// and imports wire dispatches through the newsroom plugin's importer service, the same code as the
// bootstrap seed. Plain JavaScript: nothing to compile before it runs. A CLI, so it prints.
'use strict';
const path = require('path');
const { bootStrapi, compileApp } = require('./boot-strapi');

const USAGE = `Usage: npm run import -- <file|folder> ... [--draft] [--dry-run]

Imports UTF-8 text dispatches (a folder: its *.txt files) as Articles, Quotes and Sources.
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
  // npm runs scripts from the project root; paths are meant from where the editor typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const paths = args.paths.map((given) => path.resolve(cwd, given));
  const shown = (file) => printable(path.relative(cwd, file) || file);
  const appDir = path.resolve(__dirname, '..');
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  // A dry run must not seed either.
  if (args.dryRun) process.env.NEWSROOM_SEED_DIR = 'none';
  // Nothing is compiled when the plugin's build and the app's dist are up to date.
  await compileApp({ appDir, onlyIfStale: true });
  const { strapi, stop } = await bootStrapi({ appDir, logLevel: args.verbose ? undefined : 'error' });
  try {
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
    await stop();
  }
}

module.exports = { parseArguments, summary, printable };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`import: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
