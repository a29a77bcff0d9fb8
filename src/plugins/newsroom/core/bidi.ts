// Bidi formatting controls: the Trojan-Source rule, and isolating mixed-script messages.
import { letterDirection, type Direction } from './rtl';

// LRE RLE PDF LRO RLO (U+202A–U+202E) and LRI RLI FSI PDI (U+2066–U+2069).
const EMBEDDING_AND_ISOLATE_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const ANY_EMBEDDING_OR_ISOLATE_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const OPENS_EMBEDDING = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const OPENS_ISOLATE = new Set(['\u2066', '\u2067', '\u2068']);
const POP_EMBEDDING = '\u202C';
const POP_ISOLATE = '\u2069';

/**
 * Remove every embedding, override and isolate control. ZWNJ, ZWJ, LRM and RLM stay:
 * Persian and Urdu spelling needs them, and they cannot reorder text.
 */
export function stripBidiControls(text: string): string {
  return text.replace(EMBEDDING_AND_ISOLATE_CONTROLS, '');
}

export function hasBidiControls(text: string): boolean {
  return ANY_EMBEDDING_OR_ISOLATE_CONTROL.test(text);
}

/** Keep only controls that open and close within the text; remove the unbalanced ones. */
export function balanceBidiControls(text: string): string {
  if (!hasBidiControls(text)) return text;
  const chars = Array.from(text);
  const keep = chars.map(() => true);
  const open: Array<{ index: number; isolate: boolean }> = [];
  chars.forEach((char, index) => {
    if (OPENS_EMBEDDING.has(char) || OPENS_ISOLATE.has(char)) {
      open.push({ index, isolate: OPENS_ISOLATE.has(char) });
    } else if (char === POP_EMBEDDING || char === POP_ISOLATE) {
      const isolate = char === POP_ISOLATE;
      const top = open[open.length - 1];
      if (top && top.isolate === isolate) open.pop();
      else keep[index] = false;
    }
  });
  for (const unclosed of open) keep[unclosed.index] = false;
  return chars.filter((_, index) => keep[index]).join('');
}

const ISOLATE = { ltr: '\u2066', rtl: '\u2067' } as const;
const FIRST_STRONG_ISOLATE = '\u2068';

/**
 * A message to show in a `base` paragraph, isolated as a whole (LRI/RLI … PDI) and each run of the
 * other direction isolated inside it (FSI … PDI), so "سبوتنيك (Sputnik)" or "must credit Sputnik
 * (سبوتنيك)" read in order whatever the direction of the box that shows them.
 */
export function isolateForeignRuns(text: string, base: Direction): string {
  const chars = Array.from(stripBidiControls(text));
  const out: string[] = [];
  let index = 0;
  while (index < chars.length) {
    if (letterDirection(chars[index]) !== base && letterDirection(chars[index]) !== null) {
      // The run goes on to the last letter of its direction before a letter of the base direction.
      let end = index;
      for (let next = index + 1; next < chars.length; next += 1) {
        const direction = letterDirection(chars[next]);
        if (direction === base) break;
        if (direction !== null) end = next;
      }
      out.push(FIRST_STRONG_ISOLATE, ...chars.slice(index, end + 1), POP_ISOLATE);
      index = end + 1;
    } else {
      out.push(chars[index]);
      index += 1;
    }
  }
  return `${ISOLATE[base]}${out.join('')}${POP_ISOLATE}`;
}
