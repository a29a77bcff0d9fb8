// An Article write's lifecycle (server-kept fields, kill, embargo, corrections) and the database
// filter of public reads, checked against shownInReads on generated stories and instants by an
// evaluator of the few filter operators it uses (with SQL's nulls: a null matches no comparison).
import {
  prepareLifecycle,
  publicState,
  quoteReadFilter,
  readFilter,
  shownInReads,
  type Audience,
  type LifecycleFields,
  type ReadFilter,
} from '#core/lifecycle';
import { RuleViolation } from '#core/rules';
import { pick, random } from '../../helpers/seeded-random';

const NOW = new Date('2026-12-07T12:00:00.000Z');
const LATER = '2026-12-07T13:00:00.000Z';
const EARLIER = '2026-12-07T11:00:00.000Z';

function refusal(write: () => unknown): RuleViolation {
  try {
    write();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('prepareLifecycle', () => {
  test('version, firstPublishedAt and killedAt are never taken from a write', () => {
    const data = prepareLifecycle(
      { title: 't', version: 9, firstPublishedAt: EARLIER, killedAt: EARLIER },
      undefined,
      NOW,
    );
    expect(data).toEqual({ title: 't' });
  });

  test('a kill needs an editor’s note, and records its time', () => {
    const refused = refusal(() => prepareLifecycle({ pubStatus: 'canceled' }, { pubStatus: 'usable' }, NOW));
    expect(refused.violations[0]).toMatchObject({ field: 'ednote', rule: 'kill-needs-ednote' });
    expect(prepareLifecycle({ pubStatus: 'canceled', ednote: 'قرار قضائي' }, { pubStatus: 'usable' }, NOW)).toEqual({
      pubStatus: 'canceled',
      ednote: 'قرار قضائي',
      killedAt: NOW.toISOString(),
    });
    // The note stored before the kill will do; a later save of the killed story keeps the kill time.
    expect(prepareLifecycle({ pubStatus: 'canceled' }, { ednote: 'legal' }, NOW).killedAt).toBe(NOW.toISOString());
    expect(prepareLifecycle({ pubStatus: 'canceled', title: 'x' }, { pubStatus: 'canceled' }, NOW)).toEqual({
      pubStatus: 'canceled',
      title: 'x',
    });
  });

  test('a killed story stays killed', () => {
    const refused = refusal(() => prepareLifecycle({ pubStatus: 'usable' }, { pubStatus: 'canceled' }, NOW));
    expect(refused.violations[0]).toMatchObject({ field: 'pubStatus', rule: 'killed-stays-killed' });
  });

  test('an embargo in the future withholds; one lifted early by its editor makes the story usable', () => {
    expect(prepareLifecycle({ embargoedUntil: LATER }, undefined, NOW).pubStatus).toBe('withheld');
    expect(prepareLifecycle({ embargoedUntil: LATER, pubStatus: 'usable' }, undefined, NOW).pubStatus).toBe('withheld');
    expect(prepareLifecycle({ title: 'x' }, { embargoedUntil: LATER, pubStatus: 'withheld' }, NOW).pubStatus).toBe(
      'withheld',
    );
    expect(prepareLifecycle({ embargoedUntil: EARLIER }, undefined, NOW)).toEqual({ embargoedUntil: EARLIER });
    expect(prepareLifecycle({ embargoedUntil: null }, { embargoedUntil: LATER, pubStatus: 'withheld' }, NOW)).toEqual({
      embargoedUntil: null,
      pubStatus: 'usable',
    });
    // The Content Manager's form sends every field: the status it showed comes with the cleared time.
    expect(
      prepareLifecycle(
        { embargoedUntil: null, pubStatus: 'withheld', title: 'x' },
        { embargoedUntil: LATER, pubStatus: 'withheld' },
        NOW,
      ),
    ).toMatchObject({ embargoedUntil: null, pubStatus: 'usable' });
    // Held on purpose, with no embargo time: the editor's word.
    expect(prepareLifecycle({ pubStatus: 'withheld' }, undefined, NOW)).toEqual({ pubStatus: 'withheld' });
  });

  test('corrections only grow: a changed one is refused with its index', () => {
    const stored = { corrections: [{ at: EARLIER, note: 'الاسم صُحّح' }] };
    const appended = [
      { at: '2026-12-07T11:00:00Z', note: 'الاسم صُحّح', id: 4 },
      { at: NOW.toISOString(), note: 'التاريخ' },
    ];
    expect(prepareLifecycle({ corrections: appended }, stored, NOW).corrections).toEqual(appended);
    const refused = refusal(() => prepareLifecycle({ corrections: [{ at: EARLIER, note: 'x' }] }, stored, NOW));
    expect(refused.violations[0]).toMatchObject({ field: 'corrections[0]', rule: 'corrections-append-only' });
    expect(refusal(() => prepareLifecycle({ corrections: null }, stored, NOW)).violations[0].field).toBe(
      'corrections[0]',
    );
  });
});

// The filter operators readFilter uses, with SQL's three-valued logic reduced to "matches or not".
function matches(row: Record<string, unknown>, filter: ReadFilter): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return (condition as ReadFilter[]).every((each) => matches(row, each));
    if (key === '$or') return (condition as ReadFilter[]).some((each) => matches(row, each));
    const value = row[key];
    return Object.entries(condition as Record<string, unknown>).every(([operator, operand]) => {
      if (operator === '$null') return (value === null || value === undefined) === operand;
      if (operator === '$notNull') return (value !== null && value !== undefined) === operand;
      if (value === null || value === undefined) return false;
      if (operator === '$eq') return value === operand;
      if (operator === '$lte') return Date.parse(String(value)) <= Date.parse(String(operand));
      if (typeof operand === 'object' && operand !== null)
        return matches(value as Record<string, unknown>, { [operator]: operand });
      throw new Error(`operator ${operator} not evaluated`);
    });
  });
}

describe('readFilter', () => {
  const times = ['2026-12-07T11:59:59.999Z', NOW.toISOString(), '2026-12-07T12:00:00.001Z', EARLIER, LATER];

  test.each(['public', 'embargo-partner'] as Audience[])(
    'agrees with shownInReads for the %s on 3,000 generated published stories',
    (audience) => {
      const next = random(audience === 'public' ? 11 : 12);
      for (let n = 0; n < 3000; n++) {
        const story: LifecycleFields = {
          publishedAt: '2026-12-01T00:00:00.000Z',
          updatedAt: pick(next, times),
          pubStatus: pick(next, [null, 'usable', 'withheld', 'canceled']),
          embargoedUntil: pick(next, [null, null, ...times]),
          killedAt: pick(next, [null, ...times]),
        };
        const expected = shownInReads(publicState(story, NOW, { audience }), audience);
        expect([story, matches(story as Record<string, unknown>, readFilter(NOW, audience))]).toEqual([
          story,
          expected,
        ]);
      }
    },
  );

  test('a Quote of no Article is read; one of an Article the audience may not read is not', () => {
    const embargoed = { pubStatus: 'withheld', embargoedUntil: LATER };
    expect(matches({ article: { id: null } }, quoteReadFilter(NOW))).toBe(true);
    expect(matches({ article: { id: 1, ...embargoed } }, quoteReadFilter(NOW))).toBe(false);
    expect(matches({ article: { id: 1, ...embargoed } }, quoteReadFilter(NOW, 'embargo-partner'))).toBe(true);
  });
});
