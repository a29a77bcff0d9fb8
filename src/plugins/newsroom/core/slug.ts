// Arabic-script slugs: normalise, map what slugify would drop, then slugify to ASCII.
import slugify from 'slugify';
import { stripBidiControls } from './bidi';

export const MAX_SLUG_LENGTH = 80;
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

const TATWEEL = /\u0640/g;
// Harakat, shadda, sukun, Quranic marks and the superscript alef.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;

// Letters of Urdu and Persian that slugify drops or maps poorly, with their usual romanisation.
const EXTENDED_LETTERS: Record<string, string> = {
  '\u0679': 't', // ٹ
  '\u0688': 'd', // ڈ
  '\u0691': 'r', // ڑ
  '\u06BA': 'n', // ں
  '\u06C1': 'h', // ہ
  '\u06C2': 'h', // ۂ
  '\u06C3': 't', // ۃ
  '\u06BE': 'h', // ھ
  '\u06D2': 'e', // ے
  '\u06D3': 'e', // ۓ
  '\u06A9': 'k', // ک
  '\u06CC': 'y', // ی
  '\u06AF': 'g', // گ
  '\u067E': 'p', // پ
  '\u0686': 'ch', // چ
  '\u0698': 'zh', // ژ
  '\u06C0': 'h', // ۀ
  '\u0621': '', // ء carries no letter of its own in a slug
  '\u0624': 'w', // ؤ
  '\u0626': 'y', // ئ
};

/** NFKC, tatweel and marks removed, alef variants folded: the spelling slugs and lookups share. */
export function normalizeArabic(text: string): string {
  return stripBidiControls(text.normalize('NFKC'))
    .replace(TATWEEL, '')
    .replace(ARABIC_MARKS, '')
    .replace(ALEF_VARIANTS, '\u0627');
}

function romaniseExtendedLetters(text: string): string {
  return Array.from(text, (char) => EXTENDED_LETTERS[char] ?? char).join('');
}

/** An ASCII slug of at most 80 characters, cut at a word boundary; '' when nothing is left. */
export function makeSlug(text: string): string {
  const romanised = romaniseExtendedLetters(normalizeArabic(text)).replace(/[\u200C\u200D\u200E\u200F]/g, '');
  const slug = slugify(romanised, { lower: true, strict: true, trim: true })
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-$/, '');
}

/** The base itself when free, else base-2, base-3…, kept within the length limit. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-$/, '') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && new RegExp(SLUG_PATTERN).test(slug);
}
