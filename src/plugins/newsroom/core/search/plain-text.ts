// The words of a stored body as search reads them: block ends and line breaks part words (the
// stored HTML has no space between `</p><p>`), inline tags do not, entities are decoded. Cheap
// (no parse): its output is only matched, and escaped wherever it is shown.
const BREAKS_WORDS =
  /^(?:p|h[1-6]|ul|ol|li|blockquote|br|div|tr|td|th|table|section|article|header|footer|figure|figcaption|pre|hr|dd|dt|dl)$/i;
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>|<!--[\s\S]*?-->/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
  });
}

/** Plain text of body HTML for the index and snippets. */
export function searchableText(html: string): string {
  return decodeEntities(
    html.replace(TAG, (tag, name: string | undefined) => (name && BREAKS_WORDS.test(name) ? ' ' : '')),
  )
    .replace(/\s+/g, ' ')
    .trim();
}
