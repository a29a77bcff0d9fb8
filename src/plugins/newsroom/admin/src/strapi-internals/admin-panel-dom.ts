// Arabic text inputs run right-to-left and Latin ones left-to-right in the newsroom's edit views; the
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

export function injectDirectionStyles(win: Window = window): void {
  const doc = win.document;
  if (doc.getElementById('newsroom-direction')) return;
  const style = doc.createElement('style');
  style.id = 'newsroom-direction';
  style.textContent = DIRECTION_CSS;
  doc.head.appendChild(style);
  followNewsroomPages(win);
}
