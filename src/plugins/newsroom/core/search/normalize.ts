// One spelling for search, applied alike to what is stored and to what is asked: Lucene's
// ArabicNormalizer (hamza-carrying alefs, alef maqsura, ta marbuta, tatweel, harakat), Persian
// and Urdu letters folded to their Arabic counterparts, both Arabic-Indic digit sets to ASCII,
// NFKC, and Latin case folding. Pure: the index, the queries and the admin's search box share it.

// Harakat and shadda (U+064B–U+065F, which holds U+0654 hamza above), the superscript alef, the
// Quranic annotation marks, tatweel, and the invisible joiners and marks that sit inside a word.
const INSIDE_A_WORD =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u00AD\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

// Letters written differently for one sound or by another script's hand, to the Arabic letter
// an Arabic writer types for them (پ is typed ب in Arabic transliteration, گ is ك, and so on).
const FOLDED: Record<string, string> = {
  '\u0622': '\u0627', // آ
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0671': '\u0627', // ٱ
  '\u0672': '\u0627', // ٲ
  '\u0673': '\u0627', // ٳ
  '\u0649': '\u064A', // ى alef maqsura
  '\u06CC': '\u064A', // ی Farsi yeh
  '\u06D2': '\u064A', // ے yeh barree
  '\u06D3': '\u064A', // ۓ
  '\u0629': '\u0647', // ة ta marbuta
  '\u06C1': '\u0647', // ہ heh goal
  '\u06C2': '\u0647', // ۂ
  '\u06C0': '\u0647', // ۀ
  '\u06D5': '\u0647', // ە ae
  '\u06BE': '\u0647', // ھ heh doachashmee
  '\u06C3': '\u0647', // ۃ
  '\u06A9': '\u0643', // ک keheh
  '\u06AA': '\u0643', // ڪ swash kaf
  '\u06AF': '\u0643', // گ gaf
  '\u067E': '\u0628', // پ peh
  '\u0686': '\u062C', // چ tcheh
  '\u0698': '\u0632', // ژ jeh
  '\u06A4': '\u0641', // ڤ veh
  '\u0679': '\u062A', // ٹ tteh
  '\u0688': '\u062F', // ڈ ddal
  '\u0691': '\u0631', // ڑ rreh
  '\u06BA': '\u0646', // ں noon ghunna
};

const FOLDABLE = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'g');
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function westernDigit(char: string): string {
  const code = char.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** The search spelling of a text: same length or shorter, words kept apart as they were. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INSIDE_A_WORD, '')
    .replace(FOLDABLE, (char) => FOLDED[char])
    .replace(EASTERN_DIGITS, westernDigit)
    .toLowerCase();
}

// A word: a letter or digit, then letters, digits and the combining marks of scripts other than
// Arabic (whose marks the normalisation removed), so a vowelled word is one word, not one per letter.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The normalised words of a text, in order. */
export function searchWords(text: string): string[] {
  return normalizeForSearch(text).match(WORD) ?? [];
}
