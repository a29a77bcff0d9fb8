// `node scripts/import.js` as the editor runs it (npm run import), in a child process on its
// own throwaway SQLite database: exit code and the printed summary.
import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { rmSync } from 'fs';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/dispatches');
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
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/import.js'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120000,
  });

afterAll(() => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(database + suffix, { force: true });
});

test('imports two files: one created, one failed with its file and message, exit code 1', () => {
  const run = runImport(
    path.join(FIXTURES, '04-paren-single-agency-levantine.txt'),
    path.join(FIXTURES, '09-malformed-unclosed-dateline.txt'),
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('created  tests/fixtures/dispatches/04-paren-single-agency-levantine.txt');
  expect(run.stdout).toContain('Summary: created 1, skipped 0, failed 1');
  expect(run.stdout).toMatch(
    /Failed[^\n]*\n {2}tests\/fixtures\/dispatches\/09-malformed-unclosed-dateline\.txt: The dateline/,
  );
});

test('the same file again is skipped, exit code 0; usage errors exit 2', () => {
  const again = runImport(path.join(FIXTURES, '04-paren-single-agency-levantine.txt'));
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('Summary: created 0, skipped 1, failed 0');
  const usage = runImport('--no-such-flag');
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('Usage: npm run import');
});
