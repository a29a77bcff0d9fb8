// Strapi's media library, made safe to share with the admin's origin: every file reaches the
// upload service's `upload` and `replace` (the admin's and the content API's routes, uploads from
// a URL), and there its first bytes must be an allowed type named as such (core/uploads); anything
// else is refused with a 400 before a byte is stored, and its temporary file removed. What is
// served under /uploads/ cannot run script on this origin either: `nosniff`, a CSP sandbox, and
// anything that is not a newsroom image served as a download (files stored before the guard too).
import { open, rm } from 'fs/promises';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { NEWSROOM_IMAGE_TYPES, SIGNATURE_BYTES, servedAs, uploadRefusal } from '#core/uploads/file-signature';
import { canonicalPath } from '#core/well-formed';
import { newsroomConfig } from '../utils';
import { errors } from '../utils/strapi-internals/strapi-errors';

/** A file as Strapi's multipart parser (formidable) hands it to the upload service. */
interface IncomingFile {
  filepath?: string;
  path?: string;
  buffer?: Buffer;
  originalFilename?: string;
  name?: string;
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
async function refuseUnlessAllowed(strapi: Core.Strapi, files: IncomingFile[]): Promise<void> {
  const allowed = newsroomConfig(strapi).allowedUploadTypes;
  for (const file of files) {
    const name = file.originalFilename ?? file.name ?? '';
    const refusal = uploadRefusal(name, await firstBytes(file), allowed);
    if (!refusal) continue;
    await Promise.all(
      files.map((each) => each.filepath ?? each.path).map((location) => location && rm(location, { force: true })),
    );
    throw new errors.ValidationError(`${refusal.message.en} — ${refusal.message.ar}`, {
      field: 'files',
      rule: refusal.rule,
      file: name,
      detected: refusal.detected ?? null,
      allowed,
    });
  }
}

type UploadService = Record<string, (...args: unknown[]) => unknown>;

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
    inertUploadHeaders(strapi);
  },
});
