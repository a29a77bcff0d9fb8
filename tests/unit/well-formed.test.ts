import { describeProblem, inputProblem, MAX_DEPTH, queryProblem } from '../../src/plugins/newsroom/core/well-formed';
import { assertTitled, RuleViolation } from '../../src/plugins/newsroom/core/rules';

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

describe('assertTitled', () => {
  test('a blank title is refused, naming the field', () => {
    expect(() => assertTitled('  ')).toThrow(RuleViolation);
    expect(() => assertTitled(null)).toThrow(/title/);
    expect(() => assertTitled('خبر')).not.toThrow();
  });
});
