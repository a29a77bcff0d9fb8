// Arabic dates as wire copy prints them: both month series, paired forms, both digit sets.
import { normalizeArabic } from './slug';

// Egyptian (Gregorian-transliterated) month names, the series our datelines print.
export const EGYPTIAN_MONTHS = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];
const EGYPTIAN_VARIANTS: Array<[string, number]> = [
  ['يونيه', 6],
  ['يوليه', 7],
  ['ابريل', 4],
  ['إبريل', 4],
  // Maghrebi (Morocco): ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر; Algeria and Tunisia write جانفي، فيفري، أفريل، جوان، جويلية، أوت.
  ['ماي', 5],
  ['يوليوز', 7],
  ['غشت', 8],
  ['شتنبر', 9],
  ['نونبر', 11],
  ['دجنبر', 12],
  ['جانفي', 1],
  ['فيفري', 2],
  ['أفريل', 4],
  ['جوان', 6],
  ['جويلية', 7],
  ['أوت', 8],
  // Urdu, as Pakistan Point News writes its datelines: جنوری … دسمبر.
  ['جنوری', 1],
  ['فروری', 2],
  ['مارچ', 3],
  ['اپریل', 4],
  ['مئی', 5],
  ['جون', 6],
  ['جولائی', 7],
  ['اگست', 8],
  ['ستمبر', 9],
  ['اکتوبر', 10],
  ['نومبر', 11],
  ['دسمبر', 12],
];
// Levantine (Syriac-derived) month names.
const LEVANTINE_MONTHS = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];

const MONTH_BY_NAME = new Map<string, number>();
EGYPTIAN_MONTHS.forEach((name, index) => MONTH_BY_NAME.set(normalizeArabic(name), index + 1));
LEVANTINE_MONTHS.forEach((name, index) => MONTH_BY_NAME.set(normalizeArabic(name), index + 1));
EGYPTIAN_VARIANTS.forEach(([name, month]) => MONTH_BY_NAME.set(normalizeArabic(name), month));

const MONTH_NAMES = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length);
const MONTH = `(?:${MONTH_NAMES.join('|')})`;
// "14 يونيو 2021", "18 تشرين الأول/أكتوبر 2020", "أغسطس/ آب 2020", Reuters' "15 يناير كانون الثاني 2024"
const FULL_DATE = new RegExp(`(\\d{1,2})\\s+(${MONTH}(?:\\s*/\\s*${MONTH}|\\s+${MONTH})?)\\s+(\\d{4})`, 'u');

export function toWesternDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}

export function monthNumber(name: string): number | undefined {
  const first = normalizeArabic(name).split('/')[0].trim().replace(/\s+/g, ' ');
  const whole = MONTH_BY_NAME.get(first);
  if (whole !== undefined) return whole;
  // "يناير كانون الثاني": two names side by side, the longest known one that starts it.
  const words = first.split(' ');
  for (let count = words.length - 1; count >= 1; count -= 1) {
    const month = MONTH_BY_NAME.get(words.slice(0, count).join(' '));
    if (month !== undefined) return month;
  }
  return undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** The first full date (day, month name, year) in the text, as YYYY-MM-DD. */
// "الرابع عشر من أيلول 2025": the day written out as an ordinal.
const UNITS = ['الاول|الحادي', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
const ORDINAL = `((?:${UNITS.join('|')})(?:\\s+عشر|\\s+والعشرين|\\s+والثلاثين)?|العاشر|العشرين|الثلاثين)`;
const ORDINAL_DATE = new RegExp(`${ORDINAL}\\s+من\\s+(${MONTH}(?:\\s*/\\s*${MONTH}|\\s+${MONTH})?)\\s+(\\d{4})`, 'u');

function ordinalDay(words: string): number | undefined {
  if (words === 'العاشر') return 10;
  if (words === 'العشرين') return 20;
  if (words === 'الثلاثين') return 30;
  const [unit, tens] = words.split(/\s+/);
  const index = UNITS.findIndex((names) => names.split('|').includes(unit));
  if (index === -1) return undefined;
  const add = tens === 'عشر' ? 10 : tens === 'والعشرين' ? 20 : tens === 'والثلاثين' ? 30 : 0;
  return index + 1 + add;
}

export function findArabicDate(text: string): string | undefined {
  const normalized = normalizeArabic(toWesternDigits(text)).replace(/\s+/g, ' ');
  const match = FULL_DATE.exec(normalized);
  const ordinal = ORDINAL_DATE.exec(normalized);
  if (match && (!ordinal || (match.index ?? 0) <= (ordinal.index ?? 0))) {
    const month = monthNumber(match[2]);
    return month ? isoDate(Number(match[3]), month, Number(match[1])) : undefined;
  }
  if (!ordinal) return undefined;
  const day = ordinalDay(ordinal[1]);
  const month = monthNumber(ordinal[2]);
  return day && month ? isoDate(Number(ordinal[3]), month, day) : undefined;
}

/** "2021-06-14" → "14 يونيو 2021ء", the form of our datelines. */
export function formatDatelineDate(isoDay: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const name = EGYPTIAN_MONTHS[Number(month) - 1];
  if (!name || !isoDate(Number(year), Number(month), Number(day))) return undefined;
  return `${Number(day)} ${name} ${year}ء`;
}

// Hijri month names: a dateline may print the Hijri date beside the Gregorian one; it is never read.
const HIJRI_MONTHS = [
  'محرم',
  'صفر',
  'ربيع الأول',
  'ربيع الاول',
  'ربيع الآخر',
  'ربيع الاخر',
  'ربيع الثاني',
  'جمادى الأولى',
  'جمادى الاولى',
  'جمادى الآخرة',
  'جمادى الاخرة',
  'جمادى الثانية',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذو القعدة',
  'ذو الحجة',
  'ذي القعدة',
  'ذي الحجة',
];
const WEEKDAYS = ['الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الاربعاء', 'الخميس', 'الجمعة', 'السبت'];

/**
 * Words a dateline's date is made of, apart from its digits: month names of every series (Hijri
 * included), weekdays, "في" and "الموافق", the era letters. Normalised spelling (see normalizeArabic).
 */
export const DATE_WORDS = new RegExp(
  `(?<![\\p{L}])(?:${[...MONTH_NAMES, ...HIJRI_MONTHS.map(normalizeArabic), ...WEEKDAYS.map(normalizeArabic)]
    .sort((a, b) => b.length - a.length)
    .join('|')}|في|الموافق|يوم|هـ|ه|م|ء)(?![\\p{L}])`,
  'gu',
);

// 5-3-2024, 5/3/2024, 05.03.2024: day first; 2024-03-05: year first. The separator is the same twice.
const NUMERIC_DATE = /(?<!\d)(?:(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?!\d)/u;
const GREGORIAN = (year: number) => year >= 1800 && year <= 2200;

/**
 * The date of a dateline, as YYYY-MM-DD: a day, a month (named in any series, or numbered, day
 * first) and a Gregorian year. A date with no year, or a Hijri one alone, is no date: undefined.
 * Only the text given is read: the dateline, never the body.
 */
export function findDatelineDate(text: string): string | undefined {
  const normalized = normalizeArabic(toWesternDigits(text)).replace(/\s+/g, ' ');
  const found: Array<{ at: number; date: string }> = [];
  // In a dateline the parts may be slashed or dashed apart: "10 شباط/ فبراير/ 2025".
  const named = new RegExp(
    `(?<!\\d)(\\d{1,2})[\\s/.-]*(${MONTH}(?:\\s*/\\s*${MONTH}|\\s+${MONTH})?)[\\s/.،,-]*(\\d{4})(?!\\d)`,
    'gu',
  );
  for (const match of normalized.matchAll(named)) {
    const month = monthNumber(match[2]);
    const year = Number(match[3]);
    const date = month && GREGORIAN(year) ? isoDate(year, month, Number(match[1])) : undefined;
    if (date) {
      found.push({ at: match.index ?? 0, date });
      break;
    }
  }
  const numbers = new RegExp(NUMERIC_DATE.source, 'gu');
  for (const match of normalized.matchAll(numbers)) {
    const [day, month, year] = match[1]
      ? [Number(match[1]), Number(match[3]), Number(match[4])]
      : [Number(match[7]), Number(match[6]), Number(match[5])];
    const date = GREGORIAN(year) ? isoDate(year, month, day) : undefined;
    if (date) {
      found.push({ at: match.index ?? 0, date });
      break;
    }
  }
  if (found.length === 0) {
    const ordinal = ORDINAL_DATE.exec(normalized);
    if (!ordinal) return undefined;
    const day = ordinalDay(ordinal[1]);
    const month = monthNumber(ordinal[2]);
    return day && month && GREGORIAN(Number(ordinal[3])) ? isoDate(Number(ordinal[3]), month, day) : undefined;
  }
  return found.sort((a, b) => a.at - b.at)[0].date;
}
