// The agency of a dispatch, found from the agency table rather than from sample shapes: the lead
// zone (the lines between the headline and the text, and the head of the first paragraph) is
// scanned for any alias of any known agency, whatever punctuation surrounds it and in any order
// with the city and the date. The alias must stand in a dateline-shaped position: before it only
// a place, a reporter's name and a date (at most a few words that are not date words); after it,
// more agencies, a date, a place, punctuation, then the text. The closing line is read when the
// lead names none.
import { DATE_WORDS, findDatelineDate } from '../arabic-dates';
import { normalizeArabic } from '../slug';
import type { AliasHit, AliasMatcher } from './agency-aliases';
import type { KnownOutlet } from './types';

export interface LeadDateline {
  /** Whole lines before the first paragraph that were byline or dateline. */
  linesBefore: number;
  /** How many characters of the first paragraph the dateline takes. */
  length: number;
  city?: string;
  /** Distributors first, the originating agency last, as their aliases are written. */
  agencies: Array<{ written: string; outlet: KnownOutlet }>;
  /** The dateline's own date, when it has a full one. */
  date?: string;
  byline?: string;
}

/** How far into a line an agency is looked for, and how many plain words may stand before it. */
export const LEAD_ZONE = { head: 160, plainWordsBefore: 5, ownLine: 90, closingLine: 90, leadLines: 3 } as const;

// What separates the parts of a dateline: spaces and every mark agencies put between them.
// U+06D4 (۔) is the Urdu full stop, written between the parts of Pakistani and Indian datelines.
const SEPARATORS = /^[\s()[\]/\\|:：.،,؛;*_\-–—−ـ۔•·]*/u;
// A word of a date at the head of a text: digits (with an era letter) or a date word ("تشرين الأول").
const DATE_TOKEN = new RegExp(
  `^(?:[\\d\\u0660-\\u0669\\u06F0-\\u06F9]+[ءمه]?(?![\\p{L}])|(?:${DATE_WORDS.source}))`,
  'u',
);
const foldAlef = (text: string) => text.replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627');
/** The length of the date word at the head of `text`, 0 when none. */
const dateTokenAt = (text: string) => DATE_TOKEN.exec(foldAlef(text))?.[0].length ?? 0;
// A clause starts: the text has begun, no dateline is there any more.
const SENTENCE = /[.؟!?]\s|["«“»”]/u;

const plainWords = (text: string): string[] =>
  normalizeArabic(text)
    .replace(DATE_WORDS, ' ')
    .replace(/[\d\u0660-\u0669\u06F0-\u06F9]+/gu, ' ')
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean);

const isDateWord = (word: string) => word !== '' && dateTokenAt(word) === word.length;

interface Span {
  end: number;
  agencies: AliasHit[];
  city?: string;
}

/** The dateline around the first dateline-shaped alias of `text`, or undefined. */
function datelineIn(text: string, matcher: AliasMatcher): Span | undefined {
  const head = text.slice(0, LEAD_ZONE.head);
  const hits = matcher.find(head);
  const first = hits[0];
  if (!first) return undefined;
  const before = head.slice(0, first.start);
  if (SENTENCE.test(before) || plainWords(before).length > LEAD_ZONE.plainWordsBefore) return undefined;
  const agencies = [first];
  let end = first.end;
  // After the agency: more agencies, a date, separators; a place only when none stood before.
  for (let guard = 0; guard < 20; guard += 1) {
    const separator = SEPARATORS.exec(text.slice(end))?.[0] ?? '';
    const at = end + separator.length;
    const next = hits.find((hit) => hit.start === at);
    if (next) {
      if (!agencies.some((hit) => hit.outlet === next.outlet)) agencies.push(next);
      end = next.end;
      continue;
    }
    const length = dateTokenAt(text.slice(at));
    if (length > 0) {
      end = at + length;
      continue;
    }
    end = at;
    break;
  }
  // The separators right after the dateline belong to it, not to the text.
  let city = plainWords(before).slice(0, 3).join(' ') || undefined;
  if (!city) {
    // "سانا - دمشق - 5 مارس 2024 -": the agency first, then the place (a few words, then a mark).
    const place = /^((?:[\p{L}\p{M}]+ ){0,2}[\p{L}\p{M}]+)\s*[\-–—/:،,|)۔•·]+\s*/u.exec(text.slice(end));
    const after = place ? text.slice(end + place[0].length) : '';
    const dateFollows = after !== '' && dateTokenAt(after) > 0;
    if (
      place &&
      place[1].split(' ').every((word) => !isDateWord(word)) &&
      (dateFollows || place[1].split(' ').length <= 2)
    ) {
      city = place[1];
      end += place[0].length;
      if (dateFollows) {
        for (let guard = 0; guard < 20; guard += 1) {
          const separator = SEPARATORS.exec(text.slice(end))?.[0] ?? '';
          const length = dateTokenAt(text.slice(end + separator.length));
          if (length === 0) break;
          end += separator.length + length;
        }
      }
    }
  }
  end += SEPARATORS.exec(text.slice(end))?.[0].length ?? 0;
  return { end, agencies, ...(city ? { city } : {}) };
}

const SUMMARY_LINE = /^[-–—•*▪]\s+\S/u;

const BYLINE_START = /^(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|من|مراسل\p{L}*)(?:\s|[:：])/u;

/** The dateline of the lead zone of `lines` (the dispatch after its headline), when it names a known agency. */
export function readLeadDateline(lines: readonly string[], matcher: AliasMatcher): LeadDateline | undefined {
  let byline: string | undefined;
  let dateLine: string | undefined;
  // Anadolu's summary lines under the headline ("- الرئيس التركي شارك في …") come before its dateline
  // and count for no line of the lead zone.
  let summary = 0;
  while (summary < Math.min(6, lines.length - 1) && SUMMARY_LINE.test(lines[summary])) summary += 1;
  for (let index = summary; index < Math.min(summary + LEAD_ZONE.leadLines, lines.length - 1); index += 1) {
    const line = lines[index];
    const span = datelineIn(line, matcher);
    if (span) {
      const own = span.end >= line.length && line.length <= LEAD_ZONE.ownLine;
      const date = findDatelineDate(line.slice(0, span.end)) ?? dateLine;
      return {
        linesBefore: own ? index + 1 : index,
        length: own ? 0 : span.end,
        agencies: span.agencies.map((hit) => ({ written: hit.written, outlet: hit.outlet })),
        ...(span.city ? { city: span.city } : {}),
        ...(date ? { date } : {}),
        ...(byline ? { byline } : {}),
      };
    }
    // "03.04.2024" on a line of its own above "إسطنبول/ مصطفى دلي/ الأناضول": the dateline's date.
    if (dateLine === undefined && line.length <= 40 && plainWords(line).length === 0) {
      const date = findDatelineDate(line);
      if (date) {
        dateLine = date;
        continue;
      }
    }
    // Only a short line with no sentence in it (a byline, a kicker) may stand before the dateline.
    if (line.length > 80 || /[.؟!]$/u.test(line) || !BYLINE_START.test(line)) return undefined;
    byline = line.replace(/^(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|من)\s*[:：]?\s*/u, '').trim();
  }
  return undefined;
}

/** The agency a closing line signs with ("/أ ش أ/", "--(بترا) ه ع/ ر ح", "كونا231314 جمت"), if any. */
export function closingAgency(lines: readonly string[], matcher: AliasMatcher): AliasHit | undefined {
  for (const line of lines.slice(-2).reverse()) {
    if (line.length > LEAD_ZONE.closingLine) continue;
    const hit = matcher.find(line)[0];
    if (hit && plainWords(line.slice(0, hit.start)).length <= 2) return hit;
  }
  return undefined;
}
