// Reading and cleaning the fields of one write: what it sets, what the stored document had.
import { stripBidiControls } from '../bidi';
import { stripControlCharacters, stripMarkup } from '../sanitize';
import { refuse } from './violation';

export type Data = Record<string, unknown>;

export const has = (data: Data, field: string) => Object.prototype.hasOwnProperty.call(data, field);

/** One-line text: bidi controls, control characters and runs of white space go. */
export function cleanLine(data: Data, field: string): void {
  if (!has(data, field) || data[field] === null || data[field] === undefined) return;
  if (typeof data[field] !== 'string') {
    refuse(field, 'not-text', `must be text, not ${typeof data[field]}.`, 'يجب أن يكون نصًا.');
  }
  data[field] = stripControlCharacters(stripBidiControls(data[field] as string))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value a field will have after the write: the write's, else the stored one. */
export function effective(data: Data, existing: Data | undefined, field: string): string {
  const value = has(data, field) ? data[field] : existing?.[field];
  return typeof value === 'string' ? value : '';
}

/** A name (of an outlet, of a person): one-line text without markup. */
export function cleanName(data: Data, field: string): void {
  cleanLine(data, field);
  if (typeof data[field] === 'string')
    data[field] = stripMarkup(data[field] as string)
      .replace(/\s+/g, ' ')
      .trim();
}
