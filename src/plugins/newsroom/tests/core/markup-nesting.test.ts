import { MAX_MARKUP_NESTING, markupNesting } from '#core/markup-nesting';

const nested = (levels: number, open = '<span>', close = '</span>') =>
  `${open.repeat(levels)}نص${close.repeat(levels)}`;

describe('markupNesting', () => {
  test('counts the depth of ordinary article markup', () => {
    expect(markupNesting('<p>نص <strong>قوي <em>مائل</em></strong></p><ul><li>بند</li></ul>')).toBe(3);
    expect(markupNesting('نص بلا وسوم')).toBe(0);
    expect(markupNesting('<p>a<br>b<img src="x"><hr></p>')).toBe(1);
  });

  test('unclosed paragraphs, list items and cells are siblings, not a nesting', () => {
    expect(markupNesting('<p>فقرة'.repeat(500))).toBe(1);
    expect(markupNesting(`<ul>${'<li>بند'.repeat(500)}</ul>`)).toBe(2);
    expect(markupNesting(`<table>${'<tr><td>a<td>b'.repeat(300)}</table>`)).toBe(3);
  });

  test('an end tag closes up to its own element, and one with nothing open is ignored', () => {
    expect(markupNesting('<span><div></span><span><div></span>')).toBe(2);
    // `</x>` closes nothing: the spans stay open and nest.
    expect(markupNesting('<span></x>'.repeat(150))).toBe(MAX_MARKUP_NESTING + 1);
  });

  test('comments, quoted attribute values and stray angle brackets are not tags', () => {
    expect(markupNesting(`<!--${'<span>'.repeat(500)}-->`)).toBe(0);
    expect(markupNesting(`<a title="${'<span>'.repeat(500)}">x</a>`)).toBe(1);
    expect(markupNesting('< 3 < 4 <> <1>')).toBe(0);
  });

  test('stops at the limit: the depth of a 960 KB nesting is reported as just over it', () => {
    const body = nested(75_000);
    expect(body.length).toBeGreaterThan(960_000);
    expect(markupNesting(body)).toBe(MAX_MARKUP_NESTING + 1);
    expect(markupNesting(nested(MAX_MARKUP_NESTING))).toBe(MAX_MARKUP_NESTING);
    expect(markupNesting(nested(MAX_MARKUP_NESTING + 1))).toBe(MAX_MARKUP_NESTING + 1);
  });
});
