// An upload's size: an empty file and one over the limit are refused, in English and Arabic, by name.
import { DEFAULT_MAX_UPLOAD_BYTES, uploadSizeRefusal } from '#core/uploads/file-signature';

test('an empty file is refused, whatever the limit', () => {
  const refusal = uploadSizeRefusal('lead.png', 0, DEFAULT_MAX_UPLOAD_BYTES);
  expect(refusal?.rule).toBe('upload-empty');
  expect(refusal?.message.en).toContain('"lead.png" is empty');
  expect(refusal?.message.ar).toContain('«lead.png» ملف فارغ');
});

test('a file over the limit is refused with both sizes; one at the limit is not', () => {
  const over = uploadSizeRefusal('huge.jpg', 50 * 1024 * 1024, DEFAULT_MAX_UPLOAD_BYTES);
  expect(over?.rule).toBe('upload-too-large');
  expect(over?.message.en).toMatch(/50 MB.*20 MB/);
  expect(over?.message.ar).toMatch(/50 MB.*20 MB/);
  expect(uploadSizeRefusal('ok.jpg', DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_UPLOAD_BYTES)).toBeUndefined();
  expect(uploadSizeRefusal('ok.jpg', 1, DEFAULT_MAX_UPLOAD_BYTES)).toBeUndefined();
});
