// Who is calling, as Strapi's content-API authentication left it in ctx.state.auth.
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
