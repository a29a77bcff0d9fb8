// Clean body HTML: an explicit allowlist, safe link schemes, direction on every block and
// Latin runs isolated inside right-to-left text.
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import sanitizeHtml from 'sanitize-html';
import { balanceBidiControls } from './bidi';
import { MAX_MARKUP_NESTING, nestsWithinLimit } from './markup-nesting';
import { detectLanguage, type Direction } from './rtl';

const BLOCK_TAGS = ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote'];
const INLINE_TAGS = [
  'a',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'br',
  'bdi',
  'bdo',
  'span',
  'li',
  'cite',
  'q',
  'code',
];
const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];
// Everything a browser skips or folds inside a URL before it reads the scheme.
const URL_INVISIBLES =
  /[\u0000-\u0020\u007F-\u00A0\u00AD\u034F\u061C\u115F\u1160\u1680\u17B4\u17B5\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFF]/g;

export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCK_TAGS, ...INLINE_TAGS],
  allowedAttributes: {
    '*': ['dir', 'lang'],
    a: ['href', 'title', 'hreflang', 'rel'],
    blockquote: ['cite'],
    q: ['cite'],
  },
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'xmp',
    'template',
    'iframe',
    'noembed',
    'noframes',
    'title',
    'svg',
    'math',
    'object',
    'embed',
    'select',
    'plaintext',
  ],
  parseStyleAttributes: false,
  enforceHtmlBoundary: false,
  transformTags: {
    a: dropUnsafeUrls,
    blockquote: dropUnsafeUrls,
    q: dropUnsafeUrls,
    b: 'strong',
    i: 'em',
    h1: 'h2',
  },
};

// sanitize-html's own scheme check misses schemes behind non-ASCII spaces; ours removes them first.
function dropUnsafeUrls(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept = Object.fromEntries(
    Object.entries(attribs).filter(([name, value]) => !['href', 'cite'].includes(name) || isSafeUrl(value)),
  );
  return { tagName, attribs: kept };
}

// C0 controls other than tab and newlines, DEL, C1 controls (U+0080–U+009F; U+009B is a terminal's
// 8-bit CSI; Windows-1256 bytes 0x80–0x9F decode to letters, never to these), and Unicode
// noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane): XML feeds cannot
// carry them and no reader needs them.
const CONTROL_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

// A tag, an end tag, a comment or a declaration, closed or running to the end of the text.
const MARKUP = /<(?:!--[\s\S]*?(?:-->|$)|[/!?]?[A-Za-z][^>]*(?:>|$))/g;

/**
 * Plain text of a one-line name: tags and comments go, and so does any angle bracket left over
 * (`<<svg>svg …>` would otherwise make a new tag once the inner one is gone). Names of outlets and
 * people hold no markup; a title keeps its text and is escaped wherever it is shown.
 */
export function stripMarkup(text: string): string {
  return text.replace(MARKUP, '').replace(/[<>]/g, '');
}

/** A URL is safe when, with every invisible character removed, its scheme is allowed or absent. */
export function isSafeUrl(url: string): boolean {
  const decoded = decodeCharacterReferences(url).replace(URL_INVISIBLES, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(decoded);
  // "//host" and "\\host" leave the site as a browser resolves them.
  if (!scheme) return !/^[/\\]{2}/.test(decoded) && !/^[^/?#]*:/.test(decoded);
  return ALLOWED_SCHEMES.includes(scheme[1]);
}

function decodeCharacterReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => safeFromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => safeFromCodePoint(parseInt(dec, 10)))
    .replace(
      /&(tab|newline|colon|nbsp);?/gi,
      (_, name: string) => ({ tab: '\t', newline: '\n', colon: ':', nbsp: ' ' })[name.toLowerCase() as 'tab'] ?? '',
    );
}

function safeFromCodePoint(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

const VOID_TAGS = new Set(['br']);
type ChildNode = DefaultTreeAdapterMap['childNode'];
type TextNode = DefaultTreeAdapterMap['textNode'];
// A run starts with a Latin letter and may go on through digits, spaces and light punctuation.
const LATIN_RUN = /\p{Script=Latin}(?:[\p{Script=Latin}\d\s.,'’&:;/+-]*[\p{Script=Latin}\d])?/gu;

interface Element {
  tag: string;
  attribs: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

// sanitize-html's output read back as a browser reads HTML (parse5, the WHATWG parser): text and
// attribute values come out decoded, and are escaped again on output by serialize().
function parseSanitized(html: string): Node[] {
  return fromTree(parseFragment(html).childNodes);
}

function fromTree(children: ChildNode[]): Node[] {
  return children.flatMap((child): Node[] => {
    // Character references (`&#x81;`) decode here: controls are stripped again from what they made.
    if (child.nodeName === '#text') return [stripControlCharacters((child as TextNode).value)];
    if (!('tagName' in child)) return []; // comments and doctypes carry nothing to keep
    const attribs = Object.fromEntries(child.attrs.map(({ name, value }) => [name, stripControlCharacters(value)]));
    return [{ tag: child.tagName, attribs, children: fromTree(child.childNodes) }];
  });
}

function serialize(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return escapeText(node);
      const attributes = Object.entries(node.attribs)
        .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
        .join('');
      if (VOID_TAGS.has(node.tag)) return `<${node.tag}${attributes} />`;
      return `<${node.tag}${attributes}>${serialize(node.children)}</${node.tag}>`;
    })
    .join('');
}

function textOf(nodes: Node[]): string {
  return nodes.map((node) => (typeof node === 'string' ? node : textOf(node.children))).join('');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Attribute values are kept decoded in the tree and escaped here, whatever their origin.
function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

// Wrap Latin runs in <bdi> inside right-to-left text, so `NBC` keeps its place in an Arabic line.
function isolateLatinRuns(nodes: Node[], dir: Direction): Node[] {
  return nodes.flatMap((node): Node[] => {
    if (typeof node === 'string') {
      const text = balanceBidiControls(node);
      if (dir !== 'rtl') return [text];
      const pieces: Node[] = [];
      let last = 0;
      for (const match of text.matchAll(LATIN_RUN)) {
        const start = match.index ?? 0;
        if (start > last) pieces.push(text.slice(last, start));
        pieces.push({ tag: 'bdi', attribs: { dir: 'ltr' }, children: [match[0]] });
        last = start + match[0].length;
      }
      if (last < text.length) pieces.push(text.slice(last));
      return pieces;
    }
    if (node.tag === 'bdi' || node.tag === 'bdo' || node.tag === 'code') {
      return [{ ...node, children: isolateLatinRuns(node.children, 'ltr') }];
    }
    const own = node.attribs.dir === 'ltr' || node.attribs.dir === 'rtl' ? node.attribs.dir : dir;
    return [{ ...node, children: isolateLatinRuns(node.children, own as Direction) }];
  });
}

export interface BodyLanguage {
  lang: string;
  dir: Direction;
}

/**
 * Sanitize body HTML and mark its direction: every top-level block carries `dir` and `lang`
 * (its own text's, else the article's), and text outside any block is wrapped in a paragraph.
 */
export function sanitizeBody(html: string, fallback: BodyLanguage): string {
  // The rules refuse such a body first (rules/body.ts); this guards any other caller.
  if (!nestsWithinLimit(html)) throw new RangeError(`body markup nests deeper than ${MAX_MARKUP_NESTING} levels`);
  const clean = sanitizeHtml(stripControlCharacters(html), SANITIZE_OPTIONS);
  const blocks: Node[] = [];
  let loose: Node[] = [];
  const flushLoose = () => {
    if (textOf(loose).trim() !== '') blocks.push({ tag: 'p', attribs: {}, children: loose });
    loose = [];
  };
  for (const node of parseSanitized(clean)) {
    if (typeof node !== 'string' && BLOCK_TAGS.includes(node.tag)) {
      flushLoose();
      blocks.push(node);
    } else if (!(typeof node !== 'string' && node.tag === 'br')) {
      loose.push(node);
    }
  }
  flushLoose();
  const marked = blocks.map((node) => {
    const block = node as Element;
    const detected = detectLanguage(textOf(block.children));
    const dir = (
      ['rtl', 'ltr'].includes(block.attribs.dir) ? block.attribs.dir : (detected?.dir ?? fallback.dir)
    ) as Direction;
    const lang = block.attribs.lang || (detected && detected.dir === dir ? detected.lang : fallback.lang);
    const attribs = { ...block.attribs, dir, lang };
    return { ...block, attribs, children: isolateLatinRuns(block.children, dir) };
  });
  return serialize(marked);
}

/** Plain text of body HTML, for language detection and summaries. */
export function bodyText(html: string): string {
  // A body stored behind the rules' back too deep to walk has no text to detect a language from.
  if (!nestsWithinLimit(html)) return '';
  return textOf(parseSanitized(sanitizeHtml(html, { ...SANITIZE_OPTIONS, allowedTags: BLOCK_TAGS }))).trim();
}

/** The paragraphs of a stored body (sanitizeBody's output) as plain text. */
export function paragraphsOf(html: string): string[] {
  // A feed's summary: none rather than a stalled feed for a body stored behind the rules' back.
  if (!nestsWithinLimit(html)) return [];
  return parseSanitized(html)
    .filter((node): node is Element => typeof node !== 'string' && BLOCK_TAGS.includes(node.tag))
    .map((block) => textOf(block.children).trim())
    .filter((text) => text !== '');
}
