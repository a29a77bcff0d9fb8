// The dateline: who sent the dispatch, from where and when, in any of the forms agencies write it,
// and the reporter's byline. It is read from the lines between the headline and the text and from
// the head of the first paragraph, and never stays in the body.
import { stripMarkup } from '../sanitize';
import { NOT_AN_AGENCY } from './agencies';
import { DispatchError } from './types';

export interface Dateline {
  /** Whole lines before the first paragraph that were byline or dateline. */
  linesBefore: number;
  /** How many characters of the first paragraph the dateline takes. */
  length: number;
  city?: string;
  agencies: string[];
  date?: string;
  byline?: string;
}

/** Tells whether a name is one of the newsroom's known outlets (by its normalized key). */
export type IsKnown = (name: string) => boolean;

const DIGIT = '[\\d\\u0660-\\u0669\\u06F0-\\u06F9]';
const CITY = '((?:[\\p{L}\\p{M}]+\\s){0,2}[\\p{L}\\p{M}]+)';
// "12 مارس 2024", "٤ تموز/يوليو ٢٠٢٣", "14 يونيو 2021ء".
const DATE = `(${DIGIT}{1,2}\\s+\\p{L}+(?:\\s\\p{L}+)?(?:\\s?/\\s?\\p{L}+(?:\\s\\p{L}+)?)?\\s+${DIGIT}{4}ء?)`;
const DASH = '[-–—]';

// "(Publisher / Agency - 14 يونيو 2021ء)".
const PAREN_DATELINE = new RegExp(`^\\(\\s*([^()]+?)\\s*${DASH}\\s*([^()]*?${DIGIT}[^()]*?)\\s*\\)\\s*`, 'u');
// "القاهرة (أ ش أ) -", "القاهرة - (أ ش أ) -", "الرياض 12 مارس 2024 (واس) -", "القاهرة (رويترز)".
const CITY_PAREN = new RegExp(
  `^${CITY}(?:،?\\s+${DATE})?\\s*(?:${DASH}\\s*)?\\(\\s*([^()]{1,60}?)\\s*\\)\\s*(${DASH}|:)?\\s*`,
  'u',
);
// "موسكو – سبوتنيك.", "دمشق-سانا", "الرياض/ واس", "الكويت - كونا:"; the agency is checked apart.
const CITY_THEN_AGENCY = new RegExp(`^${CITY}\\s*(?:${DASH}|/)\\s*`, 'u');
// "موسكو – وكالة جديدة." for an agency the newsroom does not know yet: a final period is needed.
const CITY_DASH_UNKNOWN = new RegExp(`^${CITY}\\s+${DASH}\\s+([^\\s.،,:()\\d][^.،,:()\\d]{1,40}?)\\.\\s+`, 'u');
// "غزة، 5 مايو 2024 -": a place and a date, no agency.
const CITY_DATE = new RegExp(`^${CITY}،?\\s+${DATE}\\s*(?:${DASH}|:)\\s*`, 'u');
const BYLINE =
  /^(?:كتب|كتبت|بقلم|إعداد|تقرير|من|مراسل\p{L}*)\s*[:：]\s*\S.{0,70}$|^(?:كتب|كتبت|بقلم)\s+\p{L}[^.؟!]{2,50}$/u;

// Markup goes before the names are split: the slash of `</b>` separates no agencies.
const splitAgencies = (names: string) =>
  stripMarkup(names)
    .split('/')
    .map((name) => name.trim())
    .filter((name) => name !== '' && !NOT_AN_AGENCY.test(name));

interface Head {
  length: number;
  city?: string;
  agencies: string[];
  date?: string;
}

/** The known agency name that starts `text`, with what follows it up to the text. */
function knownAgencyAt(text: string, isKnown: IsKnown): { name: string; length: number } | undefined {
  const words = text.split(' ');
  for (let count = Math.min(6, words.length); count >= 1; count -= 1) {
    const phrase = words.slice(0, count).join(' ');
    const name = phrase.replace(/[.:،,]+$/u, '');
    if (!isKnown(name)) continue;
    const rest = text.slice(phrase.length);
    // The agency ends the dateline: what follows is punctuation, the text, or nothing.
    const end = /^\s*(?:[.:،,]|[-–—])?\s*/u.exec(rest)?.[0] ?? '';
    return { name, length: phrase.length + end.length };
  }
  return undefined;
}

function readHead(text: string, isKnown: IsKnown): Head | undefined {
  const paren = PAREN_DATELINE.exec(text);
  if (paren) return { length: paren[0].length, agencies: splitAgencies(paren[1]), date: paren[2] };
  // "الشارقة (پاکستان پوائنٹ نیوز / وام - 05 مارچ 2025ء)": a city before the parenthesised dateline.
  const city = new RegExp(`^${CITY}\\s*(?=\\()`, 'u').exec(text);
  const cityParenDateline = city ? PAREN_DATELINE.exec(text.slice(city[0].length)) : null;
  if (city && cityParenDateline)
    return {
      length: city[0].length + cityParenDateline[0].length,
      city: city[1],
      agencies: splitAgencies(cityParenDateline[1]),
      date: cityParenDateline[2],
    };
  const cityParen = CITY_PAREN.exec(text);
  if (cityParen) {
    const [whole, city, date, inside, dash] = cityParen;
    // "قال الرئيس (المنتخب) إن…" is no dateline: the parentheses hold an agency, or a dash follows.
    if (dash || isKnown(inside) || NOT_AN_AGENCY.test(inside))
      return { length: whole.length, city, agencies: splitAgencies(inside), ...(date ? { date } : {}) };
  }
  // "الرياض 11 ربيع الأول 1447 هـ الموافق 03 سبتمبر 2025 م (واس) -": any date, then the agency.
  const cityDated = new RegExp(
    `^${CITY}\\s+([^()]{3,80}?${DIGIT}[^()]{0,20}?)\\s*\\(\\s*([^()]{1,40}?)\\s*\\)\\s*(?:${DASH}|:)\\s*`,
    'u',
  ).exec(text);
  if (cityDated && (isKnown(cityDated[3]) || NOT_AN_AGENCY.test(cityDated[3])))
    return {
      length: cityDated[0].length,
      city: cityDated[1],
      agencies: splitAgencies(cityDated[3]),
      date: cityDated[2],
    };
  // "أبوظبي في 9 نوفمبر 2024 / وام /": the agency between slashes.
  const slashed = new RegExp(
    `^${CITY}(?:\\s+في)?[،,]?\\s+([^/()]{3,60}?${DIGIT}[^/()]{0,10}?)\\s*/\\s*([^/()]{1,30}?)\\s*/\\s*`,
    'u',
  ).exec(text);
  if (slashed && (isKnown(slashed[3]) || NOT_AN_AGENCY.test(slashed[3])))
    return { length: slashed[0].length, city: slashed[1], agencies: splitAgencies(slashed[3]), date: slashed[2] };
  const cityThen = CITY_THEN_AGENCY.exec(text);
  if (cityThen) {
    const agency = knownAgencyAt(text.slice(cityThen[0].length), isKnown);
    if (agency) return { length: cityThen[0].length + agency.length, city: cityThen[1], agencies: [agency.name] };
  }
  const unknown = CITY_DASH_UNKNOWN.exec(text);
  if (unknown) return { length: unknown[0].length, city: unknown[1], agencies: splitAgencies(unknown[2]) };
  const cityDate = CITY_DATE.exec(text);
  if (cityDate) return { length: cityDate[0].length, city: cityDate[1], agencies: [], date: cityDate[2] };
  return undefined;
}

// A line of its own that is only a dateline: "الرياض/ واس", "عمان - بترا", "(رويترز)".
function datelineLine(line: string, isKnown: IsKnown): Head | undefined {
  if (line.length > 70) return undefined;
  const alone = /^\(\s*([^()]{1,40}?)\s*\)\.?$/u.exec(line);
  if (alone && (isKnown(alone[1]) || NOT_AN_AGENCY.test(alone[1])))
    return { length: line.length, agencies: splitAgencies(alone[1]) };
  const head = readHead(`${line} `, isKnown);
  if (!head || head.length < line.length) return undefined;
  return head;
}

/** The byline and dateline at the head of `lines` (the dispatch after its headline). */
export function readDateline(lines: readonly string[], isKnown: IsKnown): Dateline {
  let index = 0;
  let byline: string | undefined;
  let ownLine: Head | undefined;
  // Bylines and a dateline line, in either order, before the first paragraph.
  for (let step = 0; step < 3 && index < lines.length - 1; step += 1) {
    const line = lines[index];
    if (BYLINE.test(line)) {
      byline = line.replace(/^(?:كتب|كتبت|بقلم|إعداد|تقرير|من)\s*[:：]?\s*/u, '').trim();
      index += 1;
      continue;
    }
    const head = ownLine ? undefined : datelineLine(line, isKnown);
    if (!head) break;
    ownLine = head;
    index += 1;
  }
  const first = lines[index] ?? '';
  if (/^\([^)]*$/u.test(first.slice(0, 120)) || (first.startsWith('(') && !first.includes(')'))) {
    throw new DispatchError(
      'The dateline opens "(" but never closes it; write it as "(Publisher / Agency - 14 يونيو 2021ء)" ' +
        'at the head of the first paragraph. — سطر الإسناد يفتح قوسًا ولا يغلقه.',
    );
  }
  const inline = readHead(first, isKnown);
  const use = inline && (inline.agencies.length > 0 || !ownLine) ? inline : undefined;
  const agencies = [...(ownLine?.agencies ?? []), ...(use?.agencies ?? [])];
  const city = use?.city ?? ownLine?.city;
  const date = use?.date ?? ownLine?.date;
  return {
    linesBefore: index,
    // A place-and-date head after a dateline line is still dateline: it never stays in the body.
    length: inline?.length ?? 0,
    agencies: [...new Set(agencies)],
    ...(city ? { city } : {}),
    ...(date ? { date } : {}),
    ...(byline ? { byline } : {}),
  };
}
