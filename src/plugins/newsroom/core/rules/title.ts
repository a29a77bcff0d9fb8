// A published Article has a title.
import { refuse } from './violation';

/** Refuse a published Article without a title: Strapi's `required` lets an empty string through. */
export function assertTitled(title: unknown): void {
  if (typeof title === 'string' && title.trim() !== '') return;
  refuse('title', 'title-required', 'a published article needs a title.', 'يجب أن يكون للمقال المنشور عنوان.');
}
