// What of each newsroom document is searched: its heading words (weighted higher) and its text,
// and what an answer shows. Pure: the index and the answers read the same fields.
import { searchableText } from './plain-text';
import { indexTerms, type SearchOptions } from './query';

export type SearchKind = 'article' | 'quote' | 'source';

/** The fields of a stored row the search reads (a row of any of the three types). */
export interface SearchableRow {
  title?: string | null;
  dateline?: string | null;
  city?: string | null;
  body?: string | null;
  ednote?: string | null;
  text?: string | null;
  speaker?: string | null;
  speakerRole?: string | null;
  context?: string | null;
  name?: string | null;
  nameLatin?: string | null;
}

/** The row's columns the search reads, per kind. */
export const SEARCHED_FIELDS: Record<SearchKind, Array<keyof SearchableRow>> = {
  article: ['title', 'dateline', 'city', 'body', 'ednote'],
  quote: ['speaker', 'speakerRole', 'text', 'context'],
  source: ['name', 'nameLatin'],
};

const present = (values: Array<string | null | undefined>): string[] =>
  values.filter((value): value is string => typeof value === 'string' && value.trim() !== '');

/** A row's searched texts as written: heading first, then the rest. `aliases`: a Source's other names. */
export function searchTexts(kind: SearchKind, row: SearchableRow, aliases: string[] = []) {
  if (kind === 'article') {
    return {
      heading: present([row.title]),
      text: present([row.body ? searchableText(row.body) : '', row.dateline, row.city, row.ednote]),
    };
  }
  if (kind === 'quote')
    return { heading: present([row.speaker, row.speakerRole]), text: present([row.text, row.context]) };
  return { heading: present([row.name, row.nameLatin, ...aliases]), text: [] };
}

/** What the index stores for a row: heading and text terms, and all its terms for the admin's box (searchBoxFilter). */
export function searchEntry(kind: SearchKind, row: SearchableRow, aliases: string[] = [], options: SearchOptions = {}) {
  const { heading, text } = searchTexts(kind, row, aliases);
  const titleTerms = indexTerms(heading.join(' '), options);
  const bodyTerms = indexTerms(text.join(' '), options);
  return { titleTerms, bodyTerms, searchText: ` ${[titleTerms, bodyTerms].filter(Boolean).join(' ')} ` };
}

/** The texts a snippet is taken from, best first: the text of an article or quote, then its heading. */
export function snippetTexts(kind: SearchKind, row: SearchableRow, aliases: string[] = []): string[] {
  const { heading, text } = searchTexts(kind, row, aliases);
  return kind === 'source' ? heading : [...text.slice(0, 1), ...heading, ...text.slice(1)];
}
