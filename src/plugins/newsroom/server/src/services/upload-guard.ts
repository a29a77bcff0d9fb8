// Strapi's media library, made safe to share with the admin's origin: every file reaches the
// upload service's `upload` and `replace` (the admin's and the content API's routes, uploads from
// a URL), and there its first bytes must be an allowed type named as such (core/uploads); anything
// else is refused with a 400 before a byte is stored, and its temporary file removed. What is
// served under /uploads/ cannot run script on this origin either: `nosniff`, a CSP sandbox, and
// anything that is not a newsroom image served as a download (files stored before the guard too).
import { open, rm, stat } from 'fs/promises';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { NEWSROOM_IMAGE_TYPES, SIGNATURE_BYTES, uploadRefusal, uploadSizeRefusal } from '#core/uploads/file-signature';
import { canonicalPath } from '#core/well-formed';
import { getService, newsroomConfig } from '../utils';
import { editorLanguage } from '../utils/editor-language';
import { errors } from '../utils/strapi-internals/strapi-errors';

/** A file as Strapi's multipart parser (formidable) hands it to the upload service. */
interface IncomingFile {
  filepath?: string;
  path?: string;
  buffer?: Buffer;
  originalFilename?: string;
  name?: string;
  size?: number;
}

const UPLOAD_SERVICE = 'plugin::upload.upload';

async function firstBytes(file: IncomingFile): Promise<Uint8Array> {
  if (file.buffer) return file.buffer.subarray(0, SIGNATURE_BYTES);
  const location = file.filepath ?? file.path;
  if (!location) return new Uint8Array();
  const handle = await open(location, 'r');
  try {
    const head = Buffer.alloc(SIGNATURE_BYTES);
    const { bytesRead } = await handle.read(head, 0, SIGNATURE_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const listOf = (files: unknown): IncomingFile[] =>
  (Array.isArray(files) ? files : files ? [files] : []) as IncomingFile[];

/** Refuses the whole request when any file is not allowed; nothing is stored, temp files removed. */
// The file's length in bytes: the buffer's, else the temporary file's on disk.
async function lengthOf(file: IncomingFile): Promise<number> {
  if (file.buffer) return file.buffer.length;
  const location = file.filepath ?? file.path;
  if (location) return (await stat(location)).size;
  return typeof file.size === 'number' ? file.size : 0;
}

async function refuseUnlessAllowed(strapi: Core.Strapi, files: IncomingFile[]): Promise<void> {
  const { allowedUploadTypes: allowed, maxUploadBytes } = newsroomConfig(strapi);
  for (const file of files) {
    const name = file.originalFilename ?? file.name ?? '';
    const refusal =
      uploadSizeRefusal(name, await lengthOf(file), maxUploadBytes) ??
      uploadRefusal(name, await firstBytes(file), allowed);
    if (!refusal) continue;
    await Promise.all(
      files.map((each) => each.filepath ?? each.path).map((location) => location && rm(location, { force: true })),
    );
    // An editor reads it in the admin's language; a token's caller in both.
    const language = editorLanguage(strapi);
    const message = language ? refusal.message[language] : `${refusal.message.en} — ${refusal.message.ar}`;
    throw new errors.ValidationError(message, {
      field: 'files',
      rule: refusal.rule,
      file: name,
      detected: refusal.detected ?? null,
      allowed,
    });
  }
}

type UploadService = Record<string, (...args: unknown[]) => unknown>;

// Strapi's upload controllers answer an empty file with "Files are empty" before the service sees
// it: the editor is told, in both languages, which file and what to do instead.
const UPLOAD_CONTROLLERS = ['plugin::upload.admin-upload', 'plugin::upload.content-api'];

function refuseEmptyFiles(strapi: Core.Strapi): void {
  for (const uid of UPLOAD_CONTROLLERS) {
    strapi.get('controllers').extend(uid, (controller: UploadService) => {
      const guarded = { ...controller };
      for (const action of ['upload', 'uploadFile']) {
        const original = controller[action];
        if (typeof original !== 'function') continue;
        guarded[action] = async function (this: unknown, ...args: unknown[]) {
          const [ctx] = args as [Context];
          const files = listOf((ctx.request as { files?: { files?: unknown } }).files?.files);
          const empty = files.find((file) => (file.size ?? 0) === 0 && (file.originalFilename ?? file.name));
          if (empty) await refuseUnlessAllowed(strapi, files);
          return original.apply(this, args);
        };
      }
      return guarded;
    });
  }
}

function checkUploadService(strapi: Core.Strapi): void {
  strapi.get('services').extend(UPLOAD_SERVICE, (service: UploadService) => ({
    ...service,
    async upload(input: { files?: unknown }, ...rest: unknown[]) {
      await refuseUnlessAllowed(strapi, listOf(input?.files));
      return service.upload(input, ...rest);
    },
    async replace(id: unknown, input: { file?: unknown }, ...rest: unknown[]) {
      await refuseUnlessAllowed(strapi, listOf(input?.file));
      return service.replace(id, input, ...rest);
    },
  }));
}

// No script runs from an upload, and a file that is not an allowed raster image is a download.
const UPLOAD_CSP = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'";
// Strapi's router matches /uploads/(.*) in any letter case.
const UPLOADS_PATH = /^\/uploads\//i;

/**
 * The outermost middleware (added in register(), before the host's list): whatever answered a
 * request under /uploads/, its headers are set last. By the answer's own Content-Type, not the
 * file name, so no spelling of a path makes a stored file a page.
 */
function inertUploadHeaders(strapi: Core.Strapi): void {
  strapi.server.use(async (ctx: Context, next: () => Promise<void>) => {
    if (!UPLOADS_PATH.test(canonicalPath(ctx.path))) return next();
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', UPLOAD_CSP);
    if (ctx.body != null && !NEWSROOM_IMAGE_TYPES.includes(ctx.response.type)) {
      ctx.set('Content-Type', 'application/octet-stream');
      ctx.set('Content-Disposition', 'attachment');
    }
  });
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Called in register(). */
  guardUploads(): void {
    if (!strapi.plugin('upload')) return;
    checkUploadService(strapi);
    refuseEmptyFiles(strapi);
    inertUploadHeaders(strapi);
  },

  /**
   * Called in bootstrap(): a picture replaced, renamed or deleted in the media library changes the
   * feeds that carry it (its address, size, dimensions), with no write of ours: the content version
   * moves, and every instance's cached answers and ETags with it.
   */
  invalidateOnMediaChanges(): void {
    if (!strapi.plugin('upload')) return;
    const touch = async () => {
      await getService('contentVersion', { strapi }).touch();
    };
    strapi.db.lifecycles.subscribe({
      models: ['plugin::upload.file'],
      afterUpdate: touch,
      afterUpdateMany: touch,
      afterDelete: touch,
      afterDeleteMany: touch,
    });
  },
});
