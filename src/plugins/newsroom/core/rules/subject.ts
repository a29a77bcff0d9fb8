// Subject writes: names without markup, an absolute http(s) code (the IPTC URI), slug from the Latin name.
import type { WriteContext } from './config';
import { cleanLine, cleanName, effective, has, type Data } from './fields';
import { applyLanguage } from './language';
import { applySlug } from './slug';
import { refuse } from './violation';

/** Clean one Subject write: the code, when given, is the topic's URI (ninjs `subject.uri`). */
export function prepareSubject(input: Data, { existing }: WriteContext): Data {
  const data: Data = { ...input };
  for (const field of ['name', 'nameLatin']) cleanName(data, field);
  cleanLine(data, 'code');
  if (has(data, 'code') && data.code === '') data.code = null;
  if (has(data, 'code') && data.code && !/^https?:\/\/[^\s<>"]+$/i.test(data.code as string)) {
    refuse(
      'code',
      'invalid-subject-code',
      'must be the topic\'s URI, such as "http://cv.iptc.org/newscodes/mediatopic/04000000".',
      'يجب أن يكون رمز الموضوع عنوان URI مثل "http://cv.iptc.org/newscodes/mediatopic/04000000".',
    );
  }
  const name = effective(data, existing, 'name');
  applyLanguage(data, existing, name, has(data, 'name'));
  applySlug(data, existing, effective(data, existing, 'nameLatin') || name, false);
  return data;
}
