// Script, language and direction of text: the RTL metadata rule, with no Strapi in it.

export type Direction = 'rtl' | 'ltr';

export interface TextLanguage {
  lang: string;
  dir: Direction;
}

// Letters of the right-to-left scripts (Unicode bidi classes R and AL).
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
const LETTER = /\p{L}/u;

// Letters that occur in Urdu but not in Arabic or Persian, and letters Persian and Urdu share
// that Arabic does not use.
const URDU_ONLY = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06C2\u06C3\u06D2\u06D3]/u;
const PERSIAN_OR_URDU = /[\u067E\u0686\u0698\u06A9\u06AF\u06CC]/u;

const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku-arab',
  'nqo',
  'prs',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'samr', 'mand', 'adlm', 'rohg']);

// A pragmatic BCP 47 shape: language, optional script, region and variants.
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;

/** The direction a letter is written in, or null for what is not a letter (digits, spaces, marks). */
export function letterDirection(char: string): Direction | null {
  if (RTL_LETTER.test(char)) return 'rtl';
  return LETTER.test(char) ? 'ltr' : null;
}

/** The direction of the first strong letter (Unicode bidi rule P2), or null for none. */
export function firstStrongDirection(text: string): Direction | null {
  for (const char of text) {
    if (RTL_LETTER.test(char)) return 'rtl';
    if (LETTER.test(char)) return 'ltr';
  }
  return null;
}

/** Guess the language of a text from its letters: Urdu, Persian, Arabic, Hebrew or English. */
export function detectLanguage(text: string): TextLanguage | null {
  const dir = firstStrongDirection(text);
  if (dir === null) return null;
  if (dir === 'ltr') return { lang: 'en', dir };
  if (/\p{Script=Hebrew}/u.test(text)) return { lang: 'he', dir };
  if (URDU_ONLY.test(text)) return { lang: 'ur', dir };
  if (PERSIAN_OR_URDU.test(text)) return { lang: 'fa', dir };
  return { lang: 'ar', dir };
}

export function isLanguageTag(tag: string): boolean {
  return LANGUAGE_TAG.test(tag);
}

/** The direction a language tag is written in, from its script subtag or its language. */
export function directionOfLanguage(tag: string): Direction {
  const parts = tag.toLowerCase().split('-');
  const script = parts.find((part, index) => index > 0 && part.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(parts[0]) ? 'rtl' : 'ltr';
}

export interface LanguageProblem {
  field: 'lang' | 'dir';
  rule: 'invalid-language-tag' | 'invalid-direction' | 'contradicts-text';
  given: string;
  expected?: string;
}

export interface ResolvedLanguage {
  value?: TextLanguage;
  problem?: LanguageProblem;
}

/**
 * Fill `lang` and `dir` from the text when absent; refuse a given value that contradicts it.
 * The text is the concatenation of the fields that carry the language, most telling first.
 */
export function resolveLanguage(text: string, given: { lang?: unknown; dir?: unknown }): ResolvedLanguage {
  const detected = detectLanguage(text);
  const lang = given.lang === undefined || given.lang === null || given.lang === '' ? undefined : given.lang;
  const dir = given.dir === undefined || given.dir === null || given.dir === '' ? undefined : given.dir;

  if (lang !== undefined && (typeof lang !== 'string' || !isLanguageTag(lang))) {
    return { problem: { field: 'lang', rule: 'invalid-language-tag', given: String(lang) } };
  }
  if (dir !== undefined && dir !== 'rtl' && dir !== 'ltr') {
    return { problem: { field: 'dir', rule: 'invalid-direction', given: String(dir) } };
  }
  if (detected && dir !== undefined && dir !== detected.dir) {
    return { problem: { field: 'dir', rule: 'contradicts-text', given: dir, expected: detected.dir } };
  }
  if (detected && lang !== undefined && directionOfLanguage(lang) !== detected.dir) {
    return {
      problem: { field: 'lang', rule: 'contradicts-text', given: lang, expected: detected.lang },
    };
  }
  const finalLang = (lang as string | undefined) ?? detected?.lang;
  const finalDir =
    (dir as Direction | undefined) ?? detected?.dir ?? (finalLang ? directionOfLanguage(finalLang) : undefined);
  if (!finalLang || !finalDir) return {};
  return { value: { lang: finalLang, dir: finalDir } };
}
