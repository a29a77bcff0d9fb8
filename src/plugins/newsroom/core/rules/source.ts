// Source writes: name in its own script and without markup, an http(s) home page, slug from the Latin name.
import type { WriteContext } from './config';
import { cleanLine, cleanName, effective, has, type Data } from './fields';
import { applyLanguage } from './language';
import { applySlug } from './slug';
import { refuse } from './violation';

/** Clean one Source write: name in its own script, slug from the Latin name when there is one. */
export function prepareSource(input: Data, { existing }: WriteContext): Data {
  const data: Data = { ...input };
  for (const field of ['name', 'nameLatin']) cleanName(data, field);
  cleanLine(data, 'url');
  if (has(data, 'url') && data.url) {
    if (!/^https?:\/\/[^\s]+$/i.test(data.url as string)) {
      refuse('url', 'invalid-url', 'must be an http or https address.', 'يجب أن يكون عنوان http أو https.');
    }
  }
  const name = effective(data, existing, 'name');
  applyLanguage(data, existing, name, has(data, 'name'));
  applySlug(data, existing, effective(data, existing, 'nameLatin') || name, false);
  return data;
}
