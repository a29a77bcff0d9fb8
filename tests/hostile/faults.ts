// Faults and load against a real server process (tests/hostile/serve-dist.js) on its own SQLite
// file: SIGKILL in the middle of a stream of creates, a restart on the same file, then many
// readers and writers at once. Every acknowledged write must be there, whole.
import { fork, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { rmSync } from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { figures, observe, waitFor } from './support';

export const SEED_TITLE = 'بوتين: لدينا خطط للتعاون مع إيران عسكريا وفي مجالات أخرى';
const SECRETS = ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

export interface Server {
  child: ChildProcess;
  base: string;
  token: string;
  sputnik: string;
  ppn: string;
  stderr: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** One throwaway database and the secrets every boot on it shares. */
export function throwawayDatabase(): { env: NodeJS.ProcessEnv; remove: () => void } {
  const file = path.join(os.tmpdir(), `newsroom-hostile-${process.pid}-${randomBytes(3).toString('hex')}.db`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: file,
    APP_KEYS: [1, 2].map(() => randomBytes(16).toString('base64')).join(','),
  };
  for (const name of SECRETS) env[name] = randomBytes(16).toString('base64');
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
  };
  return { env, remove };
}

export const children = new Set<ChildProcess>();

export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const stderr: string[] = [];
  const child = fork(path.join(__dirname, 'serve-dist.js'), [], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.add(child);
  child.stderr?.on('data', (chunk) => stderr.push(String(chunk)));
  const ready = await new Promise<{ token: string; sputnik: string; ppn: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as never));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr.join('').slice(-2000)}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/_health`)).status === 204, { timeoutMs: 60000 });
  return { child, base, stderr, ...ready };
}

export async function killServer(server: Server, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill(signal);
  await exited;
  children.delete(server.child);
}

/** fetch, observed: every answer is counted and scanned like the in-process ones. */
export async function observed(
  server: Server,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(server.base + url, {
    method,
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  observe(`${method} ${url.slice(0, 80)}`, url, response.status, text);
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

const articleData = (server: Server, title: string) => ({
  data: {
    title,
    dispatchDate: '2021-06-14',
    body: `<p>${title}</p>`,
    credits: [
      { role: 'originator', source: server.sputnik },
      { role: 'distributor', source: server.ppn },
    ],
  },
});

/** A stream of creates from `writers` loops until `stop()` holds; returns what was acknowledged. */
export async function writeStream(
  server: Server,
  prefix: string,
  writers: number,
  stop: () => boolean,
  onAck: (count: number) => void = () => undefined,
): Promise<{ acknowledged: Map<string, string>; failures: string[] }> {
  const acknowledged = new Map<string, string>();
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (!stop()) {
        const title = `${prefix} ${(next += 1)}`;
        try {
          const response = await observed(server, 'POST', '/api/articles', articleData(server, title));
          if (response.status === 201) {
            acknowledged.set(response.json.data.documentId, title);
            onAck(acknowledged.size);
          } else failures.push(`${title}: ${response.status} ${response.text.slice(0, 200)}`);
        } catch (error) {
          failures.push(`${title}: ${(error as Error).message}`);
          if (server.child.exitCode !== null || server.child.signalCode !== null) return;
        }
      }
    }),
  );
  return { acknowledged, failures };
}

type Article = { documentId: string; title: string; dateline: string | null; credits?: Array<{ source?: unknown }> };

/** Every version (draft and published) of every article whose title starts with `prefix`. */
export async function storedArticles(server: Server, prefix: string): Promise<Map<string, Article[]>> {
  const found = new Map<string, Article[]>();
  for (const status of ['published', 'draft']) {
    for (let page = 1; ; page += 1) {
      const response = await observed(
        server,
        'GET',
        `/api/articles?status=${status}&filters[title][$startsWith]=${encodeURIComponent(prefix)}` +
          `&populate[credits][populate][source]=true&pagination[page]=${page}&pagination[pageSize]=100`,
      );
      if (response.status !== 200) throw new Error(`listing articles: ${response.status} ${response.text}`);
      for (const item of response.json.data as Article[]) {
        found.set(item.documentId, [...(found.get(item.documentId) ?? []), item]);
      }
      if (page >= response.json.meta.pagination.pageCount) break;
    }
  }
  return found;
}

/** What is wrong with the stored articles: missing acknowledged ones, half-written ones. */
export function wholeness(acknowledged: Map<string, string>, stored: Map<string, Article[]>): string[] {
  const problems: string[] = [];
  for (const [documentId, title] of acknowledged) {
    if (!stored.has(documentId)) {
      figures.writesLost += 1;
      problems.push(`acknowledged "${title}" (${documentId}) is missing`);
    }
  }
  for (const [documentId, versions] of stored) {
    if (versions.length !== 2) problems.push(`${documentId}: ${versions.length} versions instead of draft + published`);
    for (const version of versions) {
      const sources = (version.credits ?? []).filter((credit) => credit.source).length;
      if (sources !== 2 || !version.dateline) {
        problems.push(`${documentId} "${version.title}": ${sources} credited sources, dateline ${version.dateline}`);
      }
    }
  }
  return problems;
}

export const loadSeconds = () =>
  Number(process.env.HOSTILE_LOAD_SECONDS ?? (process.env.CI ? 30 : 10)) || (process.env.CI ? 30 : 10);

/** Readers and writers at once for `seconds`; returns the readers' failures and the writers' outcome. */
export async function runLoad(server: Server, seconds: number, readers = 200, writers = 10) {
  const deadline = Date.now() + seconds * 1000;
  const stop = () => Date.now() > deadline;
  const readerFailures: string[] = [];
  let reads = 0;
  const urls = [
    '/api/articles',
    '/api/articles?populate[credits][populate][source]=true&populate[quotes]=true',
    '/api/quotes?populate[venue]=true&sort=position',
    '/api/sources',
    `/api/articles?filters[title][$eq]=${encodeURIComponent(SEED_TITLE)}`,
    '/api/articles?pagination[page]=2&pagination[pageSize]=10',
  ];
  const reader = async (index: number) => {
    for (let round = 0; !stop(); round += 1) {
      const url = urls[(index + round) % urls.length];
      try {
        const response = await fetch(server.base + url);
        const text = await response.text();
        observe(`load GET ${url}`, url, response.status, text);
        reads += 1;
        if (response.status !== 200) readerFailures.push(`${url}: ${response.status}`);
      } catch (error) {
        readerFailures.push(`${url}: ${(error as Error).message}`);
      }
    }
  };
  const [written] = await Promise.all([
    writeStream(server, 'load', writers, stop),
    ...Array.from({ length: readers }, (_, index) => reader(index)),
  ]);
  return { reads, readerFailures, ...written };
}
