import { firstFreeSlug, isValidSlug, makeSlug, MAX_SLUG_LENGTH, normalizeArabic } from '#core/slug';

describe('Arabic-script slugs', () => {
  test.each([
    ['بوتين: لدينا خطط للتعاون مع إيران عسكريا', 'bwtyn-ldyna-khtt-lltaawn-ma-ayran-askrya'],
    ['پاکستان پوائنٹ نیوز', 'pakstan-pwaynt-nywz'],
    ['ٹ ڈ ڑ ں ہ ھ ے', 't-d-r-n-h-h-e'],
    ['گل چمن ژاله', 'gl-chmn-zhalh'],
    ['مُحَمَّد', 'mhmd'],
    ['العـــربية', 'alarbyh'],
    ['أحمد إبراهيم آمنة ٱلله', 'ahmd-abrahym-amnh-allh'],
    ['خبرگزاری ایسنا', 'khbrgzary-aysna'],
    ['NBC News', 'nbc-news'],
    ['عام ٢٠٢١', 'aam-2021'],
  ])('%s → %s', (text, slug) => {
    expect(makeSlug(text)).toBe(slug);
    expect(isValidSlug(makeSlug(text))).toBe(true);
  });

  test('Urdu letters are mapped, not dropped', () => {
    expect(makeSlug('ٹیلی')).toBe('tyly');
  });

  test('bidi controls never reach a slug', () => {
    expect(makeSlug('abc\u202Edef')).toBe('abcdef');
  });

  test('at most 80 characters, cut at a word boundary', () => {
    const slug = makeSlug('كلمة '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(isValidSlug(slug)).toBe(true);
  });

  test('nothing sluggable gives an empty slug', () => {
    expect(makeSlug('!!! ؟؟')).toBe('');
  });

  test('collisions take a numeric suffix', () => {
    expect(firstFreeSlug('news', new Set())).toBe('news');
    expect(firstFreeSlug('news', new Set(['news', 'news-2']))).toBe('news-3');
    const long = 'a'.repeat(80);
    expect(firstFreeSlug(long, new Set([long])).length).toBeLessThanOrEqual(80);
  });

  test('normalisation removes tatweel and harakat and folds alef', () => {
    expect(normalizeArabic('أَحْمَـــد')).toBe('احمد');
  });
});
