// Dispatch files in the encodings agencies save them in are read; what is not text is refused.
import fs from 'fs';
import path from 'path';
import iconv from 'iconv-lite';
import { decodeDispatch, DispatchError, parseDispatch, WIRE_AGENCIES } from '#core/dispatch';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../fixtures/dispatches/02-city-dash-agency.txt'), 'utf8');
const withBom = (bom: number[], bytes: Buffer) => Buffer.concat([Buffer.from(bom), bytes]);

test.each([
  ['UTF-8', Buffer.from(SEED, 'utf8'), 'utf-8'],
  ['UTF-8 with a BOM', withBom([0xef, 0xbb, 0xbf], Buffer.from(SEED, 'utf8')), 'utf-8'],
  ['UTF-16LE with a BOM', withBom([0xff, 0xfe], iconv.encode(SEED, 'utf-16le')), 'utf-16le'],
  ['UTF-16LE without a BOM', iconv.encode(SEED, 'utf-16le'), 'utf-16le'],
  ['UTF-16BE with a BOM', withBom([0xfe, 0xff], iconv.encode(SEED, 'utf-16be')), 'utf-16be'],
  ['UTF-16BE without a BOM', iconv.encode(SEED, 'utf-16be'), 'utf-16be'],
  ['Windows-1256', iconv.encode(SEED, 'windows-1256'), 'windows-1256'],
])('%s is read as the same text', (_name, bytes, encoding) => {
  const decoded = decodeDispatch(bytes);
  expect(decoded.encoding).toBe(encoding);
  expect(decoded.text).toBe(SEED);
  const parsed = parseDispatch(decoded.text, WIRE_AGENCIES);
  expect(parsed.title).toBe(SEED.split('\n')[0]);
  expect(parsed.outlets.map((outlet) => outlet.nameLatin)).toContain('Sputnik');
});

test.each([
  ['a PNG image', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)])],
  [
    'UTF-8 text with NUL bytes',
    Buffer.concat([Buffer.from('عنوان\n\n', 'utf8'), Buffer.alloc(8), Buffer.from('نص', 'utf8')]),
  ],
  ['random bytes', Buffer.from(Array.from({ length: 256 }, (_, index) => (index * 37) % 256))],
])('%s is refused, in English and Arabic', (_name, bytes) => {
  expect(() => decodeDispatch(bytes)).toThrow(DispatchError);
  expect(() => decodeDispatch(bytes)).toThrow(/not text.*ليس نصًا/s);
});

test('C1 controls (U+0080–U+009F) are dropped from the decoded text, whatever the encoding', () => {
  const hostile = SEED.replace('\n', '\u009B2J\u0085\n').replace('سبوتنيك', 'سبوت\u009bنيك');
  for (const bytes of [Buffer.from(hostile, 'utf8'), iconv.encode(hostile, 'utf-16le')]) {
    const { text } = decodeDispatch(bytes);
    expect(text).not.toMatch(/[\u0080-\u009F]/);
    expect(text).toBe(SEED.replace('\n', '2J\n'));
  }
});

test('Windows-1256 bytes 0x80–0x9F are letters, not C1 controls: پ چ ژ گ survive', () => {
  const persian = `${SEED.split('\n')[0]} پچژگ\n${SEED.split('\n').slice(1).join('\n')}`;
  const bytes = iconv.encode(persian, 'windows-1256');
  expect([...bytes].some((byte) => byte >= 0x80 && byte <= 0x9f)).toBe(true);
  const decoded = decodeDispatch(bytes);
  expect(decoded.encoding).toBe('windows-1256');
  expect(decoded.text).toBe(persian);
});
