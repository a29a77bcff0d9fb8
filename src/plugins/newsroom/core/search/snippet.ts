// The answer's snippet: the original text (as stored, harakat and all) around the first word
// that matched, the matched words in <mark>, everything else escaped. Words are read one by one
// and only until the snippet is whole, and a text is searched for a match only so far.
import { stripBidiControls } from '../bidi';
import { escapeHtml } from '../feeds/html';
import { searchWords } from './normalize';
import { type QueryTerms, type SearchOptions } from './query';
import { stemWord } from './stem';

// A written word: a letter or digit, then letters (tatweel among them), digits, marks, and the
// joiners inside a word.
const WRITTEN_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u200C\u200D]*/gu;
const WORDS_BEFORE = 8;
const WORDS_IN_SNIPPET = 30;
/** How far into a text a match is looked for, in characters. */
export const SNIPPET_SCAN_CHARS = 20000;

interface Word {
  start: number;
  end: number;
  marked: boolean;
}

function matches(written: string, wanted: Set<string>, options: SearchOptions): boolean {
  return searchWords(written).some(
    (word) => wanted.has(word) || (options.stem !== false && wanted.has(stemWord(word))),
  );
}

function render(plain: string, shown: Word[], startsText: boolean, endsText: boolean): string {
  if (shown.length === 0) return '';
  const start = startsText ? 0 : shown[0].start;
  const end = endsText ? plain.length : shown[shown.length - 1].end;
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const word of shown) {
    html += escapeHtml(plain.slice(at, word.start));
    const written = escapeHtml(plain.slice(word.start, word.end));
    html += word.marked ? `<mark>${written}</mark>` : written;
    at = word.end;
  }
  return html + escapeHtml(plain.slice(at, end)) + (end < plain.length ? '…' : '');
}

function snippetOfText(text: string, wanted: Set<string>, options: SearchOptions): { html: string; found: boolean } {
  // Bidi controls go: a window cut between an override and its end would reorder what follows.
  const plain = stripBidiControls(text.slice(0, SNIPPET_SCAN_CHARS + 2000))
    .replace(/\s+/g, ' ')
    .trim();
  const recent: Word[] = [];
  let shown: Word[] | undefined;
  WRITTEN_WORD.lastIndex = 0;
  for (let match = WRITTEN_WORD.exec(plain); match; match = WRITTEN_WORD.exec(plain)) {
    const start = match.index;
    const word = { start, end: start + match[0].length, marked: false };
    if (shown) {
      word.marked = matches(match[0], wanted, options);
      shown.push(word);
      if (shown.length >= WORDS_IN_SNIPPET) break;
      continue;
    }
    if (start > SNIPPET_SCAN_CHARS) break;
    word.marked = matches(match[0], wanted, options);
    recent.push(word);
    if (word.marked) shown = recent.slice(-WORDS_BEFORE - 1);
    else if (recent.length > WORDS_BEFORE) recent.shift();
  }
  if (!shown) {
    // No match: the text's opening.
    WRITTEN_WORD.lastIndex = 0;
    const opening: Word[] = [];
    for (
      let match = WRITTEN_WORD.exec(plain);
      match && opening.length < WORDS_IN_SNIPPET;
      match = WRITTEN_WORD.exec(plain)
    ) {
      opening.push({ start: match.index, end: match.index + match[0].length, marked: false });
    }
    const ends = opening.length < WORDS_IN_SNIPPET;
    return {
      html: opening.length ? render(plain, opening, true, ends) : escapeHtml(plain.slice(0, 200)),
      found: false,
    };
  }
  const firstShown = shown[0];
  const startsText = plain.slice(0, firstShown.start).match(WRITTEN_WORD) === null;
  WRITTEN_WORD.lastIndex = 0;
  const last = shown[shown.length - 1];
  const endsText = plain.slice(last.end).match(WRITTEN_WORD) === null;
  return { html: render(plain, shown, startsText, endsText), found: true };
}

/**
 * The snippet from the first of `texts` (plain text, best first) that holds a matched word; the
 * opening of the first text when none does (a match through a field that is not shown).
 */
export function searchSnippet(texts: string[], query: QueryTerms, options: SearchOptions = {}): string {
  const wanted = new Set(query.flat());
  let fallback: string | undefined;
  for (const text of texts) {
    if (!text) continue;
    const snippet = snippetOfText(text, wanted, options);
    if (snippet.found) return snippet.html;
    fallback ??= snippet.html;
  }
  return fallback ?? '';
}
