// Every alias of every known outlet as one pattern, matched on word boundaries: an alias never
// matches inside another word (`وام` in `دوام`, `بنا` in `لبنان`, `وفا` in `وفاة`, `واس` in `واسع`).
// Prefix rule: in a dateline an agency is named bare, so a clitic (و، ب، ل، ف) glued to an alias
// makes it another word ("وسانا", "لبنا") and it does not match. Digits may touch an alias
// (KUNA signs "كونا231314"), letters may not. Letters are compared folded one-for-one (alef forms,
// alef maqsura and Persian ya, ta marbuta, Persian kaf), so positions in the text stay valid.
import type { KnownOutlet } from './types';

export interface AliasHit {
  start: number;
  end: number;
  outlet: KnownOutlet;
  written: string;
}

/** One character for one character: the spelling variants an alias may be written in. */
export function foldLetters(text: string): string {
  return text
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/[\u0649\u06CC]/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u06A9/g, '\u0643')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '\u200B');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Marks and tatweel were folded to a zero-width space: allowed anywhere inside a word.
const MARKS = '\\u200B*';

/**
 * The pattern of one alias: single letters ("أ ش أ", "أ.ش.أ", "و م ع") may be spaced, dotted or
 * glued; two letters ("أ ب") only spaced or dotted, as glued they are a word ("آب" August, "أب").
 */
function aliasSource(alias: string): string {
  const folded = foldLetters(alias.trim()).replace(/\u200B/g, '');
  const parts = folded.split(/[\s.]+/u).filter(Boolean);
  if (parts.length > 1 && parts.every((part) => [...part].length === 1))
    return parts.map(escape).join(parts.length === 2 ? '[\\s.]+' : '[\\s.]*');
  return parts.map((part) => [...part].map(escape).join(MARKS)).join('\\s+');
}

/** The lookup key of an alias or of the text it matched: folded, without spaces, dots and marks. */
const keyOf = (text: string) =>
  foldLetters(text)
    .replace(/[\s.\u200B]+/gu, '')
    .toLowerCase();

export interface AliasMatcher {
  /** Every alias in `text`, left to right, longest first where two start together. */
  find(text: string): AliasHit[];
  /** The known outlet a whole name is an alias of. */
  lookup(name: string): KnownOutlet | undefined;
}

const cache = new WeakMap<readonly KnownOutlet[], AliasMatcher>();

export function aliasMatcher(gazetteer: readonly KnownOutlet[]): AliasMatcher {
  const cached = cache.get(gazetteer);
  if (cached) return cached;
  const byKey = new Map<string, KnownOutlet>();
  const sources: string[] = [];
  for (const outlet of gazetteer) {
    for (const alias of outlet.names) {
      const key = keyOf(alias);
      if (key === '') continue;
      // "ومع" and "و م ع" share a key, not a pattern: both are kept.
      if (!byKey.has(key)) byKey.set(key, outlet);
      sources.push(aliasSource(alias));
    }
  }
  sources.sort((a, b) => b.length - a.length);
  const pattern =
    sources.length === 0
      ? undefined
      : new RegExp(`(?<![\\p{L}\\p{M}\\u200B])(?:${sources.join('|')})(?![\\p{L}\\p{M}\\u200B])`, 'giu');
  const matcher: AliasMatcher = {
    find(text) {
      if (!pattern) return [];
      const hits: AliasHit[] = [];
      for (const match of foldLetters(text).matchAll(pattern)) {
        const outlet = byKey.get(keyOf(match[0]));
        const start = match.index ?? 0;
        if (outlet)
          hits.push({
            start,
            end: start + match[0].length,
            outlet,
            written: text.slice(start, start + match[0].length),
          });
      }
      return hits;
    },
    lookup: (name) => byKey.get(keyOf(name)),
  };
  cache.set(gazetteer, matcher);
  return matcher;
}
