// The body: HTML no larger than the newsroom's limit and nested no deeper than MAX_MARKUP_NESTING,
// checked in one linear pass before the sanitizer parses it; returns its text for language detection.
import { MAX_MARKUP_NESTING, nestsWithinLimit } from '../markup-nesting';
import { bodyText } from '../sanitize';
import { effective, has, type Data } from './fields';
import type { NewsroomConfig } from './config';
import { refuse } from './violation';

export function applyBody(data: Data, existing: Data | undefined, config: NewsroomConfig): string {
  if (!has(data, 'body') || data.body === null) return bodyText(effective(data, existing, 'body'));
  if (typeof data.body !== 'string') refuse('body', 'not-text', 'must be an HTML string.', 'يجب أن يكون نص HTML.');
  const bytes = Buffer.byteLength(data.body as string, 'utf8');
  if (bytes > config.maxBodyBytes) {
    refuse(
      'body',
      'body-too-large',
      `is ${bytes} bytes, over the limit of ${config.maxBodyBytes}; split the article.`,
      `حجم النص ${bytes} بايت يتجاوز الحد المسموح (${config.maxBodyBytes})؛ قسّم المقال.`,
      413,
    );
  }
  if (!nestsWithinLimit(data.body as string)) {
    refuse(
      'body',
      'body-too-deep',
      `nests elements more than ${MAX_MARKUP_NESTING} levels deep; no article needs that, flatten the markup.`,
      `التداخل بين عناصر النص أعمق من ${MAX_MARKUP_NESTING} مستوى، ولا يحتاج مقال إلى ذلك؛ بسّط التنسيق.`,
    );
  }
  return bodyText(data.body as string);
}
