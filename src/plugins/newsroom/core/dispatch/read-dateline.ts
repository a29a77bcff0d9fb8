// The dateline at the head of the first paragraph: who sent the dispatch, from where, and when.
import { DispatchError } from './types';

// "(Publisher / Agency - 14 يونيو 2021ء)" at the head of the first paragraph.
const PAREN_DATELINE = /^\(\s*([^()]+?)\s*[-–—]\s*([^()]*?[\d\u0660-\u0669\u06F0-\u06F9][^()]*?)\s*\)\s*/u;
// "موسكو – سبوتنيك." and "القاهرة (سبوتنيك) -": a city of one to three words, then the agency.
const CITY_DASH_DATELINE = /^((?:[\p{L}]+\s){0,2}[\p{L}]+)\s+[-–—]\s+([^\s.،,:()\d][^.،,:()\d]{1,40}?)\.\s+/u;
const CITY_PAREN_DATELINE = /^((?:[\p{L}]+\s){0,2}[\p{L}]+)\s*\(\s*([^()\d]{2,60}?)\s*\)\s*[-–—]\s*/u;

export interface Dateline {
  /** How many characters of the first paragraph the dateline takes. */
  length: number;
  city?: string;
  agencies: string[];
  date?: string;
}

const splitAgencies = (names: string) =>
  names
    .split('/')
    .map((name) => name.trim())
    .filter(Boolean);

// Either `(Publisher / Agency - D Month YYYYء)` or `City – Agency.` / `City (Agency) -`.
export function readDateline(first: string): Dateline {
  const paren = PAREN_DATELINE.exec(first);
  if (paren) return { length: paren[0].length, agencies: splitAgencies(paren[1]), date: paren[2] };
  if (/^\([^)]*$/u.test(first.slice(0, 120)) || (first.startsWith('(') && !first.includes(')'))) {
    throw new DispatchError(
      'The dateline opens "(" but never closes it; write it as "(Publisher / Agency - 14 يونيو 2021ء)" ' +
        'at the head of the first paragraph. — سطر الإسناد يفتح قوسًا ولا يغلقه.',
    );
  }
  const city = CITY_PAREN_DATELINE.exec(first) ?? CITY_DASH_DATELINE.exec(first);
  if (city) return { length: city[0].length, city: city[1].trim(), agencies: splitAgencies(city[2]) };
  return { length: 0, agencies: [] };
}
