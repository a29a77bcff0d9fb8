// Generated malformed filter, sort, fields, populate and pagination queries over the content API's
// lists, anonymously and with a full-access token: every answer is a 4xx or a 200, never a 5xx; a
// refused filter names the parameter and what is wrong, in English and Arabic.
import request from 'supertest';
import { apiToken, startStrapi, type TestApp } from '../helpers/strapi';
import { malformedQueries, type QueryCase } from './malformed-queries';

let app: TestApp;
let fullAccess: string;

beforeAll(async () => {
  app = await startStrapi();
  fullAccess = await apiToken(app.strapi, 'full-access');
}, 180000);
afterAll(async () => {
  await app?.stop();
});

const ARABIC = /[\u0600-\u06FF]/;

async function answer(query: QueryCase, token?: string): Promise<request.Response> {
  let pending = request(app.server).get(`${query.path}?${query.query}`);
  if (token) pending = pending.set('Authorization', `Bearer ${token}`);
  return pending;
}

test.each([
  ['anonymously', false],
  ['with a full-access token', true],
])(
  'every generated malformed query over articles, quotes and sources answers 4xx or 200 (%s), never 5xx',
  async (who, withToken) => {
    const cases = malformedQueries();
    expect(cases.length).toBeGreaterThanOrEqual(600);
    // Anything but a 4xx or a 200, with the answer's start.
    const serverErrors: string[] = [];
    const statuses = new Map<number, number>();
    // A few at a time: the read queue and SQLite see a client's burst, not a flood.
    for (let start = 0; start < cases.length; start += 4) {
      const batch = cases.slice(start, start + 4);
      const responses = await Promise.all(batch.map((query) => answer(query, withToken ? fullAccess : undefined)));
      responses.forEach((response, index) => {
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status !== 200 && !(response.status >= 400 && response.status < 500)) {
          serverErrors.push(
            `${batch[index].path}?${batch[index].query} → ${response.status} ${response.text.slice(0, 160)}`,
          );
        }
      });
    }
    process.stdout.write(
      `malformed queries ${who}: ${cases.length} tried, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ` +
        `5xx ${serverErrors.length}\n`,
    );
    expect(serverErrors).toEqual([]);
    // The server still answers a plain read.
    expect((await request(app.server).get('/api/articles')).status).toBe(200);
  },
  600000,
);

test.each([
  ['an operator under an operator', '/api/articles?filters[title][$eq][$ne]=x'],
  ['a logical operator with a text value', '/api/articles?filters[$and]=x'],
  ['$between with one value', '/api/articles?filters[title][$between]=a'],
  ['$null with a value that is not a boolean', '/api/quotes?filters[speaker][$null]=maybe'],
  ['an unknown operator', '/api/sources?filters[name][$regex]=x'],
])('a filter with %s is a 400 naming filters, in English and Arabic', async (_label, url) => {
  for (const token of [undefined, fullAccess]) {
    let pending = request(app.server).get(url);
    if (token) pending = pending.set('Authorization', `Bearer ${token}`);
    const response = await pending;
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toMatch(/filters/);
    expect(response.body.error.message).toMatch(ARABIC);
  }
});

test('well-formed filters still answer 200', async () => {
  for (const url of [
    '/api/articles?filters[title][$eq]=x',
    '/api/articles?filters[$and][0][title][$containsi]=x&filters[$and][1][dir][$eq]=rtl',
    '/api/articles?filters[$or][0][title][$null]=true&filters[$or][1][lang][$in][0]=ar',
    '/api/articles?filters[dispatchDate][$between][0]=2020-01-01&filters[dispatchDate][$between][1]=2030-01-01',
    '/api/articles?filters[$not][title][$eq]=x',
    '/api/articles?filters[quotes][speaker][$eq]=x',
    '/api/articles?filters[title]=x',
    '/api/quotes?filters[position][$gte]=0&filters[speaker][$notNull]=true',
    '/api/sources?filters[slug][$in][0]=sputnik&filters[slug][$in][1]=reuters',
  ]) {
    const response = await request(app.server).get(url);
    expect([url, response.status]).toEqual([url, 200]);
  }
});
