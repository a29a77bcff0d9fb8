// An Article's lead picture: caption, credit and alt are one-line text without markup or bidi
// controls; their language and direction are derived from them as for every other text; and a
// published story's picture has a text alternative.
import { resolveLanguage } from '../rtl';
import { cleanName, type Data } from './fields';
import { refuse } from './violation';

export const PICTURE_TEXTS = ['caption', 'credit', 'alt'] as const;

/** Clean the picture of one Article write (`data.picture`), when the write sets it. */
export function applyPicture(data: Data): void {
  if (!Object.prototype.hasOwnProperty.call(data, 'picture') || data.picture === null || data.picture === undefined)
    return;
  if (typeof data.picture !== 'object' || Array.isArray(data.picture)) {
    refuse(
      'picture',
      'not-a-picture',
      'must be one picture: { image, caption, credit, alt }.',
      'يجب أن تكون صورة واحدة.',
    );
  }
  const picture: Data = { ...(data.picture as Data) };
  for (const field of PICTURE_TEXTS) {
    cleanName(picture, field);
    if (picture[field] === '') picture[field] = null;
  }
  // The caption and alt say what the picture shows, in the story's language (the credit is a name).
  const text = [picture.caption, picture.alt].filter((part) => typeof part === 'string').join('\n');
  delete picture.lang;
  delete picture.dir;
  const resolved = resolveLanguage(text, {});
  if (resolved.value && text !== '') {
    picture.lang = resolved.value.lang;
    picture.dir = resolved.value.dir;
  }
  data.picture = picture;
}

/** A published picture with an image has its text alternative (WCAG 1.1.1). */
export function assertPictureDescribed(picture: { image?: unknown; alt?: unknown } | null | undefined): void {
  if (!picture || !picture.image) return;
  if (typeof picture.alt === 'string' && picture.alt.trim() !== '') return;
  refuse(
    'picture.alt',
    'picture-needs-alt',
    "a published story's picture needs its text alternative (alt): describe what it shows for readers who cannot see it.",
    'تحتاج صورة الخبر المنشور إلى نص بديل (alt): صف ما تُظهره الصورة للقراء الذين لا يستطيعون رؤيتها.',
  );
}
