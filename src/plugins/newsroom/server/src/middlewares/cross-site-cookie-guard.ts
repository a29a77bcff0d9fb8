// Global middleware: a state-changing request that carries cookies (the admin's refresh cookie) from
// a page of another site is refused before it is handled. CORS only hides the answer from that page;
// the request itself would still rotate the editor's session.
import type { Context } from 'koa';

export interface CrossSiteCookieGuardConfig {
  /** The admin's own origins (PUBLIC_URL's, CORS_ORIGINS, localhost in development and test). */
  adminOrigins: string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (a sandboxed page, a file) names no host
  }
}

export default (config: CrossSiteCookieGuardConfig) => {
  const allowed = new Set(config?.adminOrigins ?? []);
  return async (ctx: Context, next: () => Promise<void>) => {
    const origin = ctx.get('Origin');
    if (SAFE_METHODS.has(ctx.method) || !ctx.get('Cookie') || !origin) return next();
    // Same host as the request was sent to: the admin served by this server (any scheme, behind TLS).
    if (allowed.has(origin) || hostOf(origin) === ctx.host) return next();
    ctx.status = 403;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: null,
      error: {
        status: 403,
        name: 'ForbiddenError',
        message:
          `request: a ${ctx.method} with cookies from ${origin}, which is not one of the admin's origins; ` +
          'sign in from the admin panel itself, or add that origin to CORS_ORIGINS. — ' +
          'طلب يحمل ملفات تعريف الارتباط من موقع آخر؛ سجّل الدخول من لوحة الإدارة نفسها.',
        details: { rule: 'cross-site-cookie', origin },
      },
    };
  };
};
