// Global middleware, right before strapi::body: a body the parser cannot read (broken multipart,
// JSON nested past the parser's stack) is the client's mistake, so answer 400 with the reason,
// not the 500 Strapi gives for an unexpected error.
import type { Context } from 'koa';
import { errors } from '../utils/strapi-internals/strapi-errors';
import { BODY_READ } from './well-formed-request';

export default () => {
  return async (ctx: Context, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error: unknown) {
      // Past the parser (well-formed-request marks it), errors are the app's to answer.
      if (ctx.state[BODY_READ]) throw error;
      const failure = (error ?? {}) as { status?: unknown; statusCode?: unknown; message?: unknown };
      const status = Number(failure.status ?? failure.statusCode);
      if (status >= 400 && status < 500) throw error;
      const type = ctx.request.type || 'unknown type';
      throw new errors.ValidationError(
        `body: could not be read as ${type} (${String(failure.message ?? error).slice(0, 200)}); send well-formed JSON. — ` +
          'تعذّرت قراءة محتوى الطلب؛ أرسل JSON سليمًا.',
        { field: 'body', rule: 'unreadable-body' },
      );
    }
  };
};
