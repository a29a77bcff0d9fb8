// The production guards against the real start command: `npm start` with NODE_ENV unset, as an
// operator would run it, on the compiled app and a throwaway SQLite file. Unsafe settings must stop it
// before it listens, naming the variable; safe ones must start it; IS_PROXIED must reach koa.
import { spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import net from 'net';
import os from 'os';
import path from 'path';
import { throwawayDatabase } from './faults';
import { waitFor } from './support';
import { SECRET_VARIABLES } from '../../src/host/secrets';

const ROOT = path.resolve(__dirname, '..', '..');
const ADMIN = { email: 'desk@newsroom.test', password: `Desk-${randomBytes(6).toString('hex')}-9A` };
// Settings the guards read: only what each test sets may reach the child.
const GUARDED = [
  'NODE_ENV',
  'PUBLIC_URL',
  'IS_PROXIED',
  'NEWSROOM_ADMIN_EMAIL',
  'NEWSROOM_ADMIN_PASSWORD',
  'NEWSROOM_ALLOW_ENV_ADMIN',
];

interface Started {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
const removals: Array<() => void> = [];

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Strong secrets and a public address, NODE_ENV unset; `changes` adds or (with undefined) removes. */
function productionEnv(port: number, changes: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const { env, remove } = throwawayDatabase();
  removals.push(remove);
  for (const name of GUARDED) delete env[name];
  // Hex, as scripts/ensure-env.js writes them: random base64 could spell "admin" once in a million.
  const hex = () => randomBytes(32).toString('hex');
  for (const name of SECRET_VARIABLES) env[name] = name === 'APP_KEYS' ? `${hex()},${hex()}` : hex();
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: 'https://news.example.org',
    // Not the developer's .env: every setting of the child is the test's.
    ENV_PATH: os.devNull,
  });
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** `npm start` in its own process group, so the whole tree (npm, sh, strapi) can be stopped. */
function npmStart(env: NodeJS.ProcessEnv): Started {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const output: string[] = [];
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, output, exited };
}

const hasExited = (started: Started) => started.child.exitCode !== null || started.child.signalCode !== null;

async function stop(started: Started): Promise<void> {
  if (hasExited(started)) return;
  process.kill(-started.child.pid!, 'SIGKILL');
  await started.exited;
}

/** Waits until the start exits (its code) or answers /_health ("listening"). */
async function settle(base: string, started: Started): Promise<number | null | 'listening'> {
  await waitFor(async () => hasExited(started) || (await fetch(`${base}/_health`)).status === 204, {
    timeoutMs: 90000,
  });
  return hasExited(started) ? started.exited : 'listening';
}

async function expectListening(base: string, started: Started): Promise<void> {
  const ended = await settle(base, started);
  if (ended !== 'listening') throw new Error(`npm start exited with ${ended}: ${started.output.join('').slice(-3000)}`);
}

afterAll(async () => {
  for (const child of running) process.kill(-child.pid!, 'SIGKILL');
  await waitFor(async () => running.size === 0, { timeoutMs: 10000 }).catch(() => undefined);
  for (const remove of removals) remove();
});

describe('npm start with NODE_ENV unset refuses unsafe settings, naming the variable', () => {
  test.each([
    [
      'weak secrets CHANGEME and secret',
      { APP_KEYS: 'CHANGEME', ADMIN_JWT_SECRET: 'secret' },
      [/APP_KEYS: key 1 of 1 contains the example\/default value "changeme"/, /ADMIN_JWT_SECRET contains .*"secret"/],
    ],
    [
      'an admin from the environment with password "admin"',
      { NEWSROOM_ADMIN_EMAIL: ADMIN.email, NEWSROOM_ADMIN_PASSWORD: 'admin' },
      [/NEWSROOM_ADMIN_PASSWORD is too weak/, /NEWSROOM_ALLOW_ENV_ADMIN=true/],
    ],
    [
      'an allowed admin from the environment with password "admin"',
      { NEWSROOM_ADMIN_EMAIL: ADMIN.email, NEWSROOM_ADMIN_PASSWORD: 'admin', NEWSROOM_ALLOW_ENV_ADMIN: 'true' },
      [/NEWSROOM_ADMIN_PASSWORD is too weak/],
    ],
    ['no PUBLIC_URL', { PUBLIC_URL: undefined }, [/PUBLIC_URL is not set: feed links .* never the Host header/]],
    [
      'predictable secrets: runs, a leet-speak word twice, a word thrice, the alphabet, a word and digits',
      {
        API_TOKEN_SALT: '1234567890123456',
        ADMIN_JWT_SECRET: 'P@ssw0rdP@ssw0rd',
        TRANSFER_TOKEN_SALT: 'strapistrapistrapi',
        JWT_SECRET: 'abcdefghijklmnop',
        ENCRYPTION_KEY: 'letmein123456789',
      },
      ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'].map(
        (name) => new RegExp(`${name} is too predictable \\(about \\d+ bits of guessing`),
      ),
    ],
    [
      'a PUBLIC_URL with a leading space',
      { PUBLIC_URL: ' https://news.example.org' },
      [/PUBLIC_URL=" https:\/\/news\.example\.org" has spaces before or after it/],
    ],
  ])('%s', async (_label, changes, expected) => {
    const port = await freePort();
    const started = npmStart(productionEnv(port, changes));
    const ended = await settle(`http://127.0.0.1:${port}`, started);
    await stop(started);
    const output = started.output.join('');
    expect(ended).not.toBe('listening');
    expect(ended).not.toBe(0);
    expect(output).toMatch(/Refusing to start: NODE_ENV is "production"/);
    for (const pattern of expected) expect(output).toMatch(pattern);
    // Refused before listening: nothing answers on its port.
    await expect(fetch(`http://127.0.0.1:${port}/_health`)).rejects.toThrow();
  });
});

describe('npm start with NODE_ENV unset and safe settings', () => {
  let started: Started | undefined;
  afterEach(async () => {
    if (started) await stop(started);
    started = undefined;
  });

  test('starts as production with strong secrets and PUBLIC_URL, and answers /_health', async () => {
    const port = await freePort();
    const server = (started = npmStart(productionEnv(port)));
    await expectListening(`http://127.0.0.1:${port}`, server);
    // Strapi's start-up table names the environment it runs in: the guards above applied to this one.
    const plain = () => server.output.join('').replace(/\x1b\[[0-9;]*m/g, ''); // without colour codes
    await waitFor(async () => /Environment\W+production\b/.test(plain()), { timeoutMs: 10000 });
  });

  test('IS_PROXIED=true trusts X-Forwarded-Proto: the admin refresh cookie is Secure behind TLS', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    started = npmStart(
      productionEnv(port, {
        IS_PROXIED: 'true',
        NEWSROOM_ADMIN_EMAIL: ADMIN.email,
        NEWSROOM_ADMIN_PASSWORD: ADMIN.password,
        NEWSROOM_ALLOW_ENV_ADMIN: 'true',
      }),
    );
    await expectListening(base, started);
    const login = async (headers: Record<string, string>) => {
      const response = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(ADMIN),
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie().find((line) => line.startsWith('strapi_admin_refresh='));
      expect(cookie).toBeDefined();
      return cookie!;
    };
    // The proxy terminated TLS and says so: the cookie must never travel over plain HTTP.
    expect(await login({ 'x-forwarded-proto': 'https' })).toMatch(/;\s*secure/i);
    // Without the header the request counts as plain HTTP: the header alone made the difference.
    expect(await login({})).not.toMatch(/;\s*secure/i);
  });
});
