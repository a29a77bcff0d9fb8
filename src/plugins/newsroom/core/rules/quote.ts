// Quote writes: a speaker is required even on a draft; names without markup; text cleaned; lang/dir derived.
import { stripBidiControls } from '../bidi';
import { stripControlCharacters } from '../sanitize';
import type { WriteContext } from './config';
import { cleanLine, cleanName, effective, has, type Data } from './fields';
import { applyLanguage } from './language';
import { refuse } from './violation';

/** Clean one Quote write: the speaker is required even on a draft. */
export function prepareQuote(input: Data, { existing }: WriteContext): Data {
  const data: Data = { ...input };
  for (const field of ['speaker', 'speakerRole']) cleanName(data, field);
  cleanLine(data, 'context');
  if (has(data, 'text') && data.text !== null) {
    if (typeof data.text !== 'string') refuse('text', 'not-text', 'must be text.', 'يجب أن يكون نصًا.');
    data.text = stripControlCharacters(stripBidiControls(data.text as string)).trim();
  }
  if (has(data, 'speaker') || !existing) {
    if (effective(data, existing, 'speaker') === '') {
      refuse('speaker', 'speaker-required', 'a quotation needs the name of who said it.', 'يجب ذكر قائل الاقتباس.');
    }
  }
  const text = `${effective(data, existing, 'text')}\n${effective(data, existing, 'speaker')}`;
  applyLanguage(data, existing, text, has(data, 'text') || has(data, 'speaker'));
  return data;
}
