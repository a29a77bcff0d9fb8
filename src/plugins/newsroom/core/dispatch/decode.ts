// A dispatch file's bytes as text, whatever agencies save them in: UTF-8 (with or without a BOM),
// UTF-16 (little or big endian, with or without a BOM) and Windows-1256, the Arabic code page of
// older newsroom systems. Only what is not text is refused.
import iconv from 'iconv-lite';
import { DispatchError } from './types';

export type DispatchEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

const NOT_TEXT =
  'The file is not text in any encoding the importer reads (UTF-8, UTF-16, Windows-1256); export the dispatch ' +
  'as text and import it again. — الملف ليس نصًا بترميز يقرؤه المستورد (UTF-8 أو UTF-16 أو Windows-1256)؛ ' +
  'صدّر الخبر نصًا ثم أعد استيراده.';

// Controls other than tab, line feed, form feed and carriage return do not occur in text.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/u;

const C1_CONTROLS = /[\u0080-\u009F]/gu;

function utf16Guess(bytes: Uint8Array): DispatchEncoding | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  // ASCII and Arabic (U+0600–U+06FF) have a high byte of 0x00 or 0x06: in UTF-16 one byte in two is.
  let even = 0;
  let odd = 0;
  for (let index = 0; index < bytes.length; index += 2) {
    if (bytes[index] === 0x00 || bytes[index] === 0x06) even += 1;
    if (bytes[index + 1] === 0x00 || bytes[index + 1] === 0x06) odd += 1;
  }
  const pairs = bytes.length / 2;
  if (odd / pairs > 0.6 && even / pairs < 0.3) return 'utf-16le';
  if (even / pairs > 0.6 && odd / pairs < 0.3) return 'utf-16be';
  return undefined;
}

/** The encoding of a dispatch file's bytes, or undefined when they are not text. */
export function detectEncoding(bytes: Uint8Array): DispatchEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = utf16Guess(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not UTF-8: Windows-1256 maps nearly every byte, so it is text if no control characters appear
    // and it reads as Arabic (letters in U+0600–U+06FF).
    const text = iconv.decode(Buffer.from(bytes), 'windows-1256');
    const arabic = text.match(/[\u0600-\u06FF]/gu)?.length ?? 0;
    if (!CONTROL.test(text) && arabic > 0) return 'windows-1256';
    return undefined;
  }
}

/** The text of a dispatch file; a DispatchError (English and Arabic) when the bytes are not text. */
export function decodeDispatch(bytes: Uint8Array): { text: string; encoding: DispatchEncoding } {
  const encoding = detectEncoding(bytes);
  if (!encoding) throw new DispatchError(NOT_TEXT);
  const text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
  if (CONTROL.test(text)) throw new DispatchError(NOT_TEXT);
  // C1 controls (U+009B is a terminal's CSI) are dropped once the bytes are Unicode: in
  // Windows-1256 the bytes 0x80–0x9F are letters (پ, چ, گ…), so they are never stripped as bytes.
  return { text: text.replace(C1_CONTROLS, ''), encoding };
}
