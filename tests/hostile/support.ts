// Shared by the hostile suite: the figures it reports, and the scan every response passes through.
import type { Response } from 'supertest';

export const figures = {
  payloadsTried: 0,
  executableSurvivors: 0,
  malformedTried: 0,
  serverErrors: 0,
  writesLost: 0,
  responsesScanned: 0,
};

/** Every 5xx seen anywhere in the suite, with what caused it, so a failure names it. */
export const serverErrorLog: string[] = [];
/** Every leak seen in a response body: createdBy/updatedBy data, password hashes, reset tokens. */
export const leakLog: string[] = [];

const BCRYPT = /\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{20,}/;
const SECRET_KEYS = new Set(['password', 'resetPasswordToken', 'registrationToken', 'confirmationToken']);
const AUTHOR_KEYS = new Set(['createdBy', 'updatedBy']);

function findLeaks(value: unknown, path: string, leaks: string[], contentApi: boolean): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findLeaks(item, `${path}[${index}]`, leaks, contentApi));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (SECRET_KEYS.has(key) && child !== null && child !== undefined) leaks.push(`${at} present`);
    // The admin API may name the editor who saved a draft; the content API never may.
    if (contentApi && AUTHOR_KEYS.has(key) && child !== null && child !== undefined) leaks.push(`${at} present`);
    findLeaks(child, at, leaks, contentApi);
  }
}

/** The leaks in one response body (raw text and parsed JSON). */
export function leaksIn(url: string, text: string): string[] {
  const leaks: string[] = [];
  if (BCRYPT.test(text)) leaks.push('bcrypt hash in body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return leaks;
  }
  findLeaks(parsed, '$', leaks, !url.startsWith('/admin') && !url.startsWith('/content-manager'));
  return leaks;
}

/** Count and remember what every response tells about the server: 5xx answers and leaks. */
export function observe(label: string, url: string, status: number, text: string): void {
  figures.responsesScanned += 1;
  if (status >= 500) {
    figures.serverErrors += 1;
    serverErrorLog.push(`${label}: ${status} ${text.slice(0, 300)}`);
  }
  for (const leak of leaksIn(url, text)) leakLog.push(`${label} ${url}: ${leak}`);
}

/** Observe a supertest response; returns it for chaining. */
export function seen(label: string, response: Response): Response {
  const url = (response as unknown as { req?: { path?: string } }).req?.path ?? '';
  observe(label, url, response.status, response.text ?? '');
  return response;
}

export const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
export const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** Wait until `check` holds, polling; never a fixed sleep. */
export async function waitFor(check: () => Promise<boolean>, { timeoutMs = 60000, everyMs = 100 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
