// The dispatch parser's work grows in proportion to the dispatch: measured as the characters its
// regular expressions are given to search, which a clock on a shared machine could not show reliably.
import { readFileSync } from 'fs';
import path from 'path';
import { parseDispatch, WIRE_AGENCIES } from '#core/dispatch';
import { SPEAKER_CONTEXT, speakerContext } from '#core/dispatch/quotes';

const SEED = readFileSync(path.resolve(__dirname, '../../fixtures/dispatches/01-seed-paren-dateline.txt'), 'utf8');

/** A long dispatch: the seed's title and dateline, then its paragraphs (with their quotations) again and again. */
function dispatchOf(bytes: number): string {
  const [title, first, ...paragraphs] = SEED.split('\n').filter((line) => line.trim() !== '');
  let text = `${title}\n\n${first}\n\n`;
  for (let index = 0; Buffer.byteLength(text) < bytes; index += 1)
    text += `${paragraphs[index % paragraphs.length]}\n\n`;
  return text;
}

/** What one parse costs: the characters every regular expression search is handed, from where it starts. */
function searchedCharacters(text: string): { searched: number; quotes: number } {
  const exec = RegExp.prototype.exec;
  let searched = 0;
  const spy = jest.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    searched += Math.max(0, String(input).length - from);
    return exec.call(this, input);
  });
  try {
    const parsed = parseDispatch(text, WIRE_AGENCIES, { houseDistributor: 'pakistan-point-news' });
    return { searched, quotes: parsed.quotes.length };
  } finally {
    spy.mockRestore();
  }
}

describe('the parse of a long dispatch', () => {
  test('eight times the text costs about eight times the searching, not sixty-four', () => {
    const small = searchedCharacters(dispatchOf(16 * 1024));
    const large = searchedCharacters(dispatchOf(8 * 16 * 1024));
    expect(small.quotes).toBeGreaterThan(20);
    expect(large.quotes).toBeGreaterThan(8 * small.quotes * 0.9);
    // Linear work gives a ratio near 8; a scan of the whole article per quotation gives near 64.
    expect(large.searched / small.searched).toBeLessThan(20);
  });

  test('a 250 KB dispatch parses, and names every quotation’s speaker as the short one does', () => {
    const parsed = parseDispatch(dispatchOf(250 * 1024), WIRE_AGENCIES, { houseDistributor: 'pakistan-point-news' });
    const seed = parseDispatch(SEED, WIRE_AGENCIES, { houseDistributor: 'pakistan-point-news' });
    expect(parsed.quotes.length).toBeGreaterThan(400);
    const speakers = new Set(seed.quotes.map((quote) => quote.speaker));
    expect(parsed.quotes.every((quote) => speakers.has(quote.speaker))).toBe(true);
  });
});

describe('speakerContext', () => {
  test('a dispatch of ordinary length is read whole', () => {
    expect(speakerContext(SEED, 1200)).toEqual({ text: SEED, at: 1200 });
  });

  test('a long one is read in its lead and the whole paragraphs around the quotation, within the bounds', () => {
    const article = dispatchOf(250 * 1024).replace(/\n+/g, '\n');
    const at = article.indexOf('وأضاف', Math.floor(article.length * 0.8));
    expect(at).toBeGreaterThan(0);
    const { text, at: within } = speakerContext(article, at);
    const { lead, before, after } = SPEAKER_CONTEXT;
    expect(text.length).toBeLessThanOrEqual(lead + before + after + 1);
    expect(text.slice(within, within + 5)).toBe('وأضاف');
    expect(text.startsWith(article.slice(0, 50))).toBe(true);
  });
});
