// The whole admin runs right to left when its interface language is written right to left.
//
// Reaches into:
// - the `lang` attribute the admin sets on <html> when the interface language changes (Strapi's
//   App and its language reducer, @strapi/admin dist/admin/admin/src/{App,reducer}.mjs). We set
//   `dir` beside it, in the same task, so switching language switches direction before the next
//   paint, with no reload.
// - the SVG paths of @strapi/icons' arrows and chevrons: nothing else tells a "back" arrow from
//   any other icon in the rendered page. tests/unit/admin-direction.test.ts fails when an upgrade
//   of @strapi/icons changes them.
// - window.fetch, which the admin's fetch client calls: each request to the admin's own API says
//   the interface language, so a refusal from the newsroom's rules comes back in it alone.
// What breaks if Strapi changes these: the admin stays left to right (tests/e2e/admin-ar.test.ts
// checks `dir`, the menu's side and the back arrow), or refusals come back in both languages.
import { directionOfLocale, INTERFACE_LANGUAGE_HEADER, sendsInterfaceLanguage } from '#core/interface-language';

// The first 40 characters of each directional icon's path in @strapi/icons 2.x.
export const DIRECTIONAL_ICON_PATHS: Record<string, string> = {
  ArrowLeft: 'M28.5 16a1.5 1.5 0 0 1-1.5 1.5H8.625l6.4',
  ArrowRight: 'm28.061 17.061-9 9a1.503 1.503 0 1 1-2.1',
  ArrowLineLeft: 'M14.75 8a.75.75 0 0 1-.75.75H6.813l3.22 ',
  ArrowLineRight: 'M11.53 7.47a.75.75 0 0 1 0 1.062l-4.5 4.',
  ChevronLeft: 'M21.061 24.939a1.503 1.503 0 0 1-2.125 2',
  ChevronRight: 'm23.061 17.061-10 10a1.503 1.503 0 0 1-2',
  SignOut: 'M14.5 27a1.5 1.5 0 0 1-1.5 1.5H6A2.5 2.5',
};

const flipped = Object.values(DIRECTIONAL_ICON_PATHS)
  .map((path) => `html[dir='rtl'] svg:has(> path[d^='${path}'])`)
  .join(',\n');

// What `dir="rtl"` does not mirror by itself: icons that point a direction, values that are always
// written left to right (dates, numbers, e-mail addresses, links, codes) in an Arabic page, and the
// hidden "skip to content" link, parked off the left edge, which a right-to-left page would let
// the reader scroll to (the whole page then scrolls sideways while a modal is open).
export const MIRRORING_CSS = `
${flipped} { transform: scaleX(-1); }
html[dir='rtl'] input[type='email'], html[dir='rtl'] input[type='url'], html[dir='rtl'] input[type='number'],
html[dir='rtl'] input[type='password'], html[dir='rtl'] input[type='tel'] { direction: ltr; text-align: right; }
html[dir='rtl'] input[role='combobox'][name], html[dir='rtl'] input[type='text'] { unicode-bidi: plaintext; text-align: right; }
html[dir='rtl'] code, html[dir='rtl'] pre, html[dir='rtl'] kbd { direction: ltr; unicode-bidi: isolate; }
html[dir='rtl'] a[href='#main-content']:not(:focus) { left: auto; right: -100vw; }
`;

/** Keep <html dir> in step with <html lang>, now and on every change of interface language. */
export function followInterfaceLanguage(win: Window = window): void {
  const root = win.document.documentElement;
  if (root.hasAttribute('data-newsroom-direction')) return;
  root.setAttribute('data-newsroom-direction', '');
  const apply = () => {
    const dir = directionOfLocale(root.lang || 'en');
    if (root.dir !== dir) root.dir = dir;
  };
  apply();
  new MutationObserver(apply).observe(root, { attributes: true, attributeFilter: ['lang'] });

  const style = win.document.createElement('style');
  style.id = 'newsroom-mirroring';
  style.textContent = MIRRORING_CSS;
  win.document.head.appendChild(style);

  const send = win.fetch.bind(win);
  win.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
    if (!sendsInterfaceLanguage(url, win.location.href)) return send(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(INTERFACE_LANGUAGE_HEADER, root.lang || 'en');
    return send(input, { ...init, headers });
  };
}
