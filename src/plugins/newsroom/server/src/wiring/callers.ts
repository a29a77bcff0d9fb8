// Who is calling, as Strapi's content-API authentication left it in ctx.state.auth.
import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { apiTokenType, identifyBearer } from './strapi-internals/authentication';

export const isFullAccessToken = (auth: unknown) => apiTokenType(auth) === 'full-access';
export const isReadOnlyToken = (auth: unknown) => apiTokenType(auth) === 'read-only';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
// Verified callers, by the SHA-256 of their token (never the token), for a minute: a revoked token
// may keep its queue line that long; Strapi's own authentication still refuses it.
const verified = new Map<string, { caller: string; until: number }>();
const REMEMBERED = 1000;
const REMEMBER_MS = 60_000;

/**
 * Who an `Authorization: Bearer …` header proves the caller to be (`admin:…`, `token:…`, `user:…`),
 * or null when it is absent or forged, checked before the body is read or the request queued: a
 * made-up token must not buy a larger body or a queue line of its own.
 */
export async function verifiedBearer(strapi: unknown, authorization: string): Promise<string | null> {
  const token = BEARER.exec(authorization)?.[1];
  if (!token) return null;
  const digest = createHash('sha256').update(token).digest('hex');
  const known = verified.get(digest);
  if (known && known.until > Date.now()) return known.caller;
  const caller = await identifyBearer(strapi as Core.Strapi, token);
  if (caller) {
    if (verified.size >= REMEMBERED) verified.delete(verified.keys().next().value as string);
    verified.set(digest, { caller, until: Date.now() + REMEMBER_MS });
  }
  return caller;
}
