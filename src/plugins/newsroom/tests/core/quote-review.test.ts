// needsReview by who writes the Quote: the importer's flag kept, an editor's save confirming the
// speaker, a content-API client confirming it unless it asks for a review.
import { RuleViolation, settleQuoteReview, type QuoteWriter } from '#core/rules';

const WRITERS: QuoteWriter[] = ['importer', 'editor', 'client'];
const SENT: Array<boolean | undefined | null> = [true, false, undefined, null];

const write = (needsReview: boolean | undefined | null) =>
  needsReview === undefined ? { speaker: 'سيرغي لافروف' } : { speaker: 'سيرغي لافروف', needsReview };

describe('settleQuoteReview', () => {
  // Every writer against every value a write may carry: the table is the rule.
  const expected: Record<QuoteWriter, (sent: boolean | undefined | null) => unknown> = {
    importer: (sent) => sent,
    editor: () => false,
    client: (sent) => sent === true,
  };
  for (const writer of WRITERS) {
    for (const sent of SENT) {
      test(`${writer} sending ${String(sent)}`, () => {
        const data = settleQuoteReview(write(sent), writer);
        expect(data.needsReview).toBe(expected[writer](sent));
        expect(data.speaker).toBe('سيرغي لافروف');
      });
    }
  }

  test('the write it is given is not changed in place', () => {
    const input = { needsReview: true };
    settleQuoteReview(input, 'editor');
    expect(input.needsReview).toBe(true);
  });

  test('a value that is not a boolean is refused, naming the field', () => {
    for (const writer of WRITERS) {
      for (const value of ['yes', 'true', 1]) {
        let refusal: unknown;
        try {
          settleQuoteReview({ needsReview: value }, writer);
        } catch (error) {
          refusal = error;
        }
        expect(refusal).toBeInstanceOf(RuleViolation);
        expect((refusal as RuleViolation).violations[0]).toMatchObject({ field: 'needsReview', rule: 'not-boolean' });
      }
    }
  });
});
