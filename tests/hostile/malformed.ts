// Malformed requests: each is answered 4xx with a message, never 5xx; nothing is written; the
// server keeps answering.
import request from 'supertest';
import { rowCounts } from '../helpers/strapi';
import { agencyCredits, call, type Shared } from './context';
import { figures, seen } from './support';

interface Case {
  name: string;
  send: (shared: Shared) => Promise<request.Response>;
  /** Statuses allowed besides 4xx (a well-formed query that simply matches nothing is a 200). */
  allow?: number[];
}

const nested = (depth: number, leaf: string, step: (level: number) => string) =>
  Array.from({ length: depth }, (_, level) => step(level)).join('') + leaf;

const raw = async (
  shared: Shared,
  method: 'post' | 'put',
  url: string,
  text: string | Buffer,
  type = 'application/json',
) =>
  seen(
    `${method.toUpperCase()} ${url} (raw ${text.length} bytes)`,
    await request(shared.app.server)
      [method](url)
      .set('Authorization', `Bearer ${shared.fullAccess}`)
      .set('Content-Type', type)
      .send(text as string),
  );

const post = (shared: Shared, url: string, body: unknown) =>
  call(shared, 'post', url, { token: shared.fullAccess, body });
const article = (shared: Shared, fields: Record<string, unknown>) =>
  post(shared, '/api/articles', { data: { title: 'خبر', credits: agencyCredits(shared), ...fields } });
const get = (shared: Shared, url: string) => call(shared, 'get', url, { token: shared.fullAccess });

const SQLISH = ["' OR 1=1 --", '" OR ""="', "'; DROP TABLE articles; --", '1) UNION SELECT * FROM admin_users --'];

export const MALFORMED: Case[] = [
  { name: 'invalid JSON', send: (s) => raw(s, 'post', '/api/articles', '{"data": {"title": "x",') },
  { name: 'JSON with a trailing comma', send: (s) => raw(s, 'post', '/api/articles', '{"data": {"title": "x",}}') },
  { name: 'JSON that is a bare string', send: (s) => raw(s, 'post', '/api/articles', '"data"') },
  { name: 'JSON null', send: (s) => raw(s, 'post', '/api/articles', 'null') },
  { name: 'JSON body that is an array', send: (s) => raw(s, 'post', '/api/articles', '[{"data":{"title":"x"}}]') },
  { name: 'body declared JSON but empty', send: (s) => raw(s, 'post', '/api/articles', '') },
  { name: 'text/plain body', send: (s) => raw(s, 'post', '/api/articles', 'title=x', 'text/plain') },
  {
    name: 'form body',
    send: (s) => raw(s, 'post', '/api/articles', 'data[title]=x', 'application/x-www-form-urlencoded'),
  },
  {
    name: 'multipart garbage',
    send: (s) => raw(s, 'post', '/api/articles', '--x\r\ngarbage', 'multipart/form-data; boundary=x'),
  },
  {
    name: 'JSON nested 5000 levels',
    send: (s) => raw(s, 'post', '/api/articles', '{"data":' + '['.repeat(5000) + ']'.repeat(5000) + '}'),
  },
  { name: 'no data key', send: (s) => post(s, '/api/articles', { title: 'خبر' }) },
  { name: 'data: []', send: (s) => post(s, '/api/articles', { data: [] }) },
  { name: 'data: [{…}]', send: (s) => post(s, '/api/articles', { data: [{ title: 'خبر' }] }) },
  { name: 'data: "text"', send: (s) => post(s, '/api/articles', { data: 'خبر' }) },
  { name: 'data: null', send: (s) => post(s, '/api/articles', { data: null }) },
  { name: 'data: 42', send: (s) => post(s, '/api/articles', { data: 42 }) },
  { name: 'title as number', send: (s) => article(s, { title: 42 }) },
  { name: 'title as object', send: (s) => article(s, { title: { $ne: null } }) },
  { name: 'title as array', send: (s) => article(s, { title: ['a', 'b'] }) },
  { name: 'title as boolean', send: (s) => article(s, { title: true }) },
  { name: 'body as object', send: (s) => article(s, { body: { html: '<p>x</p>' } }) },
  { name: 'body as array', send: (s) => article(s, { body: ['<p>x</p>'] }) },
  { name: 'title empty', send: (s) => article(s, { title: '' }) },
  { name: 'title over 500 characters', send: (s) => article(s, { title: 'خ'.repeat(501) }) },
  { name: 'unknown field', send: (s) => article(s, { bogus: 1 }) },
  { name: 'unknown field named like SQL', send: (s) => article(s, { 'title; DROP TABLE articles': 'x' }) },
  {
    name: 'prototype pollution through __proto__',
    send: (s) => raw(s, 'post', '/api/articles', '{"data":{"title":"خبر","__proto__":{"isAdmin":true}}}'),
  },
  { name: 'constructor.prototype in data', send: (s) => article(s, { constructor: { prototype: { isAdmin: true } } }) },
  { name: 'id forced', send: (s) => article(s, { id: 1 }) },
  { name: 'documentId forced', send: (s) => article(s, { documentId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }) },
  { name: 'createdBy forced', send: (s) => article(s, { createdBy: 1 }) },
  { name: 'credits as object', send: (s) => article(s, { credits: { role: 'originator' } }) },
  { name: 'credits as string', send: (s) => article(s, { credits: 'sputnik' }) },
  { name: 'credit with unknown role', send: (s) => article(s, { credits: [{ role: 'owner', source: s.sputnik }] }) },
  {
    name: 'credit to a missing source',
    send: (s) => article(s, { credits: [{ role: 'originator', source: 'nonexistent0000000000000' }] }),
  },
  {
    name: 'credit source as array of objects',
    send: (s) => article(s, { credits: [{ role: 'originator', source: [{ a: 1 }] }] }),
  },
  { name: 'dir not an enum value', send: (s) => article(s, { dir: 'up' }) },
  { name: 'dir as number', send: (s) => article(s, { dir: 1 }) },
  { name: 'invalid date 2021-02-30', send: (s) => article(s, { dispatchDate: '2021-02-30' }) },
  { name: 'invalid date "yesterday"', send: (s) => article(s, { dispatchDate: 'yesterday' }) },
  { name: 'invalid date 2021-13-01', send: (s) => article(s, { dispatchDate: '2021-13-01' }) },
  { name: 'date as number', send: (s) => article(s, { dispatchDate: 20210614 }) },
  { name: 'date as object', send: (s) => article(s, { dispatchDate: { y: 2021 } }) },
  { name: 'date year 0', send: (s) => article(s, { dispatchDate: '0000-00-00' }) },
  { name: 'invalid language tag x<y>', send: (s) => article(s, { lang: 'x<y>' }) },
  { name: 'invalid language tag with spaces', send: (s) => article(s, { lang: 'ar eg' }) },
  { name: 'invalid language tag too long', send: (s) => article(s, { lang: 'a'.repeat(40) }) },
  { name: 'language tag as number', send: (s) => article(s, { lang: 7 }) },
  {
    name: 'lone high surrogate in title',
    send: (s) =>
      raw(
        s,
        'post',
        '/api/articles',
        `{"data":{"title":"خبر \\ud800 مكسور","credits":${JSON.stringify(agencyCredits(s))}}}`,
      ),
  },
  {
    name: 'lone low surrogate in body',
    send: (s) =>
      raw(
        s,
        'post',
        '/api/articles',
        `{"data":{"title":"خبر","body":"<p>\\udfff</p>","credits":${JSON.stringify(agencyCredits(s))}}}`,
      ),
  },
  {
    name: 'lone surrogate in a quote',
    send: (s) => raw(s, 'post', '/api/quotes', '{"data":{"text":"\\ud83d","speaker":"بوتين"}}'),
  },
  {
    name: 'lone surrogate in a source name',
    send: (s) => raw(s, 'post', '/api/sources', '{"data":{"name":"مصدر\\udc00"}}'),
  },
  {
    name: 'invalid UTF-8 bytes',
    send: (s) => raw(s, 'post', '/api/articles', Buffer.from([0x7b, 0x22, 0x64, 0x22, 0x3a, 0xff, 0xfe, 0x7d])),
  },
  { name: 'NUL byte in title', send: (s) => article(s, { title: 'خبر\u0000مخفي' }) },
  { name: 'NUL byte in body', send: (s) => article(s, { body: '<p>نص\u0000<script>alert(1)</script></p>' }) },
  {
    name: 'NUL byte in speaker',
    send: (s) => post(s, '/api/quotes', { data: { text: 'كلام', speaker: 'بوتين\u0000' } }),
  },
  { name: 'NUL byte in a filter', send: (s) => get(s, '/api/articles?filters[title][$eq]=%00') },
  { name: '10 MB body', send: (s) => article(s, { body: `<p>${'ب'.repeat(5 * 1024 * 1024)}</p>` }) },
  {
    name: '10 MB of JSON padding',
    send: (s) => raw(s, 'post', '/api/articles', `{"data":{"title":"x"},"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`),
  },
  {
    name: 'quote position as text',
    send: (s) => post(s, '/api/quotes', { data: { text: 'كلام', speaker: 'بوتين', position: 'first' } }),
  },
  {
    name: 'quote position negative',
    send: (s) => post(s, '/api/quotes', { data: { text: 'كلام', speaker: 'بوتين', position: -3 } }),
  },
  { name: 'quote without text', send: (s) => post(s, '/api/quotes', { data: { speaker: 'بوتين' } }) },
  {
    name: 'quote article relation as garbage',
    send: (s) => post(s, '/api/quotes', { data: { text: 'كلام', speaker: 'بوتين', article: { connect: 'x' } } }),
  },
  {
    name: 'source url javascript:',
    send: (s) => post(s, '/api/sources', { data: { name: 'مصدر', url: 'javascript:alert(1)' } }),
  },
  { name: 'source kind unknown', send: (s) => post(s, '/api/sources', { data: { name: 'مصدر', kind: 'spy' } }) },
  {
    name: 'update a missing document',
    send: (s) =>
      call(s, 'put', '/api/articles/doesnotexist000000000000', { token: s.fullAccess, body: { data: { title: 'x' } } }),
  },
  {
    name: 'delete a missing document',
    send: (s) => call(s, 'delete', "/api/articles/'%20OR%201=1%20--", { token: s.fullAccess }),
    allow: [204, 404],
  },
  { name: 'GET a documentId that looks like SQL', send: (s) => get(s, "/api/articles/'%20OR%201=1%20--") },
  {
    name: 'filters nested 50 levels ($and)',
    send: (s) => get(s, '/api/articles?' + nested(50, '[title][$eq]=x', () => '[$and][0]').replace(/^/, 'filters')),
  },
  {
    name: 'filters nested 50 levels (relations)',
    send: (s) => get(s, '/api/articles?filters' + nested(50, '[$eq]=x', () => '[credits][source]')),
  },
  {
    name: 'populate nested 50 levels',
    send: (s) =>
      get(s, '/api/articles?populate' + nested(50, '=true', (level) => (level % 2 ? '[populate]' : '[quotes]'))),
  },
  {
    name: 'populate nested 50 levels through credits',
    send: (s) => get(s, '/api/articles?populate' + nested(50, '=*', () => '[credits][populate][source][populate]')),
  },
  { name: 'populate an unknown relation', send: (s) => get(s, '/api/articles?populate[nothing]=true') },
  { name: 'populate createdBy', send: (s) => get(s, '/api/articles?populate[createdBy]=true') },
  {
    name: 'populate=*,* with garbage',
    send: (s) => get(s, '/api/articles?populate[0]=%27&populate[1]=credits.source.%27'),
  },
  { name: 'filter on an unknown field', send: (s) => get(s, '/api/articles?filters[nothing][$eq]=1') },
  { name: 'filter with an unknown operator', send: (s) => get(s, '/api/articles?filters[title][$regexp]=.*') },
  {
    name: 'filter on createdBy password',
    send: (s) => get(s, '/api/articles?filters[createdBy][password][$startsWith]=$2'),
  },
  { name: 'filter $in with an object', send: (s) => get(s, '/api/articles?filters[id][$in][a][b]=1'), allow: [200] },
  { name: 'filter $between with text', send: (s) => get(s, '/api/articles?filters[dispatchDate][$between]=x') },
  { name: 'filter on a date with garbage', send: (s) => get(s, '/api/articles?filters[dispatchDate][$gt]=yesterday') },
  ...SQLISH.map((value) => ({
    name: `SQL-looking filter ${value}`,
    send: (s: Shared) => get(s, `/api/articles?filters[title][$eq]=${encodeURIComponent(value)}`),
    allow: [200],
  })),
  ...SQLISH.map((value) => ({
    name: `SQL-looking $containsi ${value}`,
    send: (s: Shared) => get(s, `/api/quotes?filters[speaker][$containsi]=${encodeURIComponent(value)}`),
    allow: [200],
  })),
  { name: 'sort on an unknown field', send: (s) => get(s, '/api/articles?sort=nothing:asc') },
  {
    name: 'sort with SQL',
    send: (s) => get(s, `/api/articles?sort=${encodeURIComponent('title; DROP TABLE articles')}`),
  },
  { name: 'sort with an unknown direction', send: (s) => get(s, '/api/articles?sort=title:sideways') },
  { name: 'fields with an unknown field', send: (s) => get(s, '/api/articles?fields[0]=password') },
  { name: 'fields as object', send: (s) => get(s, '/api/articles?fields[a][b]=title') },
  { name: 'pagination pageSize -1', send: (s) => get(s, '/api/articles?pagination[pageSize]=-1'), allow: [200] },
  {
    name: 'pagination pageSize 1e9',
    send: (s) => get(s, '/api/articles?pagination[pageSize]=1000000000'),
    allow: [200],
  },
  { name: 'pagination pageSize text', send: (s) => get(s, '/api/articles?pagination[pageSize]=many') },
  { name: 'pagination page 0', send: (s) => get(s, '/api/articles?pagination[page]=0') },
  { name: 'pagination page -5', send: (s) => get(s, '/api/articles?pagination[page]=-5') },
  { name: 'pagination page 1e308', send: (s) => get(s, '/api/articles?pagination[page]=1e308'), allow: [200] },
  {
    name: 'pagination page and start mixed',
    send: (s) => get(s, '/api/articles?pagination[page]=1&pagination[start]=0'),
  },
  { name: 'pagination start -1', send: (s) => get(s, '/api/articles?pagination[start]=-1') },
  { name: 'pagination limit 1e9', send: (s) => get(s, '/api/articles?pagination[limit]=1000000000'), allow: [200] },
  { name: 'pagination limit -1', send: (s) => get(s, '/api/articles?pagination[limit]=-1'), allow: [200] },
  { name: 'pagination withCount maybe', send: (s) => get(s, '/api/articles?pagination[withCount]=maybe') },
  { name: 'pagination as array', send: (s) => get(s, '/api/articles?pagination[]=1&pagination[]=2') },
  { name: '?limit=-1', send: (s) => get(s, '/api/articles?limit=-1'), allow: [200] },
  { name: '?limit=1e12', send: (s) => get(s, '/api/articles?limit=1000000000000'), allow: [200] },
  { name: '?limit=NaN', send: (s) => get(s, '/api/articles?limit=NaN'), allow: [200] },
  { name: 'status=bogus', send: (s) => get(s, '/api/articles?status=bogus') },
  { name: 'locale garbage', send: (s) => get(s, "/api/articles?locale='%20OR%201=1"), allow: [200] },
  {
    name: 'query string of 400 parameters',
    send: (s) =>
      get(s, '/api/articles?' + Array.from({ length: 400 }, (_, i) => `filters[title][$in][${i}]=x`).join('&')),
    allow: [200],
  },
  // Node itself answers a request line over 16 KB with a bare 431, before the app sees it.
  { name: 'URL over 16 KB', send: (s) => get(s, `/api/articles?filters[title][$eq]=${'x'.repeat(20000)}`) },
];

/** Run every malformed case; returns what went wrong so one test can show all of it at once. */
export async function runMalformed(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const before = await rowCounts(shared.app.strapi);
  for (const testCase of MALFORMED) {
    figures.malformedTried += 1;
    let response: request.Response;
    try {
      response = await testCase.send(shared);
    } catch (error) {
      problems.push(`${testCase.name}: no answer (${(error as Error).message})`);
      continue;
    }
    const { status } = response;
    const allowed = status >= 400 && status < 500 ? true : (testCase.allow ?? []).includes(status);
    if (!allowed) problems.push(`${testCase.name}: ${status} ${response.text.slice(0, 200)}`);
    if (status >= 400 && status < 500 && status !== 431) {
      const message = response.body?.error?.message;
      if (typeof message !== 'string' || message.trim() === '') {
        problems.push(`${testCase.name}: ${status} without a message: ${response.text.slice(0, 200)}`);
      }
    }
    if (status === 200 && Array.isArray(response.body?.data)) {
      // An SQL-looking value is only a string: it matches nothing and reveals no other row.
      if (testCase.name.startsWith('SQL-looking') && response.body.data.length > 0) {
        problems.push(`${testCase.name}: matched ${response.body.data.length} rows`);
      }
      if (response.body.data.length > 100) problems.push(`${testCase.name}: served ${response.body.data.length} rows`);
    }
  }
  const after = await rowCounts(shared.app.strapi);
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    problems.push(`row counts changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }
  const alive = await call(shared, 'get', '/api/articles');
  if (alive.status !== 200) problems.push(`GET /api/articles afterwards: ${alive.status}`);
  return problems;
}
