// Outlets a dispatch names: its agencies, quoted outlets after "وكالة", "شبكة"…, ministries and
// statements, and the gazetteer's known outlets; one key per outlet whatever the spelling.
import { stripMarkup } from '../sanitize';
import { makeSlug, normalizeArabic } from '../slug';
import type { QuotationSpan } from './quotation-marks';
import type { KnownOutlet, ParsedOutlet, SourceKind } from './types';

// A quoted name after these words is the title of a report, programme or campaign: not a quotation.
const TITLE_BEFORE =
  /(?:^|\s)(?:و|ب|ل)?(?:بعنوان|عنوان|عنوانه|كتاب|برنامج|شعار|عملية|مبادرة|هاشتاغ|وسم|مشروع|خطة|حملة|استراتيجية|رؤية|منصة|تطبيق|مهرجان|معرض|جائزة|مسابقة|فيلم|مسلسل|رواية|اتفاقية|قانون|تقرير)$|(?:^|\s)لـ?$|لـ$/u;

const OUTLET_WORDS: Array<[RegExp, SourceKind]> = [
  [/(?:^|\s)(?:ل|و|ب)?(?:وكالة|وكاله)$/u, 'news-agency'],
  [/(?:^|\s)(?:ل|و|ب)?(?:شبكة|قناة|إذاعة|تلفزيون)$/u, 'broadcaster'],
  [/(?:^|\s)(?:ل|و|ب)?(?:صحيفة|جريدة|مجلة|موقع)$/u, 'publisher'],
];

export interface Mention {
  start: number;
  end: number;
  /** The outlet named; absent for a quoted title, which is a name but no outlet. */
  outlet?: string;
  /** Named by one of the gazetteer's aliases: a news outlet, never a ministry. */
  known?: boolean;
}

export class OutletRegistry {
  private readonly outlets = new Map<string, ParsedOutlet>();

  /** One pattern per alias of each known outlet, made once per dispatch rather than per paragraph. */
  private readonly aliasPatterns: Array<{ pattern: RegExp; known: KnownOutlet }>;

  constructor(private readonly gazetteer: readonly KnownOutlet[]) {
    this.aliasPatterns = gazetteer.flatMap((known) =>
      known.names.map((alias) => {
        const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        // A short alias (واس، بنا، قنا) is also a word: only quoted, in parentheses or after وكالة/لـ.
        const short = outletKey(alias).replace(/ /g, '').length <= 3;
        const source = short
          ? `(?:(?<=[("«“]\\s*)|(?<=(?:وكالة|لـ)\\s*))${escaped}(?![\\p{L}])`
          : `(?<![\\p{L}])(?:ل|و|ب)?${escaped}(?![\\p{L}])`;
        return { pattern: new RegExp(source, 'gu'), known };
      }),
    );
  }

  // A known outlet keeps one key and its first listed name whatever alias the dispatch uses; a
  // name keeps no markup (`<svg onload=…>` in a dateline), as the Source rules would refuse it.
  add(written: string, kind: SourceKind): string {
    const name = stripMarkup(written).replace(/\s+/g, ' ');
    const spelled = outletKey(name);
    const known = this.gazetteer.find((outlet) => outlet.names.some((alias) => outletKey(alias) === spelled));
    return known ? this.addKnown(known) : this.addNew(spelled, { key: spelled, name: name.trim(), kind });
  }

  /** The outlet whose Source has this slug: the gazetteer's entry, else the slug alone. */
  addBySlug(slug: string, kind: SourceKind): string {
    const known = this.gazetteer.find((outlet) => makeSlug(outlet.nameLatin) === slug);
    return known ? this.addKnown(known) : this.addNew(slug, { key: slug, slug, name: slug, kind });
  }

  /** A known outlet's key, adding it: the one Source of that outlet whatever alias named it. */
  addKnown(known: KnownOutlet): string {
    const key = outletKey(known.names[0]);
    return this.addNew(key, {
      key,
      slug: makeSlug(known.nameLatin),
      name: known.names[0],
      nameLatin: known.nameLatin,
      kind: known.kind,
      ...(known.url ? { url: known.url } : {}),
    });
  }

  private addNew(key: string, outlet: ParsedOutlet): string {
    if (!this.outlets.has(key)) this.outlets.set(key, outlet);
    return key;
  }

  /** Known outlets named in running text, without quotation marks: "لوكالة سبوتنيك". */
  knownMentions(text: string): Array<{ start: number; end: number; known: KnownOutlet }> {
    const found: Array<{ start: number; end: number; known: KnownOutlet }> = [];
    for (const { pattern, known } of this.aliasPatterns) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        found.push({ start, end: start + match[0].length, known });
      }
    }
    return found;
  }

  list(): ParsedOutlet[] {
    return [...this.outlets.values()];
  }
}

/** Alef, ya and ta-marbuta variants folded, so one outlet is one Source whatever the spelling. */
export function outletKey(name: string): string {
  // Persian and Urdu spellings of a name fold to the Arabic letters: ی and ى to ي, ک to ك.
  return normalizeArabic(name)
    .replace(/[\u0649\u06CC]/g, '\u064A')
    .replace(/\u06A9/g, '\u0643')
    .replace(/\u0629/g, '\u0647')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

// A short quoted name after "شبكة", "وكالة"… is an outlet, after "بعنوان" a title; "بيان X" and
// "وزارة X" name a government body; the gazetteer's outlets are found by name.
// `quotations` are the text's paired quotation marks (pairQuotations), the spans the quotation reader sees.
export function findOutletMentions(
  text: string,
  outlets: OutletRegistry,
  quotations: readonly QuotationSpan[],
): Mention[] {
  const mentions: Mention[] = [];
  for (const { start, end, text: quoted } of quotations) {
    const inner = quoted.trim();
    const before = text.slice(0, start).trimEnd();
    const kind = OUTLET_WORDS.find(([word]) => word.test(before))?.[1];
    if (kind && inner !== '' && inner.split(' ').length <= 4) {
      mentions.push({ start, end, outlet: outlets.add(inner, kind) });
    } else if (TITLE_BEFORE.test(before)) {
      mentions.push({ start, end });
    }
  }
  for (const { start, end, known } of outlets.knownMentions(text)) {
    mentions.push({ start, end, outlet: outlets.add(known.names[0], known.kind), known: true });
  }
  for (const match of text.matchAll(/(?<![\p{L}])(?:ل|و|ب)?(?:بيان|وزارة)\s+((?:ال[\p{L}]+\s?){1,3})/gu)) {
    const name = match[1].trim();
    const start = match.index ?? 0;
    mentions.push({ start, end: start + match[0].length, outlet: outlets.add(name, 'government') });
  }
  return mentions.sort((a, b) => a.start - b.start);
}
