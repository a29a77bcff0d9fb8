// How well the importer reads a folder of dispatches, each NN-*.txt beside its expected parse
// NN-*.json (written by a person, not by the parser): credits, dates, quotation texts, speakers,
// and the worst error, a quotation put in the wrong mouth without a flag for review.
import fs from 'fs';
import path from 'path';
import { DispatchError, parseDispatch, type ParsedDispatch } from '#core/dispatch';
import { outletGazetteer, withDefaultLists } from '../../server/src/config';

export interface ExpectedParse {
  agency: string | null;
  credits: Array<{ role: string; agency: string }>;
  dispatchDate: string | null;
  flagged: boolean;
  quotes: Array<{ text: string; speaker: string }>;
}

export interface Figures {
  dispatches: number;
  credits: number;
  dates: number;
  refused: number;
  expectedQuotes: number;
  texts: number;
  speakers: number;
  /** Quotations whose speaker is wrong and not flagged for review: the error that must not happen. */
  wrongUnflagged: number;
  /** Quotations flagged for an editor's review (needsReview). */
  flaggedForReview: number;
  falseQuotes: number;
  misses: string[];
}

const gazetteer = outletGazetteer(withDefaultLists({}));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function readBatch(folder: string): Array<{ name: string; text: string; expected: ExpectedParse }> {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      name,
      text: fs.readFileSync(path.join(folder, name), 'utf8'),
      expected: JSON.parse(fs.readFileSync(path.join(folder, name.replace(/\.txt$/, '.json')), 'utf8')),
    }));
}

function creditsOf(parsed: ParsedDispatch): string[] {
  return parsed.credits
    .map((credit) => {
      const outlet = parsed.outlets.find((candidate) => candidate.key === credit.outlet);
      return `${credit.role}:${outlet?.nameLatin ?? outlet?.name}`;
    })
    .sort();
}

export function measureBatch(folder: string): Figures {
  const figures: Figures = {
    dispatches: 0,
    credits: 0,
    dates: 0,
    refused: 0,
    expectedQuotes: 0,
    texts: 0,
    speakers: 0,
    wrongUnflagged: 0,
    flaggedForReview: 0,
    falseQuotes: 0,
    misses: [],
  };
  for (const { name, text, expected } of readBatch(folder)) {
    figures.dispatches += 1;
    // A dispatch refused for want of an agency is refused whole: its quotations are not counted.
    if (!expected.flagged) figures.expectedQuotes += expected.quotes.length;
    let parsed: ParsedDispatch | undefined;
    try {
      parsed = parseDispatch(text, gazetteer, { houseDistributor: 'pakistan-point-news' });
    } catch (error) {
      if (!(error instanceof DispatchError)) throw error;
      if (expected.flagged && /No agency is named/.test(error.message)) {
        figures.refused += 1;
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
    const found = parsed.quotes.map((quote) => ({
      text: squash(quote.text),
      speaker: quote.speaker,
      needsReview: Boolean((quote as { needsReview?: boolean }).needsReview),
    }));
    for (const quote of expected.quotes) {
      const match = found.find((candidate) => candidate.text === squash(quote.text));
      if (!match) {
        figures.misses.push(`${name}: quote not found: ${quote.text.slice(0, 50)}`);
        continue;
      }
      figures.texts += 1;
      if (match.needsReview) figures.flaggedForReview += 1;
      if (match.speaker === quote.speaker) figures.speakers += 1;
      else {
        if (!match.needsReview) figures.wrongUnflagged += 1;
        figures.misses.push(
          `${name}: speaker "${match.speaker}" ≠ "${quote.speaker}"${match.needsReview ? ' (flagged)' : ''} for ${quote.text.slice(0, 30)}`,
        );
      }
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

export function figuresReport(label: string, figures: Figures): string {
  return [
    `${label}: dispatches ${figures.dispatches} (refused for want of an agency, as expected: ${figures.refused})`,
    `credits ${figures.credits}/${figures.dispatches}, dates ${figures.dates}/${figures.dispatches}`,
    `quote texts ${percent(figures.texts, figures.expectedQuotes).toFixed(1)} % (${figures.texts}/${figures.expectedQuotes})`,
    `exact speakers ${percent(figures.speakers, figures.expectedQuotes).toFixed(1)} % (${figures.speakers}/${figures.expectedQuotes})`,
    `flagged for review ${figures.flaggedForReview}, wrong and not flagged ${percent(figures.wrongUnflagged, figures.expectedQuotes).toFixed(1)} % (${figures.wrongUnflagged})`,
    `false quotes ${figures.falseQuotes}`,
    ...figures.misses.map((miss) => `  ${miss}`),
  ].join('\n');
}

export { percent };
