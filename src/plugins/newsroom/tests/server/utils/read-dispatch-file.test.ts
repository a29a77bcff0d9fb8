// Reading a dispatch file from a folder an editor was sent: regular files only, never through a
// link, never more than MAX_DISPATCH_BYTES.
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { DispatchError, MAX_DISPATCH_BYTES } from '#core/dispatch';
import { readDispatchBytes, readDispatchFile } from '../../../server/src/utils/read-dispatch-file';

const DISPATCH = 'عنوان الخبر\n\n(سبوتنيك - 14 يونيو 2021ء) نص الخبر.\n';
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-read-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function refusal(file: string): Promise<string> {
  const error = await readDispatchFile(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DispatchError);
  return (error as DispatchError).message;
}

test('a regular file is read', async () => {
  const file = path.join(folder, 'plain.txt');
  writeFileSync(file, DISPATCH);
  expect(await readDispatchFile(file)).toBe(DISPATCH);
});

test('a symbolic link named *.txt is refused, not followed, even to a readable file', async () => {
  const target = path.join(folder, 'target.txt');
  writeFileSync(target, DISPATCH);
  const link = path.join(folder, 'link.txt');
  symlinkSync(target, link);
  expect(await refusal(link)).toMatch(/symbolic link, not a regular file/);
  const hostname = path.join(folder, 'hostname.txt');
  symlinkSync('/etc/hostname', hostname);
  expect(await refusal(hostname)).toMatch(/symbolic link/);
});

test('a FIFO named *.txt is refused at once, with no writer at its other end', async () => {
  const fifo = path.join(folder, 'pipe.txt');
  execFileSync('mkfifo', [fifo]);
  expect(await refusal(fifo)).toMatch(/named pipe \(FIFO\), not a regular file/);
});

test('a device is refused', async () => {
  expect(await refusal('/dev/zero')).toMatch(/device, not a regular file/);
});

test('a file over MAX_DISPATCH_BYTES is refused with the limit; one at the limit is read', async () => {
  const over = path.join(folder, 'over.txt');
  writeFileSync(over, Buffer.alloc(MAX_DISPATCH_BYTES + 1, 0x61));
  const message = await refusal(over);
  expect(message).toContain(`${MAX_DISPATCH_BYTES + 1} bytes`);
  expect(message).toContain(`limit of ${MAX_DISPATCH_BYTES} bytes (256 KB)`);
  const at = path.join(folder, 'at.txt');
  writeFileSync(at, Buffer.alloc(MAX_DISPATCH_BYTES, 0x61));
  expect((await readDispatchBytes(at)).length).toBe(MAX_DISPATCH_BYTES);
});
