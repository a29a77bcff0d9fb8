import { bodyText, isSafeUrl, paragraphsOf, sanitizeBody } from '#core/sanitize';
import { HOSTILE_HTML, HOSTILE_URLS } from '../fixtures/hostile-html';
import { executableParts } from '../helpers/executable';

const ARABIC = { lang: 'ar', dir: 'rtl' as const };

describe('sanitizeBody against hostile HTML', () => {
  test('the fixture holds at least 150 payloads, and the checker sees them as hostile', () => {
    expect(HOSTILE_HTML.length).toBeGreaterThanOrEqual(150);
    const seenRaw = HOSTILE_HTML.filter((payload) => executableParts(payload).length > 0);
    expect(seenRaw.length).toBeGreaterThan(120);
  });

  test.each(HOSTILE_HTML.map((payload, index) => [index, payload]))(
    'payload %i leaves nothing executable',
    (_i, payload) => {
      const clean = sanitizeBody(payload as string, ARABIC);
      expect(executableParts(clean)).toEqual([]);
      // Idempotent: cleaning clean HTML changes nothing.
      expect(sanitizeBody(clean, ARABIC)).toBe(clean);
    },
  );

  test.each(HOSTILE_URLS.map((url) => [url]))('link scheme %j is refused', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  test.each([
    ['https://example.com/a?b=c'],
    ['http://example.com'],
    ['mailto:desk@example.com'],
    ['/relative/path'],
    ['#anchor'],
    ['page.html'],
  ])('link %s is kept', (url) => {
    expect(isSafeUrl(url)).toBe(true);
    expect(sanitizeBody(`<p><a href="${url}">رابط</a></p>`, ARABIC)).toContain(`href="${url}"`);
  });
});

describe('sanitizeBody keeps what editors need', () => {
  test('paragraphs, headings, lists, emphasis, blockquote with cite, bdi, bdo, span with dir and lang', () => {
    const html =
      '<h2>عنوان فرعي</h2><p><strong>قوي</strong> و<em>مائل</em></p><ul><li>بند</li></ul>' +
      '<blockquote cite="https://example.com"><p>اقتباس</p></blockquote><p><bdo dir="ltr">abc</bdo> <span lang="fa">فارسی</span></p>';
    const clean = sanitizeBody(html, ARABIC);
    for (const fragment of [
      '<h2 dir="rtl" lang="ar">',
      '<strong>قوي</strong>',
      '<em>مائل</em>',
      '<ul dir="rtl" lang="ar"><li>بند</li></ul>',
      'cite="https://example.com"',
      '<bdo dir="ltr">abc</bdo>',
      '<span lang="fa">',
    ]) {
      expect(clean).toContain(fragment);
    }
  });

  test('every top-level block carries its own dir and lang', () => {
    const clean = sanitizeBody('<p>نص عربي</p><p>English paragraph</p><p dir="ltr">2021</p>', ARABIC);
    expect(clean).toBe(
      '<p dir="rtl" lang="ar">نص عربي</p><p dir="ltr" lang="en">English paragraph</p><p dir="ltr" lang="ar">2021</p>',
    );
  });

  test('Latin runs inside Arabic text are isolated, once', () => {
    const clean = sanitizeBody('<p>قالت شبكة NBC News الأميركية</p>', ARABIC);
    expect(clean).toBe('<p dir="rtl" lang="ar">قالت شبكة <bdi dir="ltr">NBC News</bdi> الأميركية</p>');
    expect(sanitizeBody(clean, ARABIC)).toBe(clean);
  });

  test('loose text becomes a paragraph; text with & < > stays text', () => {
    expect(sanitizeBody('سطر & <b>نص</b> 1 < 2', ARABIC)).toBe(
      '<p dir="rtl" lang="ar">سطر &amp; <strong>نص</strong> 1 &lt; 2</p>',
    );
  });

  test('unbalanced bidi controls are removed from the body, balanced ones kept', () => {
    expect(sanitizeBody('<p>أ\u202Eب</p>', ARABIC)).toBe('<p dir="rtl" lang="ar">أب</p>');
    expect(sanitizeBody('<p>أ\u2067ب\u2069</p>', ARABIC)).toBe('<p dir="rtl" lang="ar">أ\u2067ب\u2069</p>');
  });

  test('paragraphsOf gives the text of each block', () => {
    expect(paragraphsOf('<p>أول</p><p>ثان &amp; ثالث</p>')).toEqual(['أول', 'ثان & ثالث']);
  });
});

describe('control characters', () => {
  test('NUL and other C0 controls never reach the stored body; tab and newline do', () => {
    expect(sanitizeBody('<p>أ\u0000ب\u0007ج\tد</p>', ARABIC)).toBe('<p dir="rtl" lang="ar">أبج\tد</p>');
  });
});

describe('a body nested past MAX_MARKUP_NESTING (stored behind the rules, e.g. by raw SQL)', () => {
  const levels = 75_000;
  const deep = `<p>${'<span>'.repeat(levels)}نص${'</span>'.repeat(levels)}</p>`;

  test('gives a feed no summary and language detection no text, instead of overflowing the stack', () => {
    expect(paragraphsOf(deep)).toEqual([]);
    expect(bodyText(deep)).toBe('');
  });

  test('is not sanitized: any caller but the rules (which refuse it first) gets a RangeError at once', () => {
    expect(() => sanitizeBody(deep, ARABIC)).toThrow(/nests deeper than 100 levels/);
  });
});
