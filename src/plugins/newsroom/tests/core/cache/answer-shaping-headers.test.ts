// Which request headers Strapi 5.54 reads while it answers a content-API read, found in Strapi's
// own code: each is either one the response cache never shares an answer for (it shapes the
// answer, or carries credentials) or one that shapes nothing the cache stores. A Strapi upgrade
// that reads a new header fails here, naming it, before it can poison a shared cache.
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { ANSWER_SHAPING_HEADERS, shapesAnswer } from '#core/cache/cache-key';
import { installed } from '../../helpers/paths';

const STRAPI = path.dirname(installed('@strapi/core'));

// The code a content-API read passes through: routing, authentication of every strategy, the
// global middlewares, the core controllers and services, and the plugins' content-API strategies.
const READ_PATH = [
  'core/dist/core-api',
  'core/dist/middlewares',
  'core/dist/services/server',
  'core/dist/services/document-service',
  'core/dist/services/content-api',
  'utils/dist',
  'admin/dist/server/server/src/strategies',
  'plugin-users-permissions/dist/server/strategies',
  'plugin-users-permissions/dist/server/services/jwt.js',
  'i18n/dist/server',
];

/** Headers the response cache refuses to share an answer for, besides the shaping ones. */
const WITH_CREDENTIALS = ['authorization', 'cookie'];
/** Headers read on this path that shape nothing the cache stores, and why. */
const HANDLED_OUTSIDE_THE_CACHE: Record<string, string> = {
  // strapi::cors answers with Access-Control-* headers on every response, hit or miss; the cache
  // stores the body, its type and Cache-Control only.
  origin: 'CORS headers are set by the CORS middleware around the cache, per request',
};

const HEADER_READS = [
  /headers\??\.?\[\s*['"]([^'"]+)['"]\s*\]/g,
  /header\??\.?\[\s*['"]([^'"]+)['"]\s*\]/g,
  /\bheaders?\??\.([a-z][a-zA-Z]*)\b/g,
  /\b(?:ctx|request|req)\.get\(\s*['"]([^'"]+)['"]\s*\)/g,
  /getHeader\(\s*['"]([^'"]+)['"]\s*\)/g,
];
// Property reads on a headers object that are not header names.
const NOT_HEADERS = new Set(['forEach', 'get', 'set', 'has', 'length', 'keys', 'entries']);

function jsFiles(target: string): string[] {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return target.endsWith('.js') ? [target] : [];
  return readdirSync(target).flatMap((entry) => jsFiles(path.join(target, entry)));
}

function headersRead(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of READ_PATH.flatMap((entry) => jsFiles(path.join(STRAPI, entry)))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of HEADER_READS) {
      for (const match of text.matchAll(pattern)) {
        const name = match[1].toLowerCase();
        if (NOT_HEADERS.has(match[1])) continue;
        found.set(name, [...(found.get(name) ?? []), path.relative(STRAPI, file)]);
      }
    }
  }
  return found;
}

describe('the request headers Strapi reads on a content-API read', () => {
  const found = headersRead();

  test('the scan reads Strapi’s code (it finds the two headers known to shape an answer)', () => {
    expect(jsFiles(path.join(STRAPI, 'core/dist/core-api')).length).toBeGreaterThan(5);
    for (const name of ANSWER_SHAPING_HEADERS) expect(found.has(name)).toBe(true);
  });

  test('every header read is either never shared by the cache or shapes nothing it stores', () => {
    const accounted = new Set<string>([
      ...ANSWER_SHAPING_HEADERS,
      ...WITH_CREDENTIALS,
      ...Object.keys(HANDLED_OUTSIDE_THE_CACHE),
    ]);
    const unaccounted = [...found.entries()]
      .filter(([name]) => !accounted.has(name))
      .map(([name, files]) => `${name} (read in ${[...new Set(files)].join(', ')})`);
    expect(unaccounted).toEqual([]);
  });

  test('a request carrying a shaping header, in any letter case as Node lowers it, bypasses', () => {
    expect(shapesAnswer({ 'strapi-response-format': 'v4' })).toBe(true);
    expect(shapesAnswer({ 'strapi-encode-source-maps': 'false' })).toBe(true);
    expect(shapesAnswer({ 'strapi-response-format': '' })).toBe(true);
    expect(shapesAnswer({ accept: 'application/json', 'accept-language': 'ar' })).toBe(false);
  });
});
