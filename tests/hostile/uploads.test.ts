// The media library on the admin's origin: an upload is accepted by what its bytes are, never by
// its name or declared type, and nothing under /uploads/ can run script there. Through the real
// server, as an Author and an Editor (the admin's routes) and a full-access token (the content API).
import { randomBytes } from 'crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { noisePng } from '../../src/plugins/newsroom/tests/helpers/png';
import { adminToken, apiToken, startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let author: string;
let editor: string;
let fullAccess: string;
let filesAtStart: string[];

beforeAll(async () => {
  app = await startStrapi();
  [author, editor, fullAccess] = await Promise.all([
    adminToken(app.strapi, app.server, 'strapi-author'),
    adminToken(app.strapi, app.server, 'strapi-editor'),
    apiToken(app.strapi, 'full-access'),
  ]);
  filesAtStart = storedFiles();
});
afterAll(async () => {
  // The images this file stored are removed with its throwaway database.
  if (app) for (const name of storedFiles()) if (!filesAtStart.includes(name)) rmSync(path.join(uploadsDir(), name));
  await app?.stop();
});

const uploadsDir = () => path.join(app.strapi.dirs.static.public, 'uploads');
const storedFiles = () => readdirSync(uploadsDir()).filter((name) => name !== '.gitkeep');
const fileRows = () => app.strapi.db.query('plugin::upload.file').count();

/** A marker inside each hostile payload, to find any copy of it left on disk. */
const marker = () => `newsroom-upload-probe-${randomBytes(6).toString('hex')}`;

function copiesOnDisk(probe: string): string[] {
  const found: string[] = [];
  for (const dir of [uploadsDir(), os.tmpdir()]) {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      try {
        if (readFileSync(file).includes(probe)) found.push(file);
      } catch {
        // folders and files of other processes that vanish or cannot be read
      }
    }
  }
  return found;
}

const SCRIPT = (probe: string) => `fetch('/admin/access-token',{method:'POST'}) // ${probe}`;
const PAGE = (probe: string) => `<!doctype html><script src="/uploads/x.js"></script><p>${probe}</p>`;
const SVG = (probe: string) => `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><!-- ${probe} --></svg>`;

interface Hostile {
  name: string;
  filename: string;
  contentType: string;
  bytes: (probe: string) => Buffer;
  rule: string;
}

const HOSTILE: Hostile[] = [
  {
    name: 'JavaScript',
    filename: 'x.js',
    contentType: 'text/javascript',
    bytes: (p) => Buffer.from(SCRIPT(p)),
    rule: 'upload-content-unknown',
  },
  {
    name: 'HTML',
    filename: 'page.html',
    contentType: 'text/html',
    bytes: (p) => Buffer.from(PAGE(p)),
    rule: 'upload-content-unknown',
  },
  {
    name: 'SVG with script',
    filename: 'logo.svg',
    contentType: 'image/svg+xml',
    bytes: (p) => Buffer.from(SVG(p)),
    rule: 'upload-content-unknown',
  },
  {
    name: 'XML',
    filename: 'feed.xml',
    contentType: 'application/xml',
    bytes: (p) => Buffer.from(`<?xml version="1.0"?><a>${p}</a>`),
    rule: 'upload-content-unknown',
  },
  {
    name: 'HTML named .png, declared image/png',
    filename: 'photo.png',
    contentType: 'image/png',
    bytes: (p) => Buffer.from(PAGE(p)),
    rule: 'upload-content-unknown',
  },
  {
    name: 'HTML named .jpg, declared as a JPEG',
    filename: 'photo.jpg',
    contentType: 'image/jpeg',
    bytes: (p) => Buffer.from(PAGE(p)),
    rule: 'upload-content-unknown',
  },
  {
    name: 'a PDF (not on the newsroom list)',
    filename: 'doc.pdf',
    contentType: 'application/pdf',
    bytes: (p) => Buffer.from(`%PDF-1.7\n% ${p}\n`),
    rule: 'upload-type-not-allowed',
  },
  {
    name: 'a real PNG named .html',
    filename: 'image.html',
    contentType: 'text/html',
    bytes: (p) => Buffer.concat([noisePng(), Buffer.from(p)]),
    rule: 'upload-name-mismatch',
  },
  {
    name: 'a PNG that is also HTML, named .htm',
    filename: 'polyglot.htm',
    contentType: 'image/png',
    bytes: (p) => Buffer.concat([noisePng(), Buffer.from(PAGE(p))]),
    rule: 'upload-name-mismatch',
  },
];

const CALLERS = [
  { who: 'an Author (admin)', url: '/upload', token: () => author },
  { who: 'an Editor (admin)', url: '/upload', token: () => editor },
  { who: 'a full-access token (content API)', url: '/api/upload', token: () => fullAccess },
];

describe('uploads are accepted by their bytes', () => {
  for (const caller of CALLERS) {
    test(`${caller.who}: script, markup and misnamed files are refused with a 400 and leave nothing behind`, async () => {
      const rowsBefore = await fileRows();
      const filesBefore = storedFiles();
      for (const hostile of HOSTILE) {
        const probe = marker();
        const response = await request(app.server)
          .post(caller.url)
          .set('Authorization', `Bearer ${caller.token()}`)
          .attach('files', hostile.bytes(probe), { filename: hostile.filename, contentType: hostile.contentType });
        expect({ file: hostile.name, status: response.status }).toEqual({ file: hostile.name, status: 400 });
        expect(response.body.error.details).toEqual(
          expect.objectContaining({ field: 'files', rule: hostile.rule, file: hostile.filename }),
        );
        // The message names the file and is in both languages.
        expect(response.body.error.message).toContain(hostile.filename);
        expect(response.body.error.message).toMatch(/[\u0600-\u06FF]/);
        expect({ file: hostile.name, copies: copiesOnDisk(probe) }).toEqual({ file: hostile.name, copies: [] });
      }
      expect(await fileRows()).toBe(rowsBefore);
      expect(storedFiles()).toEqual(filesBefore);
    });
  }

  test("an editor reads the refusal in the admin's language alone; a token's caller in both", async () => {
    const refusal = async (language?: string) => {
      const call = request(app.server).post('/upload').set('Authorization', `Bearer ${editor}`);
      if (language) call.set('x-newsroom-interface-language', language);
      const response = await call.attach('files', Buffer.from(SVG(marker())), {
        filename: 'logo.svg',
        contentType: 'image/svg+xml',
      });
      expect(response.status).toBe(400);
      return response.body.error.message as string;
    };
    const arabic = await refusal('ar');
    expect(arabic).toMatch(/[\u0600-\u06FF]/);
    expect(arabic.replace('logo.svg', '')).not.toMatch(/\b(is|not|file|accepts)\b/);
    const english = await refusal('en');
    expect(english).toMatch(/is not a file type this newsroom accepts/);
    expect(english).not.toMatch(/[\u0600-\u06FF]/);
    expect(await refusal()).toMatch(/accepts[\s\S]*[\u0600-\u06FF]/);
  });

  test('one hostile file refuses the whole request: its image companion is not stored either', async () => {
    const rowsBefore = await fileRows();
    const response = await request(app.server)
      .post('/upload')
      .set('Authorization', `Bearer ${editor}`)
      .attach('files', noisePng(), { filename: 'fine.png', contentType: 'image/png' })
      .attach('files', Buffer.from(PAGE(marker())), { filename: 'page.html', contentType: 'text/html' });
    expect(response.status).toBe(400);
    expect(await fileRows()).toBe(rowsBefore);
  });

  test('replacing an image with HTML is refused and the image stays as it was', async () => {
    const stored = await request(app.server)
      .post('/upload')
      .set('Authorization', `Bearer ${author}`)
      .attach('files', noisePng(), { filename: 'lead.png', contentType: 'image/png' });
    expect(stored.status).toBe(201);
    const [file] = stored.body;
    const before = await request(app.server).get(file.url);
    for (const url of [`/upload?id=${file.id}`, `/upload/files/${file.id}/replace`]) {
      const replaced = await request(app.server)
        .post(url)
        .set('Authorization', `Bearer ${author}`)
        .attach('files', Buffer.from(PAGE(marker())), { filename: 'lead.png', contentType: 'image/png' });
      expect({ url, status: replaced.status }).toEqual({ url, status: 400 });
    }
    const after = await request(app.server).get(file.url);
    expect(after.status).toBe(200);
    expect(Buffer.compare(after.body, before.body)).toBe(0);
  });

  test('an empty file and one over the size limit (50 MB) are refused by name and size, nothing kept', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024);
    // A real PNG's head: only the size refuses it.
    noisePng().copy(big);
    const cases: Array<[string, Buffer, string, RegExp]> = [
      ['empty.png', Buffer.alloc(0), 'upload-empty', /0 bytes[\s\S]*0 بايت/],
      ['huge.png', big, 'upload-too-large', /50 MB[\s\S]*20 MB[\s\S]*الحد الأقصى/],
    ];
    for (const [filename, bytes, rule, message] of cases) {
      const rowsBefore = await fileRows();
      const filesBefore = storedFiles();
      const response = await request(app.server)
        .post('/upload')
        .set('Authorization', `Bearer ${editor}`)
        .attach('files', bytes, { filename, contentType: 'image/png' });
      expect({ filename, status: response.status }).toEqual({ filename, status: 400 });
      expect(response.body.error.details).toEqual(expect.objectContaining({ field: 'files', rule, file: filename }));
      expect(response.body.error.message).toMatch(message);
      expect(await fileRows()).toBe(rowsBefore);
      expect(storedFiles()).toEqual(filesBefore);
    }
  });

  test('each newsroom image type is accepted when its bytes and its name agree', async () => {
    const avif = Buffer.concat([
      Buffer.from([0, 0, 0, 0x1c]),
      Buffer.from('ftypavif\0\0\0\0avifmif1miaf', 'latin1'),
      Buffer.alloc(64),
    ]);
    const samples: Array<[string, Buffer, string]> = [
      ['photo.png', noisePng(2048), 'image/png'],
      ['photo.jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]), 'image/jpeg'],
      ['anim.gif', Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(64)]), 'image/gif'],
      ['photo.webp', Buffer.concat([Buffer.from('RIFF\x40\0\0\0WEBPVP8 ', 'latin1'), Buffer.alloc(64)]), 'image/webp'],
      ['photo.avif', avif, 'image/avif'],
    ];
    for (const [filename, bytes, type] of samples) {
      // Declared as anything: the bytes decide.
      const response = await request(app.server)
        .post('/upload')
        .set('Authorization', `Bearer ${editor}`)
        .attach('files', bytes, { filename, contentType: 'application/octet-stream' });
      expect({ filename, status: response.status }).toEqual({ filename, status: 201 });
      expect(response.body[0].mime).toBe(type);
    }
  });
});

describe('what /uploads/ serves cannot run script on the admin origin', () => {
  test('an image is served as itself, with nosniff and a CSP sandbox', async () => {
    const stored = await request(app.server)
      .post('/upload')
      .set('Authorization', `Bearer ${editor}`)
      .attach('files', noisePng(), { filename: 'served.png', contentType: 'image/png' });
    expect(stored.status).toBe(201);
    const served = await request(app.server).get(stored.body[0].url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(served.headers['content-security-policy']).not.toMatch(/script-src|unsafe/);
    expect(served.headers['content-disposition']).toBeUndefined();
  });

  test('a file already on disk that is not an image (from before the guard) is an inert download', async () => {
    const names: string[] = [];
    try {
      for (const [name, body] of [
        [`legacy-${randomBytes(4).toString('hex')}.html`, PAGE('legacy')],
        [`legacy-${randomBytes(4).toString('hex')}.js`, SCRIPT('legacy')],
        [`legacy-${randomBytes(4).toString('hex')}.svg`, SVG('legacy')],
      ]) {
        writeFileSync(path.join(uploadsDir(), name), body);
        names.push(name);
        const served = await request(app.server).get(`/uploads/${name}`);
        expect({ name, status: served.status }).toEqual({ name, status: 200 });
        expect(served.headers['content-type']).toBe('application/octet-stream');
        expect(served.headers['content-disposition']).toBe('attachment');
        expect(served.headers['x-content-type-options']).toBe('nosniff');
        expect(served.headers['content-security-policy']).toMatch(/(^|;\s*)sandbox(;|$)/);
      }
    } finally {
      for (const name of names) rmSync(path.join(uploadsDir(), name), { force: true });
    }
  });
});
