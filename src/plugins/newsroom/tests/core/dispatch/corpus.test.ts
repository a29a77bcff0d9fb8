// The importer's accuracy on the corpus of agency dispatches (tests/fixtures/dispatches/corpus):
// each NN-*.txt has its expected parse in NN-*.json. Prints the figures, then holds the goals:
// credits and dates 100 %, quote texts 95 % or more, exact speakers 90 % or more, no false quotes,
// and every dispatch without an agency refused with a message saying so.
import path from 'path';
import { figuresReport, measureBatch, percent, readBatch } from '../../helpers/importer-figures';

const CORPUS = path.resolve(__dirname, '../../fixtures/dispatches/corpus');

test('the corpus has at least 40 dispatches, each with its expected parse', () => {
  const cases = readBatch(CORPUS);
  expect(cases.length).toBeGreaterThanOrEqual(40);
  for (const { expected } of cases) expect(Array.isArray(expected.quotes)).toBe(true);
  expect(cases.filter(({ expected }) => expected.flagged).length).toBeGreaterThan(0);
});

test('accuracy on the corpus meets the goals', () => {
  const figures = measureBatch(CORPUS);
  console.log(`importer accuracy on ${figuresReport('tests/fixtures/dispatches/corpus', figures)}`);
  expect(figures.credits).toBe(figures.dispatches);
  expect(figures.dates).toBe(figures.dispatches);
  // Each dispatch that names no agency counts as right only when refused with "No agency is named".
  expect(figures.refused).toBe(readBatch(CORPUS).filter(({ expected }) => expected.flagged).length);
  expect(percent(figures.texts, figures.expectedQuotes)).toBeGreaterThanOrEqual(95);
  expect(percent(figures.speakers, figures.expectedQuotes)).toBeGreaterThanOrEqual(90);
  expect(figures.falseQuotes).toBe(0);
});
