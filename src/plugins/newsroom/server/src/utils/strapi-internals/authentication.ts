// Reaches into: Strapi's authentication as it leaves ctx.state.auth (the API token strategy's
// name, the token's `type` in its credentials) and the undocumented verifiers behind it: the admin
// session manager, the admin's content-API token service, the Users & Permissions `jwt` service.
// tests/api/strapi-internals.test.ts fails if an upgrade renames or reshapes any of them.
import type { Core } from '@strapi/strapi';

// Strapi 5 names its API token strategy 'content-api-token' ('api-token' in v4).
export const API_TOKEN_STRATEGIES: ReadonlySet<string> = new Set(['content-api-token', 'api-token']);
// 'admin::api-token' is the deprecated alias of this service in Strapi 5.
export const API_TOKEN_SERVICE = 'admin::api-token-content-api';

interface Auth {
  strategy?: { name?: string };
  credentials?: { type?: string };
}

/** True when an admin panel session (not a token or a reader) authenticated the request. */
export function isAdminSession(auth: unknown): boolean {
  return (auth as Auth | undefined)?.strategy?.name === 'admin';
}

/** The API token's type ('full-access', 'read-only', 'custom') when an API token authenticated. */
export function apiTokenType(auth: unknown): string | undefined {
  const { strategy, credentials } = (auth ?? {}) as Auth;
  return API_TOKEN_STRATEGIES.has(strategy?.name ?? '') ? credentials?.type : undefined;
}

interface ApiTokenService {
  hash(token: string): string;
  getByAccessKey(
    hash: string,
  ): Promise<{ id: number | string; name?: string; expiresAt?: string | Date | null } | null>;
}

/**
 * The API token a bearer string is, as Strapi's own strategy accepts it: known by its hash and not
 * expired (`expiresAt` in the past is refused there too); null otherwise.
 */
export async function validApiToken(
  strapi: Core.Strapi,
  token: string,
): Promise<{ id: number | string; name?: string } | null> {
  const tokens = strapi.service(API_TOKEN_SERVICE) as unknown as ApiTokenService;
  const found = await tokens.getByAccessKey(tokens.hash(token));
  if (!found) return null;
  const expires = found.expiresAt ? new Date(found.expiresAt).getTime() : undefined;
  return expires !== undefined && expires <= Date.now() ? null : found;
}
interface JwtService {
  verify(token: string): Promise<{ id?: number | string } | undefined>;
}

/** Who a bearer token proves the caller to be (`admin:…`, `token:…`, `user:…`), or null. */
export async function identifyBearer(strapi: Core.Strapi, token: string): Promise<string | null> {
  try {
    const admin = strapi.sessionManager('admin').validateAccessToken(token);
    if (admin.isValid) return `admin:${admin.payload.userId}`;
  } catch {
    // Not an admin access token.
  }
  const apiToken = await validApiToken(strapi, token);
  if (apiToken) return `token:${apiToken.id}`;
  try {
    const jwt = strapi.plugin('users-permissions')?.service('jwt') as JwtService | undefined;
    const user = await jwt?.verify(token);
    if (user?.id !== undefined) return `user:${user.id}`;
  } catch {
    // Not a reader's token either.
  }
  return null;
}
