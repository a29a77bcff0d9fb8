// Article writes: title and body cleaned, lang/dir derived, body sanitized, the slug set.
import { sanitizeBody } from '../sanitize';
import { applyBody } from './body';
import type { WriteContext } from './config';
import { cleanLine, cleanName, effective, has, type Data } from './fields';
import { applyLanguage } from './language';
import { applyPicture } from './picture';
import { applySlug } from './slug';

/** Clean one Article write. The dateline is never taken from the client. */
export function prepareArticle(input: Data, { existing, published, config }: WriteContext): Data {
  const data: Data = { ...input };
  delete data.dateline;
  cleanLine(data, 'title');
  // The dateline's city (دمشق): a name, one line, no markup; empty is none.
  cleanName(data, 'city');
  if (data.city === '') data.city = null;
  const text = applyBody(data, existing, config);
  const title = effective(data, existing, 'title');
  applyLanguage(data, existing, `${title}\n${text}`, has(data, 'title') || has(data, 'body'));
  if (has(data, 'body') && typeof data.body === 'string') {
    const lang = (data.lang ?? existing?.lang ?? 'ar') as string;
    const dir = (data.dir ?? existing?.dir ?? 'rtl') as 'rtl' | 'ltr';
    data.body = sanitizeBody(data.body, { lang, dir });
  }
  applyPicture(data);
  applySlug(data, existing, title, published);
  return data;
}
