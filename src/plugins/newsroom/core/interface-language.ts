// The admin's interface language, shared by the admin panel (which sends it) and the server
// (which words an editor's refusals in it).
import type { Direction } from './rtl';

/** The request header the newsroom's admin sends with the interface language (a locale). */
export const INTERFACE_LANGUAGE_HEADER = 'x-newsroom-interface-language';

// Interface languages written right to left: Arabic, Urdu, Persian, Pashto, Sorani, Hebrew…
const RIGHT_TO_LEFT_LOCALE = /^(ar|ur|fa|ps|ckb|sd|ug|dv|he|yi)(-|_|$)/i;

/** The direction of an interface locale ('ar', 'ur', 'en-GB', 'zh-Hans'…). */
export function directionOfLocale(locale: string): Direction {
  return RIGHT_TO_LEFT_LOCALE.test(locale.trim()) ? 'rtl' : 'ltr';
}

/**
 * The language a refusal is worded in for an interface locale: the rules speak English and Arabic,
 * and Arabic is the one an editor of a right-to-left interface reads.
 */
export function messageLanguageOf(locale: string): 'en' | 'ar' {
  return directionOfLocale(locale) === 'rtl' && !/^(he|yi)/i.test(locale.trim()) ? 'ar' : 'en';
}

/**
 * Whether a request from the admin page to `url` should carry the interface language: requests to
 * the admin's own origin, outside the public content API (a header there would split its caches;
 * another origin would need a CORS preflight it may not allow).
 */
export function sendsInterfaceLanguage(url: string, pageUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url, pageUrl);
  } catch {
    return false;
  }
  return target.origin === new URL(pageUrl).origin && !/^\/api(\/|$)/.test(target.pathname);
}
