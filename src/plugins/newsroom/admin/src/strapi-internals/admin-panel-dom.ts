// Arabic text inputs run right-to-left and Latin ones left-to-right in every edit view; the
// admin renders inputs with the attribute name as their `name`. In the list views each cell's text
// takes its direction from its own first letters (the inner elements too: that is where the admin
// truncates), so a long Arabic title keeps its beginning and loses its end to the ellipsis.
//
// Reaches into: the admin panel's DOM (its <main>, inputs named after attributes, list <table>
// cells), which Strapi does not document. No public API sets a built-in field's direction: the
// admin's public route would be a custom field (with its own Input) for every text attribute,
// a schema change. What breaks if an upgrade renames or restructures these elements: the styles
// silently stop matching and fields fall back to left-to-right. tests/e2e/admin.test.ts guards it
// ("1." checks a truncated Arabic list title keeps its first letter in view, "2." that
// input[name="title"] computes `direction: rtl`); no unit test can: only the built admin has this DOM.
const RTL_FIELDS = ['title', 'text', 'speaker', 'speakerRole', 'context', 'name', 'dateline'];
const LTR_FIELDS = ['nameLatin', 'url', 'slug', 'lang', 'dispatchDate'];

const selectors = (names: string[]) =>
  names.flatMap((name) => [`main input[name="${name}"]`, `main textarea[name="${name}"]`]).join(',\n');

export const DIRECTION_CSS = `
${selectors(RTL_FIELDS)} { direction: rtl; text-align: right; unicode-bidi: plaintext; }
${selectors(LTR_FIELDS)} { direction: ltr; text-align: left; }
main h1, main table td, main table td * { unicode-bidi: plaintext; }
`;

export function injectDirectionStyles(doc: Document = document): void {
  if (doc.getElementById('newsroom-direction')) return;
  const style = doc.createElement('style');
  style.id = 'newsroom-direction';
  style.textContent = DIRECTION_CSS;
  doc.head.appendChild(style);
}
