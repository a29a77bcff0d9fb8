import {
  fts5Expression,
  indexTerms,
  matchesTerms,
  MAX_INDEXED_WORDS,
  normalizeForSearch,
  queryProblem,
  queryTerms,
  searchBoxFilter,
  searchEntry,
  searchableText,
  searchSnippet,
  searchWords,
  SNIPPET_SCAN_CHARS,
  stemWord,
  tsqueryExpression,
  tsrankTerms,
} from '#core/search';
import { MUST_MATCH, MUST_NOT_MATCH } from '../../fixtures/search-pairs';

const found = (query: string, text: string, stem = true) =>
  matchesTerms(indexTerms(text, { stem }), queryTerms(query, { stem }));

describe('the search spelling', () => {
  test.each([
    ['إيران', 'ايران'],
    ['أحمد آسيا ٱلله', 'احمد اسيا الله'],
    ['إلى', 'الي'],
    ['مدرسة', 'مدرسه'],
    ['مُحَمَّد', 'محمد'],
    ['جمـــيل', 'جميل'],
    ['الرحمٰن', 'الرحمن'],
    ['پاکستان', 'باكستان'],
    ['یے', 'يي'],
    ['ہۀەھۂ', 'ههههه'],
    ['ٹڈڑں', 'تدرن'],
    ['٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹', '0123456789 0123456789'],
    ['ﺳﻼﻡ', 'سلام'],
    ['SPUTNIK Café', 'sputnik café'],
    ['می‌خواهد', 'ميخواهد'],
    ['a\u202Eb', 'ab'],
  ])('%s → %s', (text, normalized) => {
    expect(normalizeForSearch(text)).toBe(normalized);
  });

  test('is idempotent', () => {
    for (const { text } of [...MUST_MATCH, ...MUST_NOT_MATCH]) {
      expect(normalizeForSearch(normalizeForSearch(text))).toBe(normalizeForSearch(text));
    }
  });
});

describe('light stemming', () => {
  test.each([
    ['الايرانيه', 'ايران'],
    ['والوزير', 'وزير'],
    ['بالكتاب', 'كتاب'],
    ['للمدرسه', 'مدرس'],
    ['المعلمون', 'معلم'],
    ['مهندسين', 'مهندس'],
    ['سياراتها', 'سيار'],
    ['sputnik', 'sputnik'],
    ['من', 'من'],
    ['الي', 'ال'],
  ])('%s → %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  test('never leaves fewer than two letters', () => {
    for (const word of ['اله', 'لله', 'ها', 'وال', 'يه']) expect(stemWord(word).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the match table', () => {
  test('holds at least 30 pairs that must match and 10 that must not', () => {
    expect(MUST_MATCH.length).toBeGreaterThanOrEqual(30);
    expect(MUST_NOT_MATCH.length).toBeGreaterThanOrEqual(10);
  });

  test.each(MUST_MATCH.map((pair) => [pair.query, pair.text, pair.kind]))('%s finds «%s» (%s)', (query, text) => {
    expect(found(query, text)).toBe(true);
  });

  test.each(MUST_NOT_MATCH.map((pair) => [pair.query, pair.text, pair.kind]))(
    '%s does not find «%s» (%s)',
    (query, text) => {
      expect(found(query, text)).toBe(false);
    },
  );

  // Stemming against normalisation alone: it finds every affixed pair normalisation misses, and
  // loses nothing else, on this table (the figures are in the plugin's README).
  test('stemming finds the affixed forms that normalisation alone misses, and adds no false match', () => {
    const affixed = MUST_MATCH.filter((pair) => pair.kind === 'affix');
    const other = MUST_MATCH.filter((pair) => pair.kind !== 'affix');
    expect(affixed.filter((pair) => found(pair.query, pair.text, false)).length).toBeLessThan(affixed.length / 2);
    expect(affixed.every((pair) => found(pair.query, pair.text, true))).toBe(true);
    expect(other.every((pair) => found(pair.query, pair.text, false))).toBe(true);
    expect(MUST_NOT_MATCH.some((pair) => found(pair.query, pair.text, false))).toBe(false);
  });
});

describe('queries', () => {
  test.each([
    [undefined, /q is required/],
    ['', /q is required/],
    ['   ', /q is required/],
    [['a', 'b'], /q is required/],
    ['x'.repeat(201), /longer than 200/],
    ['!!! ؟؟', /no word/],
  ])('q=%j is refused', (q, message) => {
    expect(queryProblem(q)).toMatch(message);
  });

  test('a query of words is accepted', () => {
    expect(queryProblem('إيران')).toBeUndefined();
    expect(queryProblem('x'.repeat(200))).toBeUndefined();
  });

  test('each word is a group of its forms; a repeated word counts once', () => {
    expect(queryTerms('الإيرانية إيران إيران')).toEqual([
      ['الايرانيه', 'ايران'],
      ['ايران', 'اير'],
    ]);
  });

  test('the database expressions quote nothing a user typed but words', () => {
    const terms = queryTerms('إيران" OR * NEAR(روسيا) -- \' & | !');
    expect(fts5Expression(terms)).toBe('("ايران" OR "اير") AND ("or") AND ("near") AND ("روسيا")');
    expect(tsqueryExpression(terms)).toBe('(ايران | اير) & (or) & (near) & (روسيا)');
    // The rank's queries: one per word, its forms as alternatives.
    expect(tsrankTerms(terms)).toEqual(['ايران | اير', 'or', 'near', 'روسيا']);
  });
});

describe('snippets', () => {
  test('mark the matched words as written, and escape the rest', () => {
    const snippet = searchSnippet(['<b>قال</b> مُحَمَّد: العلاقات الإيرانية جيدة'], queryTerms('ايران محمد'));
    expect(snippet).toBe('&lt;b&gt;قال&lt;/b&gt; <mark>مُحَمَّد</mark>: العلاقات <mark>الإيرانية</mark> جيدة');
  });

  test('cut a long text around the first match', () => {
    const before = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ');
    const after = Array.from({ length: 40 }, (_, i) => `لفظ${i}`).join(' ');
    const snippet = searchSnippet([`${before} إيران ${after}`], queryTerms('ايران'));
    expect(snippet.startsWith('…كلمة32 ')).toBe(true);
    expect(snippet).toContain('<mark>إيران</mark>');
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.split(' ').length).toBe(30);
  });

  test('come from the first text that holds a match, else the opening of the first', () => {
    expect(searchSnippet(['لا شيء هنا', 'زيارة إلى إيران'], queryTerms('ايران'))).toBe('زيارة إلى <mark>إيران</mark>');
    expect(searchSnippet(['لا شيء هنا', ''], queryTerms('ايران'))).toBe('لا شيء هنا');
  });
});

// The admin's box, as the database reads its filter: `$contains` is a substring test.
function boxFinds(typed: string, text: string): boolean {
  const { searchText } = searchEntry('article', { body: `<p>${text}</p>` });
  const holds = (filter: Record<string, unknown>): boolean => {
    if (Array.isArray(filter.$and)) return filter.$and.every(holds);
    if (Array.isArray(filter.$or)) return filter.$or.some(holds);
    const { $contains } = filter.searchText as { $contains: string };
    return searchText.includes($contains);
  };
  const filter = searchBoxFilter(typed);
  return filter !== undefined && holds(filter);
}

describe("the admin's search box", () => {
  test.each(MUST_MATCH.map((pair) => [pair.query, pair.text]))('%s finds «%s»', (query, text) => {
    expect(boxFinds(query, text)).toBe(true);
  });

  test.each(MUST_NOT_MATCH.map((pair) => [pair.query, pair.text]))('%s does not find «%s»', (query, text) => {
    expect(boxFinds(query, text)).toBe(false);
  });

  test('finds a word being typed by its beginning, not by its middle', () => {
    expect(boxFinds('ايرا', 'زيارة إلى إيران')).toBe(true);
    expect(boxFinds('الاير', 'العلاقات الإيرانية')).toBe(true);
    expect(boxFinds('يران', 'زيارة إلى إيران')).toBe(false);
  });

  test('holds no filter for a box with no word', () => {
    expect(searchBoxFilter('؟ !')).toBeUndefined();
  });
});

describe('what a body gives the index', () => {
  test('block ends and line breaks part words; inline tags and entities do not', () => {
    const body =
      '<h2>عنوان</h2><p>قرطاج</p><p>صفاقس</p><ul><li>سوسة</li><li>المنستير</li></ul><p>بنزرت<br>نابل</p><p>إي<b>ران</b> &amp; &#1605;صر</p>';
    expect(searchableText(body)).toBe('عنوان قرطاج صفاقس سوسة المنستير بنزرت نابل إيران & مصر');
    const { bodyTerms } = searchEntry('article', { body });
    for (const word of ['عنوان', 'قرطاج', 'صفاقس', 'سوسه', 'المنستير', 'بنزرت', 'نابل', 'ايران', 'مصر']) {
      expect(matchesTerms(bodyTerms, queryTerms(word))).toBe(true);
    }
  });

  test(`reads at most ${MAX_INDEXED_WORDS} words of a text`, () => {
    const text = Array.from({ length: MAX_INDEXED_WORDS + 10 }, (_, i) => `w${i}`).join(' ');
    const terms = indexTerms(text).split(' ');
    expect(terms).toHaveLength(MAX_INDEXED_WORDS);
    expect(terms[terms.length - 1]).toBe(`w${MAX_INDEXED_WORDS - 1}`);
  });

  test('a lone combining mark is no word', () => {
    expect(searchWords('\u0301 ́ alpha \u0301')).toEqual(['alpha']);
    expect(queryProblem('\u0301')).toMatch(/no word/);
  });
});

describe('snippets of long and hostile texts', () => {
  test('a match far into a long text is not looked for; the opening is shown', () => {
    const filler = 'كلام '.repeat(SNIPPET_SCAN_CHARS / 4);
    const snippet = searchSnippet([`${filler} إيران`], queryTerms('ايران'));
    expect(snippet).not.toContain('<mark>');
    expect(snippet.startsWith('كلام كلام')).toBe(true);
  });

  test('a match at the start of a long text shows its first 30 words', () => {
    const snippet = searchSnippet([`إيران ${'كلمة '.repeat(200000)}`], queryTerms('ايران'));
    expect(snippet).toBe(`<mark>إيران</mark> ${Array(29).fill('كلمة').join(' ')}…`);
  });

  test('no bidi control reaches a snippet', () => {
    const snippet = searchSnippet(['قال \u202Eإيران ثم\u202C انتهى'], queryTerms('ايران'));
    expect(snippet).toBe('قال <mark>إيران</mark> ثم انتهى');
  });
});
