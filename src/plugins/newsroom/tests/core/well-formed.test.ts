import qs from 'qs';
import {
  describeProblem,
  inputProblem,
  MAX_DEPTH,
  queryProblem,
  typedQueryProblem,
  type FieldShape,
} from '#core/well-formed';
import { assertTitled, RuleViolation } from '#core/rules';

describe('inputProblem', () => {
  test('clean text, numbers, arrays and objects pass', () => {
    expect(
      inputProblem({ data: { title: 'خبر 😀', credits: [{ role: 'originator' }], position: 1 } }, 'body'),
    ).toBeNull();
  });

  test('a NUL character is named with its path', () => {
    expect(inputProblem({ data: { title: 'a\u0000b' } }, 'body')).toMatchObject({
      field: 'body.data.title',
      rule: 'nul-character',
    });
  });

  test('lone surrogates are refused; a pair is not', () => {
    expect(inputProblem({ t: 'x\uD800' }, 'body')?.rule).toBe('lone-surrogate');
    expect(inputProblem({ t: '\uDFFFx' }, 'body')?.rule).toBe('lone-surrogate');
    expect(inputProblem({ t: '\uD83D\uDE00' }, 'body')).toBeNull();
  });

  test('keys that reach prototypes are refused', () => {
    expect(inputProblem(JSON.parse('{"data":{"__proto__":{"x":1}}}'), 'body')?.rule).toBe('reserved-key');
    expect(inputProblem({ data: { constructor: { prototype: {} } } }, 'body')?.field).toBe('body.data.constructor');
  });

  test(`nesting deeper than ${MAX_DEPTH} is refused`, () => {
    let deep: unknown = 'x';
    for (let level = 0; level < MAX_DEPTH + 1; level += 1) deep = [deep];
    expect(inputProblem(deep, 'body')?.rule).toBe('too-deep');
  });

  test('the message names the field in English and Arabic', () => {
    const problem = inputProblem({ title: '\u0000' }, 'body');
    expect(describeProblem(problem!)).toMatch(/^body\.title: .*NUL.* — .*[\u0600-\u06FF]/);
  });
});

describe('queryProblem', () => {
  test('counts pass', () => {
    expect(queryProblem({ pagination: { page: '2', pageSize: '10', withCount: 'false' }, status: 'draft' })).toBeNull();
    expect(queryProblem({})).toBeNull();
  });

  test.each([
    [{ pagination: { page: '0' } }, 'query.pagination.page'],
    [{ pagination: { pageSize: '-1' } }, 'query.pagination.pageSize'],
    [{ pagination: { start: 'many' } }, 'query.pagination.start'],
    [{ pagination: { limit: '1e9' } }, 'query.pagination.limit'],
    [{ pagination: { withCount: 'maybe' } }, 'query.pagination.withCount'],
    [{ pagination: { bogus: '1' } }, 'query.pagination.bogus'],
    [{ pagination: ['1', '2'] }, 'query.pagination'],
    [{ status: 'bogus' }, 'query.status'],
  ])('%j is refused at %s', (query, field) => {
    expect(queryProblem(query as Record<string, unknown>)?.field).toBe(field);
  });
});

// A small schema in the shape the guard reads from Strapi: an article with a component and a relation.
const SCHEMA: Record<string, Record<string, FieldShape>> = {
  'plugin::newsroom.article': {
    title: { type: 'string' },
    dispatchDate: { type: 'date' },
    credits: { type: 'component', target: 'newsroom.credit' },
    quotes: { type: 'relation', target: 'plugin::newsroom.quote' },
    sections: { type: 'dynamiczone' },
  },
  'plugin::newsroom.quote': { speaker: { type: 'string' }, position: { type: 'integer' } },
  'newsroom.credit': { role: { type: 'enumeration' }, source: { type: 'relation', target: 'plugin::newsroom.source' } },
  'plugin::newsroom.source': { slug: { type: 'uid' } },
};
// Parsed as Strapi's query middleware parses a query string.
const articleQuery = (query: string) =>
  typedQueryProblem(
    qs.parse(query, { strictNullHandling: true, arrayLimit: 100, depth: 20 }),
    'plugin::newsroom.article',
    (uid) => SCHEMA[uid],
  );

describe('typedQueryProblem: the filter grammar', () => {
  test.each([
    'filters[title][$eq]=x',
    'filters[title]=x',
    'filters[title][0]=a&filters[title][1]=b',
    'filters[title][$null]=true',
    'filters[title][$notNull]=false',
    'filters[title][$in][0]=a&filters[title][$in][1]=b',
    'filters[title][$in]=a',
    'filters[title][$not][$eq]=x',
    'filters[title][$not][$containsi]=x',
    'filters[dispatchDate][$between][0]=2020-01-01&filters[dispatchDate][$between][1]=2021-01-01',
    'filters[$and][0][title][$eq]=x&filters[$and][1][dispatchDate][$gt]=2020-01-01',
    'filters[$or][0][$and][0][title]=x',
    'filters[$not][title][$eq]=x',
    'filters[quotes][speaker][$eq]=x',
    'filters[quotes][position][$gte]=2',
    'filters[quotes]=3',
    'filters[quotes][$in][0]=3',
    'filters[quotes][$null]=true',
    'filters[quotes][$or][0][speaker]=x',
    'filters[credits][role]=originator',
    'filters[credits][source][slug][$eq]=sputnik',
    'filters[id][$lt]=10&filters[documentId][$eq]=abc',
    'populate[quotes][filters][speaker][$eq]=x&populate[credits][populate]=*',
    'fields[0]=title&fields[1]=slug',
    'fields=title,slug',
    '_q=خبر',
  ])('%s passes', (query) => expect(articleQuery(query)).toBeNull());

  test.each([
    ['filters[title][$eq][$ne]=x', 'query.filters.title.$eq', /cannot take another operator/],
    ['filters[title][$in][a]=1', 'query.filters.title.$in', /not an object/],
    ['filters[$and]=x', 'query.filters.$and', /list of conditions/],
    ['filters[$or][0]=x', 'query.filters.$or[0]', /conditions on fields/],
    ['filters[$not]=x', 'query.filters.$not', /conditions on fields/],
    ['filters[$eq]=x', 'query.filters.$eq', /applies to a field/],
    ['filters[title][$between]=a', 'query.filters.title.$between', /exactly two values/],
    [
      'filters[title][$between][0]=a&filters[title][$between][1]=b&filters[title][$between][2]=c',
      'query.filters.title.$between',
      /exactly two/,
    ],
    ['filters[title][$null]=maybe', 'query.filters.title.$null', /true or false/],
    ['filters[title][$notNull][0]=true', 'query.filters.title.$notNull', /true or false/],
    ['filters[title][$regex]=x', 'query.filters.title.$regex', /not an operator/],
    ['filters[$where]=x', 'query.filters.$where', /not a filter operator/],
    ['filters[title][$and]=x', 'query.filters.title.$and', /not an operator for a field/],
    ['filters[title][dispatchDate]=x', 'query.filters.title.dispatchDate', /not a relation/],
    ['filters[bogus]=x', 'query.filters.bogus', /not a field/],
    ['filters[0]=x', 'query.filters', /not a list/],
    ['filters[title][$null]', 'query.filters.title.$null', /true or false/],
    ['filters=x', 'query.filters', /conditions on fields/],
    ['filters[quotes][$eq]=x', 'query.filters.quotes.$eq', /number/],
    ['filters[quotes][$eq]=1&filters[quotes][speaker]=x', 'query.filters.quotes', /not both/],
    ['filters[quotes][speaker][$between]=a', 'query.filters.quotes.speaker.$between', /exactly two/],
    ['filters[quotes][position][$gt]=abc', 'query.filters.quotes.position.$gt', /number/],
    ['filters[credits][source][$and]=x', 'query.filters.credits.source.$and', /list of conditions/],
    ['filters[sections]=x', 'query.filters.sections', /dynamic zone/],
    ['populate[quotes][filters][$and]=x', 'query.populate.quotes.filters.$and', /list of conditions/],
    ['populate[quotes][filters][speaker][$eq][$ne]=x', 'query.populate.quotes.filters.speaker.$eq', /another operator/],
    ['fields=', 'query.fields', /no empty name/],
    ['fields[0][0]=title', 'query.fields', /name fields/],
    ['_q[0]=x', 'query._q', /text/],
  ])('%s is refused at %s', (query, field, english) => {
    const problem = articleQuery(query);
    expect(problem).toMatchObject({ field });
    expect(problem!.english).toMatch(english);
    expect(describeProblem(problem!)).toMatch(/[\u0600-\u06FF]/);
  });

  test('a query nested to the guard depth is walked without error', () => {
    const deep = 'filters' + '[$and][0]'.repeat(8) + '[title][$eq]=x';
    expect(articleQuery(deep)).toBeNull();
    expect(articleQuery('filters' + '[$and][0]'.repeat(8) + '=x')?.rule).toBe('invalid-filter');
  });
});

describe('assertTitled', () => {
  test('a blank title is refused, naming the field', () => {
    expect(() => assertTitled('  ')).toThrow(RuleViolation);
    expect(() => assertTitled(null)).toThrow(/title/);
    expect(() => assertTitled('خبر')).not.toThrow();
  });
});
