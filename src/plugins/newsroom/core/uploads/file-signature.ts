// What an uploaded file is, read from its first bytes (its magic number), never from its name or
// the type its sender declared: a `.png` that is HTML is HTML. Only types with a signature can be
// recognised, so only they can be allowed; text formats (HTML, JavaScript, SVG, XML, CSS, JSON)
// have none and are never accepted, whatever they are called.

interface Signature {
  type: string;
  /** File name endings that type is served by (the first is the usual one). */
  extensions: string[];
  matches: (head: Uint8Array) => boolean;
}

/** How many leading bytes identify every type below. */
export const SIGNATURE_BYTES = 64;

const ascii = (head: Uint8Array, offset: number, text: string): boolean =>
  head.length >= offset + text.length && [...text].every((char, i) => head[offset + i] === char.charCodeAt(0));
const bytes = (head: Uint8Array, offset: number, expected: number[]): boolean =>
  head.length >= offset + expected.length && expected.every((byte, i) => head[offset + i] === byte);

// ISO base media files (AVIF, MP4) name their major brand at bytes 8–11 and compatible brands after.
function isoBrands(head: Uint8Array): string[] {
  if (!ascii(head, 4, 'ftyp')) return [];
  const boxSize = (head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3];
  const end = Math.min(head.length, boxSize > 16 ? boxSize : 16);
  const brands: string[] = [];
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) {
    brands.push(String.fromCharCode(head[at], head[at + 1], head[at + 2], head[at + 3]));
  }
  return brands;
}

export const SIGNATURES: readonly Signature[] = [
  { type: 'image/jpeg', extensions: ['.jpg', '.jpeg', '.jfif'], matches: (h) => bytes(h, 0, [0xff, 0xd8, 0xff]) },
  {
    type: 'image/png',
    extensions: ['.png'],
    matches: (h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { type: 'image/gif', extensions: ['.gif'], matches: (h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a') },
  { type: 'image/webp', extensions: ['.webp'], matches: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP') },
  {
    type: 'image/avif',
    extensions: ['.avif'],
    matches: (h) => isoBrands(h).some((brand) => brand === 'avif' || brand === 'avis'),
  },
  { type: 'application/pdf', extensions: ['.pdf'], matches: (h) => ascii(h, 0, '%PDF-') },
  {
    type: 'video/mp4',
    extensions: ['.mp4', '.m4v'],
    matches: (h) => isoBrands(h).some((brand) => /^(isom|iso[2-9]|mp41|mp42|avc1|M4V |dash)$/.test(brand)),
  },
  { type: 'video/webm', extensions: ['.webm'], matches: (h) => bytes(h, 0, [0x1a, 0x45, 0xdf, 0xa3]) },
  {
    type: 'audio/mpeg',
    extensions: ['.mp3'],
    matches: (h) => ascii(h, 0, 'ID3') || (h.length >= 2 && h[0] === 0xff && (h[1] & 0xe0) === 0xe0),
  },
  { type: 'audio/ogg', extensions: ['.ogg', '.oga', '.opus'], matches: (h) => ascii(h, 0, 'OggS') },
  { type: 'audio/wav', extensions: ['.wav'], matches: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WAVE') },
];

/** The raster image types a newsroom takes by default (SVG is not one: it can carry script). */
export const NEWSROOM_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'];

/** Every type that can be recognised by its bytes, hence allowed. */
export const RECOGNISABLE_TYPES = SIGNATURES.map((signature) => signature.type);

/** The type the bytes are, or undefined when they match no known signature. */
export function detectFileType(head: Uint8Array): string | undefined {
  return SIGNATURES.find((signature) => signature.matches(head))?.type;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** True when a stored file's name is served as one of these types (by its ending, as a static server does). */
export function servedAs(name: string, types: readonly string[]): boolean {
  const extension = extensionOf(name);
  return SIGNATURES.some((signature) => types.includes(signature.type) && signature.extensions.includes(extension));
}

export interface UploadRefusal {
  rule:
    | 'upload-content-unknown'
    | 'upload-type-not-allowed'
    | 'upload-name-mismatch'
    | 'upload-empty'
    | 'upload-too-large';
  detected?: string;
  message: { en: string; ar: string };
}

/**
 * Why an upload is refused, or undefined when its bytes are an allowed type and its name ends as
 * that type does (a stored file is served by its ending, so a PNG named `.html` would be HTML).
 */
export function uploadRefusal(name: string, head: Uint8Array, allowed: readonly string[]): UploadRefusal | undefined {
  const detected = detectFileType(head);
  const list = allowed.join(', ');
  if (!detected) {
    return {
      rule: 'upload-content-unknown',
      message: {
        en: `"${name}" is not a file type this newsroom accepts: its content is not one of ${list} (HTML, JavaScript, SVG and XML are never accepted).`,
        ar: `«${name}» ليس من أنواع الملفات المقبولة: محتواه ليس من ${list} (لا تُقبل ملفات HTML وJavaScript وSVG وXML).`,
      },
    };
  }
  if (!allowed.includes(detected)) {
    return {
      rule: 'upload-type-not-allowed',
      detected,
      message: {
        en: `"${name}" is ${detected}, which this newsroom does not accept; accepted: ${list}.`,
        ar: `«${name}» من نوع ${detected} وهو غير مقبول؛ المقبول: ${list}.`,
      },
    };
  }
  if (!servedAs(name, [detected])) {
    const usual = SIGNATURES.find((signature) => signature.type === detected)?.extensions.join(', ');
    return {
      rule: 'upload-name-mismatch',
      detected,
      message: {
        en: `"${name}" is ${detected} but its name does not say so: name it with ${usual}.`,
        ar: `«${name}» من نوع ${detected} لكن اسمه لا يدل على ذلك: سمِّه بامتداد ${usual}.`,
      },
    };
  }
  return undefined;
}

/** The default largest upload: a wire picture at full resolution is a few megabytes. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Why an upload's size is refused (empty, or over `max` bytes), or undefined. */
export function uploadSizeRefusal(name: string, bytes: number, max: number): UploadRefusal | undefined {
  if (bytes === 0) {
    return {
      rule: 'upload-empty',
      message: {
        en: `"${name}" is empty (0 bytes): choose the picture file itself.`,
        ar: `«${name}» ملف فارغ (0 بايت): اختر ملف الصورة نفسه.`,
      },
    };
  }
  if (bytes > max) {
    return {
      rule: 'upload-too-large',
      message: {
        en: `"${name}" is ${megabytes(bytes)}; this newsroom accepts files up to ${megabytes(max)}. Export a smaller picture.`,
        ar: `«${name}» حجمه ${megabytes(bytes)}، والحد الأقصى المقبول ${megabytes(max)}. صدِّر صورة أصغر.`,
      },
    };
  }
  return undefined;
}
