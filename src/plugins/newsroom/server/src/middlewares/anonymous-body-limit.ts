// Global middleware, before strapi::body: a caller without an Authorization header can only log in
// or ask for a password reset, so the server reads no more than a small body from it, and no upload,
// before it is authenticated. Callers whose Authorization header holds a valid token keep the
// parser's limits.

import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

export interface AnonymousBodyLimitConfig {
  /** Largest body, in bytes, read from a request without an Authorization header. */
  limit: number;
}

const describeBytes = (bytes: number) =>
  bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KB (${bytes} bytes)` : `${bytes} bytes`;

// Answered here, unread: Node discards the rest of the body without buffering or parsing it.
function refuse(ctx: Context, status: 411 | 413, rule: string, message: string, details: Record<string, unknown>) {
  const name = status === 411 ? 'LengthRequiredError' : 'PayloadTooLargeError';
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: { rule, ...details } } };
}

export default (config: AnonymousBodyLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  const limit = Number(config?.limit);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new Error(
      `NEWSROOM_ANONYMOUS_BODY_LIMIT must be a whole number of bytes above 0 (default 65536), not "${config?.limit}".`,
    );
  }
  const allowed = describeBytes(limit);
  return async (ctx: Context, next: () => Promise<void>) => {
    // Only a caller its token proves keeps the parser's limits; a made-up header counts as none.
    if (ctx.get('Authorization') && (await getService('callers', { strapi }).verifiedBearer(ctx.get('Authorization'))))
      return next();
    const chunked = ctx.get('Transfer-Encoding') !== '';
    const declared = ctx.get('Content-Length');
    // Koa's ctx.request.length wraps lengths past 2^32; Node has already checked the header is digits.
    const length = declared === '' ? 0 : Number(declared);
    if (!chunked && length === 0) return next();
    if (ctx.is('multipart')) {
      return refuse(
        ctx,
        413,
        'anonymous-upload',
        'request: uploads need a valid Authorization header (an API token or a signed-in editor); ' +
          'a request without one (or with a made-up one) may not send multipart/form-data at all. — ' +
          'لا يُقبل رفع الملفات في طلب بلا ترويسة Authorization؛ أرسل رمز API أو سجّل الدخول أولًا.',
        { limit: 0 },
      );
    }
    if (chunked) {
      return refuse(
        ctx,
        411,
        'anonymous-length-required',
        `request: a request without an Authorization header must declare its Content-Length, at most ${allowed}; ` +
          'send the body in one piece, or authenticate to stream it. — ' +
          `يجب أن يذكر الطلب بلا ترويسة Authorization طول محتواه (Content-Length) بحد أقصى ${limit} بايت.`,
        { limit },
      );
    }
    if (!(length <= limit)) {
      return refuse(
        ctx,
        413,
        'anonymous-body-limit',
        `request: a request without a valid Authorization header may carry at most ${allowed}; this one declares ` +
          `${length} bytes. Send it with an API token or as a signed-in editor, or make it smaller. — ` +
          `لا يُقبل في طلب بلا ترويسة Authorization محتوى يتجاوز ${limit} بايت (هذا ${length} بايت)؛ ` +
          'أرسله برمز API أو بعد تسجيل الدخول، أو صغّره.',
        { limit, length },
      );
    }
    return next();
  };
};
