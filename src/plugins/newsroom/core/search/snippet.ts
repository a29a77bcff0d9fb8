// The answer's snippet: the original text (as stored, harakat and all) around the first word
// that matched, the matched words in <mark>, everything else escaped.
import { escapeHtml } from '../feeds/html';
import { searchWords } from './normalize';
import { type QueryTerms, type SearchOptions } from './query';
import { stemWord } from './stem';

// A written word: letters (tatweel among them), digits, marks, and the joiners inside a word.
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}\u200C\u200D]+/gu;
const WORDS_BEFORE = 8;
const WORDS_IN_SNIPPET = 30;

function matches(written: string, wanted: Set<string>, options: SearchOptions): boolean {
  return searchWords(written).some(
    (word) => wanted.has(word) || (options.stem !== false && wanted.has(stemWord(word))),
  );
}

function snippetOfText(text: string, wanted: Set<string>, options: SearchOptions): { html: string; found: boolean } {
  const plain = text.replace(/\s+/g, ' ').trim();
  const words = [...plain.matchAll(WRITTEN_WORD)].map((match) => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
    marked: matches(match[0], wanted, options),
  }));
  const first = words.findIndex((word) => word.marked);
  const from = Math.max(0, first - WORDS_BEFORE);
  const shown = words.slice(from, from + WORDS_IN_SNIPPET);
  if (shown.length === 0) return { html: escapeHtml(plain.slice(0, 200)), found: false };
  const start = from === 0 ? 0 : shown[0].start;
  const last = shown[shown.length - 1];
  const end = from + WORDS_IN_SNIPPET >= words.length ? plain.length : last.end;
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const word of shown) {
    html += escapeHtml(plain.slice(at, word.start));
    const written = escapeHtml(plain.slice(word.start, word.end));
    html += word.marked ? `<mark>${written}</mark>` : written;
    at = word.end;
  }
  html += escapeHtml(plain.slice(at, end)) + (end < plain.length ? '…' : '');
  return { html, found: first >= 0 };
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
