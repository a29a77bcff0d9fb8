// The importer on the batches written blind (tests/fixtures/dispatches/batches), whose first figures
// are recorded in their README, and on the corpus: prints credits, dates, quote texts, exact,
// flagged and wrong-unflagged speakers, false quotes. It holds the goals where they are met (every
// credit and date, at most 2 % wrong speakers not flagged for review) and, where they are not yet,
// the floors reached, so that no change falls back: the goals are texts ≥ 95 %, exact ≥ 85 %, no
// false quotes, and on F and G also every credit and date and the 2 %.
import path from 'path';
import { figuresReport, measureBatch, percent } from '../../helpers/importer-figures';

const FIXTURES = path.resolve(__dirname, '../../fixtures/dispatches');

interface Floor {
  texts: number;
  exact: number;
  falseQuotes: number;
  /** Dispatches whose credits (and dates) may still be wrong; 0 is the goal. */
  wrongCredits?: number;
  wrongDates?: number;
  /** Percent of quotations with a wrong speaker not flagged for review; the goal is 2. */
  wrongUnflagged?: number;
}

describe.each<[string, Floor]>([
  ['corpus', { texts: 100, exact: 98, falseQuotes: 0 }],
  ['batches/D', { texts: 100, exact: 83, falseQuotes: 0 }],
  ['batches/E', { texts: 100, exact: 92, falseQuotes: 2 }],
  ['batches/F', { texts: 100, exact: 84, falseQuotes: 0, wrongDates: 1 }],
  ['batches/G', { texts: 100, exact: 97, falseQuotes: 0 }],
  ['batches/H', { texts: 100, exact: 86, falseQuotes: 0 }],
  ['batches/I', { texts: 98, exact: 82, falseQuotes: 1 }],
  ['batches/J', { texts: 98, exact: 70, falseQuotes: 0 }],
  ['batches/K', { texts: 97, exact: 72, falseQuotes: 0 }],
  ['batches/L', { texts: 100, exact: 80, falseQuotes: 0 }],
  ['batches/M', { texts: 98, exact: 71, falseQuotes: 1 }],
  ['batches/N', { texts: 94, exact: 72, falseQuotes: 1 }],
  ['batches/O', { texts: 96, exact: 74, falseQuotes: 0 }],
  ['batches/P', { texts: 97, exact: 74, falseQuotes: 1 }],
  ['batches/Q', { texts: 98, exact: 86, falseQuotes: 1 }],
  ['batches/R', { texts: 100, exact: 94, falseQuotes: 0 }],
  ['batches/S', { texts: 98, exact: 62, falseQuotes: 0 }],
  ['batches/T', { texts: 100, exact: 92, falseQuotes: 0 }],
  ['batches/U', { texts: 98, exact: 69, falseQuotes: 0 }],
  ['batches/V', { texts: 95, exact: 78, falseQuotes: 1 }],
  ['batches/W', { texts: 98, exact: 71, falseQuotes: 0 }],
  ['batches/X', { texts: 98, exact: 77, falseQuotes: 0 }],
  ['batches/Y', { texts: 100, exact: 89, falseQuotes: 1, wrongDates: 1 }],
  ['batches/Z', { texts: 97, exact: 85, falseQuotes: 0 }],
  ['batches/AA', { texts: 95, exact: 86, falseQuotes: 0 }],
])('the importer on %s', (folder, floor) => {
  const figures = measureBatch(path.join(FIXTURES, folder));
  console.log(figuresReport(folder, figures));

  test('credits and dates are right on every dispatch; a dispatch with no known agency is refused', () => {
    expect(figures.credits).toBeGreaterThanOrEqual(figures.dispatches - (floor.wrongCredits ?? 0));
    expect(figures.dates).toBeGreaterThanOrEqual(figures.dispatches - (floor.wrongDates ?? 0));
  });

  test('wrong speakers that are not flagged for review: 2 % at most', () => {
    expect(percent(figures.wrongUnflagged, figures.expectedQuotes)).toBeLessThanOrEqual(floor.wrongUnflagged ?? 2);
  });

  test('quote texts, exact speakers and false quotes hold their floors', () => {
    expect(percent(figures.texts, figures.expectedQuotes)).toBeGreaterThanOrEqual(floor.texts);
    expect(percent(figures.speakers, figures.expectedQuotes)).toBeGreaterThanOrEqual(floor.exact);
    expect(figures.falseQuotes).toBeLessThanOrEqual(floor.falseQuotes);
  });
});

test.todo('every batch: quote texts ≥ 95 %, exact speakers ≥ 85 %, wrong and not flagged ≤ 2 %, no false quotes');
