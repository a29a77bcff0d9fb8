// Arabic text inputs run right-to-left and Latin ones left-to-right in the newsroom's edit views; the
// admin renders inputs with the attribute name as their `name`. In the list views each cell's text
// takes its direction from its own first letters (the inner elements too: that is where the admin
// truncates), so a long Arabic title keeps its beginning and loses its end to the ellipsis. A
// credit's role reads in the interface language in its collapsed row.
//
// Reaches into: the admin panel's DOM (its <main>, inputs named after attributes, list <table>
// cells, the repeatable component's accordion titles), which Strapi does not document. No public API sets a built-in field's direction: the
// admin's public route would be a custom field (with its own Input) for every text attribute,
// a schema change. What breaks if an upgrade renames or restructures these elements: the styles
// silently stop matching and fields fall back to left-to-right. tests/e2e/admin.test.ts guards it
// ("1." checks a truncated Arabic list title keeps its first letter in view, "2." that
// input[name="title"] computes `direction: rtl`); no unit test can: only the built admin has this DOM.
// A picture's caption, credit and alt are inputs of its component (`picture.caption`).
const RTL_FIELDS = [
  'title',
  'text',
  'speaker',
  'speakerRole',
  'context',
  'name',
  'dateline',
  'picture.caption',
  'picture.credit',
  'picture.alt',
];
const LTR_FIELDS = ['nameLatin', 'url', 'slug', 'lang', 'dispatchDate'];

// Only on the newsroom's own Content Manager pages: in a host app the same field names (a page's
// title, an API token's name) keep the admin's own direction.
const OURS = 'html[data-newsroom-view]';
const NEWSROOM_PAGE = /\/content-manager\/collection-types\/plugin::newsroom\./;

const selectors = (names: string[]) =>
  names.flatMap((name) => [`${OURS} main input[name="${name}"]`, `${OURS} main textarea[name="${name}"]`]).join(',\n');

export const DIRECTION_CSS = `
${selectors(RTL_FIELDS)} { direction: rtl; text-align: right; unicode-bidi: plaintext; }
${selectors(LTR_FIELDS)} { direction: ltr; text-align: left; }
${OURS} main h1, ${OURS} main table td, ${OURS} main table td * { unicode-bidi: plaintext; }
`;

/** Marks <html> while the admin shows a newsroom type (the admin's router changes the URL only). */
function followNewsroomPages(win: Window): void {
  const mark = () => {
    const ours = NEWSROOM_PAGE.test(decodeURIComponent(win.location.pathname));
    if (ours) win.document.documentElement.setAttribute('data-newsroom-view', '');
    else win.document.documentElement.removeAttribute('data-newsroom-view');
  };
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = win.history[method].bind(win.history);
    win.history[method] = (...args: Parameters<History['pushState']>) => {
      original(...args);
      mark();
    };
  }
  win.addEventListener('popstate', mark);
  mark();
}

// The enumerations whose values a collapsed repeatable component shows as its title (a credit's
// role): the Content Manager prints the raw value there, outside its own translations.
const ENUM_VALUES = new Set(['originator', 'distributor', 'contributor']);
const ACCORDION_TITLE = 'main h3 > button[aria-expanded] span';

/**
 * Show a credit's role in the interface language in the title of its collapsed row. Reaches into
 * the Content Manager's repeatable component (a Radix accordion whose trigger prints the main
 * field's raw value); tests/e2e/admin-ar.test.ts fails if the English value shows again.
 */
function labelEnumValues(win: Window, labelFor: (value: string) => string | undefined): void {
  const relabel = (root: ParentNode) => {
    if (!win.document.documentElement.hasAttribute('data-newsroom-view')) return;
    for (const span of Array.from(root.querySelectorAll<HTMLElement>(ACCORDION_TITLE))) {
      const text = span.firstChild;
      const value = text?.nodeValue ?? '';
      // React writes the raw value again whenever it changes; the observer then relabels it.
      if (span.childNodes.length !== 1 || text?.nodeType !== Node.TEXT_NODE || !ENUM_VALUES.has(value)) continue;
      const label = labelFor(value);
      if (label && label !== value) text.nodeValue = label;
    }
  };
  new MutationObserver(() => relabel(win.document)).observe(win.document.body, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}

/** The newsroom views' input directions, and their credit roles labelled by `labelFor`. */
export function injectDirectionStyles(
  win: Window = window,
  labelFor: (value: string) => string | undefined = () => undefined,
): void {
  const doc = win.document;
  if (doc.getElementById('newsroom-direction')) return;
  const style = doc.createElement('style');
  style.id = 'newsroom-direction';
  style.textContent = DIRECTION_CSS;
  doc.head.appendChild(style);
  followNewsroomPages(win);
  labelEnumValues(win, labelFor);
}
