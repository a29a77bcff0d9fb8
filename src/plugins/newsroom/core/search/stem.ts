// Light stemming of Arabic words (Larkey's light10, as Lucene's ArabicStemmer): one article-like
// prefix and the common suffixes, each removed only when two letters or more remain. It runs on
// normalised words (ة is already ه, so ية is يه). A word of another script is returned as it is.

const PREFIXES = [
  '\u0627\u0644',
  '\u0648\u0627\u0644',
  '\u0628\u0627\u0644',
  '\u0643\u0627\u0644',
  '\u0641\u0627\u0644',
  '\u0644\u0644',
];
// ها ان ات ون ين يه ه ي, in Lucene's order (ية, its ninth, is يه once normalised).
const SUFFIXES = [
  '\u0647\u0627',
  '\u0627\u0646',
  '\u0627\u062A',
  '\u0648\u0646',
  '\u064A\u0646',
  '\u064A\u0647',
  '\u0647',
  '\u064A',
];
const ARABIC_LETTERS = /^[\u0621-\u064A]+$/;
const MIN_STEM = 2;

/** The light stem of a normalised word. */
export function stemWord(word: string): string {
  if (!ARABIC_LETTERS.test(word)) return word;
  let stem = word;
  const prefix = PREFIXES.find((candidate) => stem.startsWith(candidate) && stem.length - candidate.length >= MIN_STEM);
  if (prefix) stem = stem.slice(prefix.length);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
