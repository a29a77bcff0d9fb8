// Reading one dispatch file from disk, bounded: only a regular file, never through a symbolic
// link, never more than MAX_DISPATCH_BYTES. A folder may hold anything an editor was sent: a link
// to /etc/hostname, a FIFO that never ends (a plain read hangs on it), /dev/zero behind a link.
import { constants, promises as fs } from 'fs';
import { decodeDispatch, DispatchError, MAX_DISPATCH_BYTES } from '#core/dispatch';

const KB = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

function kindOf(stat: { isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean; isDirectory(): boolean }) {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'a device';
}

const notRegular = (kind: string) =>
  new DispatchError(
    `is ${kind}, not a regular file; the importer reads only regular files: copy the dispatch into the folder ` +
      `and import the copy. — ليس ملفًا عاديًا؛ يقرأ المستورد الملفات العادية فقط: انسخ الخبر إلى المجلد واستورد النسخة.`,
  );

const tooLarge = (size: string) =>
  new DispatchError(
    `is ${size}, over the limit of ${MAX_DISPATCH_BYTES} bytes (${KB(MAX_DISPATCH_BYTES)}) for one dispatch; ` +
      `no agency dispatch is that long: check that it is one dispatch, or split it. — حجم الملف يتجاوز الحد ` +
      `المسموح للخبر الواحد (${KB(MAX_DISPATCH_BYTES)})؛ تحقق من أنه خبر واحد أو قسّمه.`,
  );

/**
 * The bytes of a dispatch file, at most MAX_DISPATCH_BYTES of them: opened without following a
 * link and without waiting on a pipe, checked on the open descriptor (so nothing can be swapped
 * in between), and read up to one byte past the limit to tell a file over it.
 */
export async function readDispatchBytes(file: string): Promise<Buffer> {
  const link = await fs.lstat(file);
  if (!link.isFile()) throw notRegular(kindOf(link));
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw notRegular('a symbolic link');
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw notRegular(kindOf(stat));
    if (stat.size > MAX_DISPATCH_BYTES) throw tooLarge(`${stat.size} bytes`);
    const buffer = Buffer.alloc(MAX_DISPATCH_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // A file that grew while it was read.
    if (length > MAX_DISPATCH_BYTES) throw tooLarge(`more than ${MAX_DISPATCH_BYTES} bytes`);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** The text of a dispatch file: UTF-8, UTF-16 or Windows-1256, detected; anything else refused. */
export async function readDispatchFile(file: string): Promise<string> {
  return decodeDispatch(await readDispatchBytes(file)).text;
}
