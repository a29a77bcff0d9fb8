// The plugin's `newsroom-import` command as the editor runs it in this app (`npm run import` calls
// it), in a child process on its own throwaway SQLite database: exit code and the printed summary;
// then `newsroom-search-reindex` on that database.
import { execFileSync, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'src/plugins/newsroom/tests/fixtures/dispatches');
const database = path.join(os.tmpdir(), `newsroom-cli-${process.pid}-${randomBytes(3).toString('hex')}.db`);
const secret = () => randomBytes(16).toString('base64');
const env = {
  ...process.env,
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: database,
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  INIT_CWD: ROOT,
};
const runImport = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'src/plugins/newsroom/bin/newsroom-import.js'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120000,
    // A read that hangs (a FIFO) must end the run, even if the importer ignores SIGTERM.
    killSignal: 'SIGKILL',
  });
const folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-cli-folder-'));

afterAll(() => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(database + suffix, { force: true });
  rmSync(folder, { recursive: true, force: true });
});

test('imports two files: one created, one failed with its file and message, exit code 1', () => {
  const run = runImport(
    path.join(FIXTURES, '04-paren-single-agency-levantine.txt'),
    path.join(FIXTURES, '09-malformed-unclosed-dateline.txt'),
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toContain(
    'created  src/plugins/newsroom/tests/fixtures/dispatches/04-paren-single-agency-levantine.txt',
  );
  expect(run.stdout).toContain('Summary: created 1, skipped 0, failed 1');
  expect(run.stdout).toMatch(
    /Failed[^\n]*\n {2}src\/plugins\/newsroom\/tests\/fixtures\/dispatches\/09-malformed-unclosed-dateline\.txt: The dateline/,
  );
});

test('the same file again is skipped, exit code 0; usage errors exit 2', () => {
  const again = runImport(path.join(FIXTURES, '04-paren-single-agency-levantine.txt'));
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('Summary: created 0, skipped 1, failed 0');
  const usage = runImport('--no-such-flag');
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('Usage: npx newsroom-import');
});

test('a folder is read only through its regular files, each bounded; names are printed with controls escaped', () => {
  const shown = (name: string) => path.relative(ROOT, path.join(folder, name));
  // A link named like a dispatch, to a file it must not read; a FIFO no one writes to; a file over the cap.
  symlinkSync('/etc/hostname', path.join(folder, 'a-link.txt'));
  execFileSync('mkfifo', [path.join(folder, 'b-pipe.txt')]);
  writeFileSync(path.join(folder, 'c-big.txt'), Buffer.alloc(300 * 1024, 0x61));
  // A regular dispatch whose name would recolour the terminal and clear the screen (ESC, 8-bit CSI).
  const hostileName = 'd-\u001b[31mred\u009b2J\u202Eevil.txt';
  copyFileSync(path.join(FIXTURES, '10-paired-month-broadcaster-venue.txt'), path.join(folder, hostileName));
  const run = runImport(folder);
  expect(run.signal).toBeNull();
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(
    new RegExp(`FAILED +${escape(shown('a-link.txt'))}: is a symbolic link, not a regular file`),
  );
  expect(run.stdout).toMatch(new RegExp(`FAILED +${escape(shown('b-pipe.txt'))}: is a named pipe \\(FIFO\\)`));
  expect(run.stdout).toMatch(
    new RegExp(`FAILED +${escape(shown('c-big.txt'))}: is 307200 bytes, over the limit of 262144 bytes \\(256 KB\\)`),
  );
  expect(run.stdout).toContain(`created  ${shown('d-\\x1B[31mred\\x9B2J\\u202Eevil.txt')}`);
  expect(run.stdout).toMatch(/Summary: created 1( \(1 as drafts\))?, skipped 0, failed 3/);
  // Nothing of the link's target, and no control character, reaches the terminal.
  expect(run.stdout).not.toContain(readFileSync('/etc/hostname', 'utf8').trim());
  expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
});

test('newsroom-search-reindex rebuilds a lost search index from the stored documents', () => {
  const Database = require('better-sqlite3');
  const count = (sql: string) => {
    const db = new Database(database, { readonly: true });
    try {
      return Number(db.prepare(sql).pluck().get());
    } finally {
      db.close();
    }
  };
  const stored = () =>
    count(
      'SELECT (SELECT count(*) FROM newsroom_articles) + (SELECT count(*) FROM newsroom_quotes) + ' +
        '(SELECT count(*) FROM newsroom_sources)',
    );
  const found = () => count(`SELECT count(*) FROM newsroom_search_fts WHERE newsroom_search_fts MATCH '"بيسكوف"'`);
  expect(count('SELECT count(*) FROM newsroom_search_entries')).toBe(stored());
  const before = found();
  expect(before).toBeGreaterThan(0);
  const db = new Database(database);
  db.prepare('DELETE FROM newsroom_search_entries').run();
  db.close();
  expect(found()).toBe(0);
  const run = spawnSync(process.execPath, [path.join(ROOT, 'src/plugins/newsroom/bin/newsroom-search-reindex.js')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(new RegExp(`^Search index rebuilt: ${stored()} stored versions in \\d+ ms\\.\\n$`));
  expect(count('SELECT count(*) FROM newsroom_search_entries')).toBe(stored());
  expect(found()).toBe(before);
  const usage = spawnSync(
    process.execPath,
    [path.join(ROOT, 'src/plugins/newsroom/bin/newsroom-search-reindex.js'), '--all'],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    },
  );
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('Usage: npx newsroom-search-reindex');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
