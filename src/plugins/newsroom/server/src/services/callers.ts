// Who is calling: the bearer token a request carries, verified against Strapi's verifiers and
// remembered for a minute per instance.
import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { identifyBearer } from '../utils/strapi-internals/authentication';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const REMEMBERED = 1000;
const REMEMBER_MS = 60_000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Verified callers, by the SHA-256 of their token (never the token), for a minute: a revoked token
  // may keep its queue line that long; Strapi's own authentication still refuses it.
  const verified = new Map<string, { caller: string; until: number }>();

  return {
    /**
     * Who an `Authorization: Bearer …` header proves the caller to be (`admin:…`, `token:…`, `user:…`),
     * or null when it is absent or forged, checked before the body is read or the request queued: a
     * made-up token must not buy a larger body or a queue line of its own.
     */
    async verifiedBearer(authorization: string): Promise<string | null> {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) return null;
      const digest = createHash('sha256').update(token).digest('hex');
      const known = verified.get(digest);
      if (known && known.until > Date.now()) return known.caller;
      const caller = await identifyBearer(strapi, token);
      if (caller) {
        if (verified.size >= REMEMBERED) verified.delete(verified.keys().next().value as string);
        verified.set(digest, { caller, until: Date.now() + REMEMBER_MS });
      }
      return caller;
    },
  };
};
