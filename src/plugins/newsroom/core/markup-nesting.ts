// How deep markup nests, found in one pass over the text before any parser builds a tree: the
// sanitizer's parser closes tags by searching its stack and our tree walks recurse, so a body of
// tens of thousands of nested elements blocked the server for half a minute or overflowed the stack.

/** Deeper than any article: the admin's editor and the importer nest a handful of levels. */
export const MAX_MARKUP_NESTING = 100;

// Elements that never hold content (htmlparser2's list: the sanitizer's parser reads them so).
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

// An opening tag that closes the open element on top of the stack, as htmlparser2 does: a run
// of unclosed paragraphs or list items is a list of siblings, not a nesting.
const P_CLOSERS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details']
  .concat(['div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav'])
  .concat(['ol', 'pre', 'section', 'table', 'ul']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ...P_CLOSERS.map((name): [string, Set<string>] => [name, new Set(['p'])]),
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['tr', new Set(['tr', 'th', 'td'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
]);

const NAME_END = /[\s/>]/;

function tagName(html: string, from: number): { name: string; end: number } {
  let end = from;
  while (end < html.length && !NAME_END.test(html[end])) end += 1;
  return { name: html.slice(from, end).toLowerCase(), end };
}

// Past the `>` that ends a tag, skipping quoted attribute values (`title="a>b"`).
function afterTag(html: string, from: number): number {
  let index = from;
  while (index < html.length) {
    const char = html[index];
    if (char === '>') return index + 1;
    if (char === '"' || char === "'") {
      const close = html.indexOf(char, index + 1);
      if (close === -1) return html.length;
      index = close + 1;
    } else index += 1;
  }
  return html.length;
}

/**
 * The deepest nesting of elements in `html`, counted as the sanitizer's parser (htmlparser2)
 * counts it: an end tag closes up to the latest open element of its name and is ignored when
 * none is open, and a paragraph, list item or cell closes the one left open before it. Linear: it stops as soon as the depth passes `limit`, returning `limit + 1`.
 * Comments are skipped; text in `<script>` or `<style>` is counted as markup, which only errs
 * towards refusing.
 */
export function markupNesting(html: string, limit = MAX_MARKUP_NESTING): number {
  const open: string[] = [];
  const openByName = new Map<string, number>();
  let deepest = 0;
  let index = html.indexOf('<');
  while (index !== -1 && index < html.length) {
    const next = html[index + 1] ?? '';
    if (html.startsWith('<!--', index)) {
      const close = html.indexOf('-->', index + 4);
      index = close === -1 ? html.length : close + 3;
    } else if (next === '!' || next === '?') {
      index = afterTag(html, index + 2);
    } else if (next === '/' && /[a-zA-Z]/.test(html[index + 2] ?? '')) {
      const { name, end } = tagName(html, index + 2);
      if ((openByName.get(name) ?? 0) > 0) {
        // Bounded by `limit`: the stack never grows past it.
        for (;;) {
          const closed = open.pop() as string;
          openByName.set(closed, (openByName.get(closed) ?? 1) - 1);
          if (closed === name) break;
        }
      }
      index = afterTag(html, end);
    } else if (/[a-zA-Z]/.test(next)) {
      const { name, end } = tagName(html, index + 1);
      const closes = IMPLIES_CLOSE.get(name);
      while (closes && open.length > 0 && closes.has(open[open.length - 1])) {
        const closed = open.pop() as string;
        openByName.set(closed, (openByName.get(closed) ?? 1) - 1);
      }
      if (!VOID_ELEMENTS.has(name)) {
        open.push(name);
        openByName.set(name, (openByName.get(name) ?? 0) + 1);
        if (open.length > deepest) deepest = open.length;
        if (deepest > limit) return limit + 1;
      }
      index = afterTag(html, end);
    } else {
      index += 1;
    }
    index = html.indexOf('<', index);
  }
  return deepest;
}

/** Whether `html` nests no deeper than the newsroom's limit. */
export const nestsWithinLimit = (html: string, limit = MAX_MARKUP_NESTING) => markupNesting(html, limit) <= limit;
