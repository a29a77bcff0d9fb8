// What a browser would execute or load from an HTML fragment: forbidden elements, on* and style
// attributes, and URLs whose scheme is not http, https or mailto. Parsed with parse5, the
// WHATWG-conformant parser, so mutation and parser-differential tricks are seen as a browser sees them.
import { parseFragment } from 'parse5';

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'form',
  'base',
  'meta',
  'link',
  'frame',
  'frameset',
  'applet',
  'template',
  'xmp',
  'noscript',
  'input',
  'button',
  'textarea',
  'select',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'background',
  'data',
  'xlink:href',
  'srcdoc',
  'poster',
  'lowsrc',
  'dynsrc',
]);
const INVISIBLE = /[\u0000-\u0020\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/g;

export function isUnsafeUrl(value: string): boolean {
  const decoded = value.replace(INVISIBLE, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(decoded);
  if (!scheme) return decoded.startsWith('//') || decoded.startsWith('\\\\') || decoded.startsWith('/\\');
  return !['http', 'https', 'mailto'].includes(scheme[1]);
}

interface ParsedNode {
  nodeName: string;
  attrs?: Array<{ name: string; value: string; prefix?: string }>;
  childNodes?: ParsedNode[];
  content?: ParsedNode;
}

export function executableParts(html: string): string[] {
  const found: string[] = [];
  const visit = (node: ParsedNode) => {
    if (FORBIDDEN_ELEMENTS.has(node.nodeName)) found.push(`<${node.nodeName}>`);
    for (const { name, value, prefix } of node.attrs ?? []) {
      const attribute = prefix ? `${prefix}:${name}` : name;
      if (attribute.startsWith('on')) found.push(`${node.nodeName}[${attribute}]`);
      if (attribute === 'style') found.push(`${node.nodeName}[style]`);
      if (URL_ATTRIBUTES.has(attribute) && isUnsafeUrl(value)) found.push(`${node.nodeName}[${attribute}=${value}]`);
    }
    node.childNodes?.forEach(visit);
    if (node.content) visit(node.content);
  };
  visit(parseFragment(html) as unknown as ParsedNode);
  return found;
}
