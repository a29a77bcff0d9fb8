// Who is calling, as Strapi's content-API authentication left it in ctx.state.auth.
import { createHash } from 'crypto';
// Strapi 5 names its API token strategy 'content-api-token' ('api-token' in v4).
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

interface Auth {
  strategy?: { name?: string };
  credentials?: { type?: string };
}

const tokenType = (auth: unknown): string | undefined => {
  const { strategy, credentials } = (auth ?? {}) as Auth;
  return API_TOKEN_STRATEGIES.has(strategy?.name ?? '') ? credentials?.type : undefined;
};

export const isFullAccessToken = (auth: unknown) => tokenType(auth) === 'full-access';
export const isReadOnlyToken = (auth: unknown) => tokenType(auth) === 'read-only';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
// Verified callers, by the SHA-256 of their token (never the token), for a minute: a revoked token
// may keep its queue line that long; Strapi's own authentication still refuses it.
const verified = new Map<string, { caller: string; until: number }>();
const REMEMBERED = 1000;
const REMEMBER_MS = 60_000;

// Strapi's session manager and token services are public but untyped in Core.Strapi.
type Verifiers = {
  sessionManager?: (realm: string) => { validateAccessToken(token: string): { isValid: boolean; payload?: any } };
  service(uid: string): any;
  plugin(name: string): { service(name: string): any } | undefined;
};

async function identify(strapi: Verifiers, token: string): Promise<string | null> {
  try {
    const admin = strapi.sessionManager?.('admin').validateAccessToken(token);
    if (admin?.isValid) return `admin:${admin.payload?.userId}`;
  } catch {
    // Not an admin access token.
  }
  const tokens = strapi.service('admin::api-token');
  const apiToken = await tokens.getByAccessKey(tokens.hash(token));
  if (apiToken) return `token:${apiToken.id}`;
  try {
    const user = await strapi.plugin('users-permissions')?.service('jwt').verify(token);
    if (user?.id !== undefined) return `user:${user.id}`;
  } catch {
    // Not a reader's token either.
  }
  return null;
}

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
  const caller = await identify(strapi as Verifiers, token);
  if (caller) {
    if (verified.size >= REMEMBERED) verified.delete(verified.keys().next().value as string);
    verified.set(digest, { caller, until: Date.now() + REMEMBER_MS });
  }
  return caller;
}
