// The slug: ASCII, made from the title (or Latin name), and stable once published.
import { isValidSlug, makeSlug } from '../slug';
import { has, type Data } from './fields';
import { refuse } from './violation';

/** Set `data.slug` from the write, the stored document or `from`; refuse a change once published. */
export function applySlug(data: Data, existing: Data | undefined, from: string, published: boolean): void {
  if (has(data, 'slug') && data.slug !== null && data.slug !== '') {
    if (typeof data.slug !== 'string') refuse('slug', 'not-text', 'must be text.', 'يجب أن يكون نصًا.');
    const slug = isValidSlug(data.slug as string) ? (data.slug as string) : makeSlug(data.slug as string);
    if (slug === '')
      refuse('slug', 'empty-slug', 'has no letters or digits to make a slug from.', 'لا يحتوي على حروف أو أرقام.');
    data.slug = slug;
  } else if (existing?.slug) {
    data.slug = existing.slug;
  } else {
    data.slug = makeSlug(from) || undefined;
  }
  if (published && existing?.slug && data.slug !== existing.slug) {
    refuse(
      'slug',
      'slug-stable-once-published',
      `cannot change once published (it is "${existing.slug}"); links and feeds depend on it.`,
      `لا يمكن تغيير المعرّف بعد النشر (وهو "${existing.slug}").`,
    );
  }
}
