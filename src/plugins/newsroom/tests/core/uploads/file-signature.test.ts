// What an upload is, by its first bytes (core/uploads/file-signature.ts): each accepted type is
// recognised whatever follows its signature, no text format is ever recognised, and a file is
// accepted only when its name ends as its type does. Cases are generated, not hand-picked.
import { randomBytes } from 'crypto';
import config from '../../../server/src/config';
import {
  detectFileType,
  NEWSROOM_IMAGE_TYPES,
  RECOGNISABLE_TYPES,
  servedAs,
  uploadRefusal,
} from '#core/uploads/file-signature';
import { noisePng } from '../../helpers/png';

const fp = require('lodash/fp');
const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A file of each type: its real leading bytes, then random ones. */
const SAMPLES: Record<string, () => Buffer> = {
  'image/jpeg': () =>
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0 + (randomBytes(1)[0] % 16)]), randomBytes(200)]),
  'image/png': () => noisePng(200),
  'image/gif': () => Buffer.concat([latin1(Math.random() < 0.5 ? 'GIF87a' : 'GIF89a'), randomBytes(200)]),
  'image/webp': () => Buffer.concat([latin1('RIFF'), randomBytes(4), latin1('WEBPVP8L'), randomBytes(200)]),
  'image/avif': () =>
    Buffer.concat([
      Buffer.from([0, 0, 0, 0x20]),
      latin1('ftypavif'),
      Buffer.alloc(4),
      latin1('avifmif1miafMA1B'),
      randomBytes(200),
    ]),
  'application/pdf': () => Buffer.concat([latin1('%PDF-1.'), randomBytes(200)]),
  'video/mp4': () =>
    Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      latin1('ftypisom'),
      Buffer.alloc(4),
      latin1('isommp41'),
      randomBytes(200),
    ]),
  'video/webm': () => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(200)]),
  'audio/mpeg': () => Buffer.concat([latin1('ID3'), randomBytes(200)]),
  'audio/ogg': () => Buffer.concat([latin1('OggS'), randomBytes(200)]),
  'audio/wav': () => Buffer.concat([latin1('RIFF'), randomBytes(4), latin1('WAVEfmt '), randomBytes(200)]),
};

// Text a browser would run or render: markup, script, styles, data, with a leading BOM or spaces.
const TEXT_STARTS = [
  '<!doctype html>',
  '<html>',
  '<svg xmlns="http://www.w3.org/2000/svg">',
  '<?xml version="1.0"?>',
  '<script>',
  'alert(1)',
  'function f(){}',
  '{"a":1}',
  'body{color:red}',
  '\uFEFF<html>',
  '   <svg>',
  '<!-- x --><img src=x onerror=alert(1)>',
];

describe('detectFileType', () => {
  test('every recognisable type has a sample, and 50 generated files of each are recognised as it', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...RECOGNISABLE_TYPES].sort());
    for (const [type, sample] of Object.entries(SAMPLES)) {
      for (let n = 0; n < 50; n += 1)
        expect({ type, detected: detectFileType(sample()) }).toEqual({ type, detected: type });
    }
  });

  test('no text format is recognised, whatever random text follows its opening', () => {
    for (const start of TEXT_STARTS) {
      for (let n = 0; n < 20; n += 1) {
        const text = Buffer.concat([Buffer.from(start), Buffer.from(randomBytes(100).toString('base64'))]);
        expect({ start, detected: detectFileType(text) }).toEqual({ start, detected: undefined });
      }
    }
  });

  test('a signature cut short, or empty bytes, is not recognised', () => {
    expect(detectFileType(new Uint8Array())).toBeUndefined();
    expect(detectFileType(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(detectFileType(latin1('RIFF\0\0\0\0WEB'))).toBeUndefined();
    expect(detectFileType(latin1('\0\0\0\x20ftypav'))).toBeUndefined();
  });
});

describe('uploadRefusal', () => {
  test('an allowed image named as its type is accepted, in any letter case of its ending', () => {
    expect(uploadRefusal('photo.PNG', noisePng(), NEWSROOM_IMAGE_TYPES)).toBeUndefined();
    expect(uploadRefusal('صورة.jpg', SAMPLES['image/jpeg'](), NEWSROOM_IMAGE_TYPES)).toBeUndefined();
    expect(uploadRefusal('a.b.jpeg', SAMPLES['image/jpeg'](), NEWSROOM_IMAGE_TYPES)).toBeUndefined();
  });

  test('text is refused as unknown content, whatever its name says', () => {
    for (const name of ['x.js', 'page.html', 'logo.svg', 'photo.png', 'photo.jpg', 'noext']) {
      const refusal = uploadRefusal(name, Buffer.from('<html><script>alert(1)</script>'), NEWSROOM_IMAGE_TYPES);
      expect(refusal?.rule).toBe('upload-content-unknown');
      expect(refusal?.message.en).toContain(name);
      expect(refusal?.message.ar).toMatch(/[\u0600-\u06FF]/);
    }
  });

  test('a recognised type not on the list is refused naming it; allowed when the host adds it', () => {
    const pdf = SAMPLES['application/pdf']();
    expect(uploadRefusal('doc.pdf', pdf, NEWSROOM_IMAGE_TYPES)).toEqual(
      expect.objectContaining({ rule: 'upload-type-not-allowed', detected: 'application/pdf' }),
    );
    expect(uploadRefusal('doc.pdf', pdf, [...NEWSROOM_IMAGE_TYPES, 'application/pdf'])).toBeUndefined();
  });

  test('bytes of one type under another type’s name (or none) are refused: a file is served by its ending', () => {
    for (const [type, sample] of Object.entries(SAMPLES)) {
      for (const name of ['file.html', 'file.htm', 'file.svg', 'file.js', 'file', 'file.txt']) {
        expect({ type, name, rule: uploadRefusal(name, sample(), RECOGNISABLE_TYPES)?.rule }).toEqual({
          type,
          name,
          rule: 'upload-name-mismatch',
        });
      }
    }
    expect(uploadRefusal('photo.gif', noisePng(), NEWSROOM_IMAGE_TYPES)?.rule).toBe('upload-name-mismatch');
  });

  test('servedAs reads the ending only', () => {
    expect(servedAs('/uploads/a_1.webp', NEWSROOM_IMAGE_TYPES)).toBe(true);
    expect(servedAs('/uploads/a_1.svg', NEWSROOM_IMAGE_TYPES)).toBe(false);
    expect(servedAs('.png', NEWSROOM_IMAGE_TYPES)).toBe(false);
  });
});

describe('the allowedUploadTypes option', () => {
  const validate = (host: Record<string, unknown>) => () => config.validator(fp.defaultsDeep(config.default, host));

  test('defaults to the five raster image types; a type that cannot be recognised by its bytes stops the boot', () => {
    expect(validate({})).not.toThrow();
    expect(validate({ allowedUploadTypes: ['image/png', 'application/pdf'] })).not.toThrow();
    for (const type of ['text/html', 'image/svg+xml', 'application/javascript', 'image/*', 42]) {
      expect(validate({ allowedUploadTypes: [type] })).toThrow(/allowedUploadTypes must be a list of media types/);
    }
    expect(validate({ allowedUploadTypes: 'image/png' })).toThrow(/allowedUploadTypes/);
  });
});
