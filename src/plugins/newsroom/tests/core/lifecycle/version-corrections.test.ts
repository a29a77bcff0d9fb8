// Versions (1 at first publish, +1 per published change) and append-only corrections, with
// generated edits of a list of corrections: any edit that is not an append names the first index
// it touched.
import {
  assertCorrectionsAppendOnly,
  correctionsChange,
  firstPublishedAtOnPublish,
  versionOnPublish,
  type Correction,
} from '#core/lifecycle';
import { RuleViolation } from '#core/rules';
import { pick, random } from '../../helpers/seeded-random';

describe('version', () => {
  test('1 at first publish, +1 at each published change, kept by a publish that changed nothing', () => {
    let version = versionOnPublish(undefined);
    expect(version).toBe(1);
    for (let n = 2; n <= 5; n++) expect((version = versionOnPublish(version))).toBe(n);
    expect(versionOnPublish(5, false)).toBe(5);
    expect(versionOnPublish(null)).toBe(1);
    expect(() => versionOnPublish(0)).toThrow(RangeError);
    expect(() => versionOnPublish(2.5)).toThrow(RangeError);
  });

  test('the first publication is set once', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(firstPublishedAtOnPublish(null, now)).toBe('2026-12-07T12:00:00.000Z');
    expect(firstPublishedAtOnPublish('2026-01-01T00:00:00.000Z', now)).toBe('2026-01-01T00:00:00.000Z');
  });
});

function refusal(write: () => unknown): RuleViolation {
  try {
    write();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const A = { at: '2026-12-01T10:00:00.000Z', note: 'صُحّح اسم الوزير' };
const B = { at: '2026-12-02T10:00:00.000Z', note: 'Corrected the date' };
const C = { at: '2026-12-03T10:00:00.000Z', note: 'صُحّح الرقم' };

describe('corrections are append-only', () => {
  test('appending, or writing the same list back (with or without milliseconds, Strapi ids), passes', () => {
    expect(correctionsChange([A], [A, B])).toBeNull();
    expect(correctionsChange(null, [A])).toBeNull();
    expect(correctionsChange([A, B], [{ ...A, at: '2026-12-01T10:00:00Z', id: 7 } as Correction, B])).toBeNull();
    expect(() => assertCorrectionsAppendOnly([A], [A, B, C])).not.toThrow();
  });

  test('a change or a removal is refused, naming the correction, in English and Arabic', () => {
    expect(correctionsChange([A, B], [A, { ...B, note: 'other' }])).toEqual({ index: 1, reason: 'changed' });
    expect(correctionsChange([A, B], [A])).toEqual({ index: 1, reason: 'dropped' });
    expect(correctionsChange([A, B], [B])).toEqual({ index: 0, reason: 'changed' });
    expect(correctionsChange([A], [])).toEqual({ index: 0, reason: 'dropped' });
    const error = refusal(() => assertCorrectionsAppendOnly([A, B], [A, { ...B, at: C.at }]));
    expect(error.violations[0]).toMatchObject({ field: 'corrections[1]', rule: 'corrections-append-only' });
    expect(error.violations[0].messages.en).toMatch(/correction 2 was changed/);
    expect(error.violations[0].messages.ar).toMatch(/التصحيح رقم 2 عُدّل/);
  });

  test('an added correction needs its time and its note', () => {
    expect(refusal(() => assertCorrectionsAppendOnly([A], [A, { note: 'x' }])).violations[0]).toMatchObject({
      field: 'corrections[1]',
      rule: 'correction-time',
    });
    expect(refusal(() => assertCorrectionsAppendOnly([], [{ at: B.at, note: '  ' }])).violations[0]).toMatchObject({
      field: 'corrections[0]',
      rule: 'correction-note',
    });
  });

  test('generated edits: appends pass, any other edit names the first correction it touched', () => {
    const next = random(2025);
    const pool = [A, B, C, { at: '2026-12-04T00:00:00.000Z', note: 'ملاحظة' }];
    // The oracle compares by value: dropping one of two equal neighbours shows at the end of the list.
    const firstTouched = (stored: Correction[], edited: Correction[]) => {
      const index = stored.findIndex(
        (item, at) => at >= edited.length || item.at !== edited[at].at || item.note !== edited[at].note,
      );
      return index === -1 ? null : index;
    };
    let refused = 0;
    for (let round = 0; round < 3000; round++) {
      const stored = Array.from({ length: Math.floor(next() * 5) }, () => pick(next, pool));
      const edited = [...stored];
      const edit = pick(next, ['append', 'change', 'drop', 'insert', 'swap'] as const);
      const at = Math.floor(next() * edited.length);
      if (edit === 'append' || edited.length === 0) edited.push(pick(next, pool));
      else if (edit === 'change') edited[at] = { ...edited[at], note: `${edited[at].note}!` };
      else if (edit === 'drop') edited.splice(at, 1);
      else if (edit === 'insert') edited.splice(at, 0, pick(next, pool));
      else {
        const other = Math.floor(next() * edited.length);
        [edited[at], edited[other]] = [edited[other], edited[at]];
      }
      const change = correctionsChange(stored, edited);
      expect(change?.index ?? null).toBe(firstTouched(stored, edited));
      if (edit === 'append' || stored.length === 0) expect(change).toBeNull();
      if (change) {
        refused++;
        expect(change.reason).toBe(change.index >= edited.length ? 'dropped' : 'changed');
        expect(() => assertCorrectionsAppendOnly(stored, edited)).toThrow(RuleViolation);
      } else expect(() => assertCorrectionsAppendOnly(stored, edited)).not.toThrow();
    }
    expect(refused).toBeGreaterThan(1000);
  });
});
