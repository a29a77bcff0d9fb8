// The importer's accuracy on the corpus of agency dispatches (tests/fixtures/dispatches/corpus):
// each NN-*.txt has its expected parse in NN-*.json. Prints the figures, then holds the goals:
// credits and dates 100 %, quote texts 95 % or more, exact speakers 90 % or more, no false quotes,
// and every dispatch without an agency refused with a message saying so.
import fs from 'fs';
import path from 'path';
import { DispatchError, parseDispatch, type ParsedDispatch } from '#core/dispatch';
import { outletGazetteer, withDefaultLists } from '../../../server/src/config';

interface Expected {
  agency: string | null;
  credits: Array<{ role: string; agency: string }>;
  dispatchDate: string | null;
  flagged: boolean;
  quotes: Array<{ text: string; speaker: string }>;
}

const CORPUS = path.resolve(__dirname, '../../fixtures/dispatches/corpus');
const gazetteer = outletGazetteer(withDefaultLists({}));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const cases = fs
  .readdirSync(CORPUS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({
    name,
    text: fs.readFileSync(path.join(CORPUS, name), 'utf8'),
    expected: JSON.parse(fs.readFileSync(path.join(CORPUS, name.replace(/\.txt$/, '.json')), 'utf8')) as Expected,
  }));

function creditsOf(parsed: ParsedDispatch): string[] {
  return parsed.credits
    .map((credit) => {
      const outlet = parsed.outlets.find((candidate) => candidate.key === credit.outlet);
      return `${credit.role}:${outlet?.nameLatin ?? outlet?.name}`;
    })
    .sort();
}

interface Figures {
  dispatches: number;
  credits: number;
  dates: number;
  refused: number;
  flagged: number;
  expectedQuotes: number;
  texts: number;
  speakers: number;
  falseQuotes: number;
  misses: string[];
}

function measure(): Figures {
  const figures: Figures = {
    dispatches: 0,
    credits: 0,
    dates: 0,
    refused: 0,
    flagged: 0,
    expectedQuotes: 0,
    texts: 0,
    speakers: 0,
    falseQuotes: 0,
    misses: [],
  };
  for (const { name, text, expected } of cases) {
    figures.dispatches += 1;
    // A dispatch refused for want of an agency is refused whole: its quotations are not counted.
    if (!expected.flagged) figures.expectedQuotes += expected.quotes.length;
    let parsed: ParsedDispatch | undefined;
    try {
      parsed = parseDispatch(text, gazetteer, { houseDistributor: 'pakistan-point-news' });
    } catch (error) {
      if (!(error instanceof DispatchError)) throw error;
      if (expected.flagged && /No agency is named/.test(error.message)) {
        figures.flagged += 1;
        figures.credits += 1;
        figures.dates += 1;
      } else figures.misses.push(`${name}: refused: ${error.message.slice(0, 80)}`);
      continue;
    }
    if (expected.flagged) {
      figures.misses.push(`${name}: should be refused for want of an agency, parsed ${creditsOf(parsed).join(', ')}`);
      continue;
    }
    const credits = creditsOf(parsed);
    const wanted = expected.credits.map((credit) => `${credit.role}:${credit.agency}`).sort();
    if (JSON.stringify(credits) === JSON.stringify(wanted)) figures.credits += 1;
    else figures.misses.push(`${name}: credits ${credits.join(', ')} ≠ ${wanted.join(', ')}`);
    if ((parsed.dispatchDate ?? null) === expected.dispatchDate) figures.dates += 1;
    else figures.misses.push(`${name}: date ${parsed.dispatchDate} ≠ ${expected.dispatchDate}`);
    const found = parsed.quotes.map((quote) => ({ text: squash(quote.text), speaker: quote.speaker }));
    for (const quote of expected.quotes) {
      const match = found.find((candidate) => candidate.text === squash(quote.text));
      if (!match) {
        figures.misses.push(`${name}: quote not found: ${quote.text.slice(0, 50)}`);
        continue;
      }
      figures.texts += 1;
      if (match.speaker === quote.speaker) figures.speakers += 1;
      else
        figures.misses.push(`${name}: speaker "${match.speaker}" ≠ "${quote.speaker}" for ${quote.text.slice(0, 30)}`);
    }
    for (const quote of found) {
      if (!expected.quotes.some((candidate) => squash(candidate.text) === quote.text)) {
        figures.falseQuotes += 1;
        figures.misses.push(`${name}: false quote: ${quote.text.slice(0, 50)} (${quote.speaker})`);
      }
    }
  }
  return figures;
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : (100 * part) / whole);

test('the corpus has at least 40 dispatches, each with its expected parse', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  for (const { expected } of cases) expect(Array.isArray(expected.quotes)).toBe(true);
});

test('accuracy on the corpus meets the goals', () => {
  const figures = measure();
  const report = [
    `dispatches ${figures.dispatches} (refused for want of an agency, as expected: ${figures.flagged})`,
    `credits ${percent(figures.credits, figures.dispatches).toFixed(1)} %`,
    `dates ${percent(figures.dates, figures.dispatches).toFixed(1)} %`,
    `quote texts ${percent(figures.texts, figures.expectedQuotes).toFixed(1)} % (${figures.texts}/${figures.expectedQuotes})`,
    `exact speakers ${percent(figures.speakers, figures.expectedQuotes).toFixed(1)} % (${figures.speakers}/${figures.expectedQuotes})`,
    `false quotes ${figures.falseQuotes}`,
    ...figures.misses.map((miss) => `  ${miss}`),
  ].join('\n');
  console.log(`importer accuracy on tests/fixtures/dispatches/corpus:\n${report}`);
  expect(percent(figures.credits, figures.dispatches)).toBe(100);
  expect(percent(figures.dates, figures.dispatches)).toBe(100);
  expect(percent(figures.texts, figures.expectedQuotes)).toBeGreaterThanOrEqual(95);
  expect(percent(figures.speakers, figures.expectedQuotes)).toBeGreaterThanOrEqual(90);
  expect(figures.falseQuotes).toBe(0);
});
