// Who is calling, as Strapi's content-API authentication left it in ctx.state.auth.
import { apiTokenType } from './strapi-internals/authentication';

export const isFullAccessToken = (auth: unknown) => apiTokenType(auth) === 'full-access';
export const isReadOnlyToken = (auth: unknown) => apiTokenType(auth) === 'read-only';
