// The language an editor reads the admin panel in, so that a refusal reaches them in it alone.
// The newsroom's admin sends it with each request (admin/src/strapi-internals/interface-direction.ts);
// an admin's saved preference is the fallback. Tokens and readers keep the API's two languages.
import type { Core } from '@strapi/strapi';
import { INTERFACE_LANGUAGE_HEADER, messageLanguageOf } from '#core/interface-language';
import type { MessageLanguage } from '#core/rules/violation';
import { isAdminSession } from './strapi-internals/authentication';

interface RequestState {
  auth?: unknown;
  user?: { preferedLanguage?: string | null };
}

/** The interface language of the admin session behind the current request, if there is one. */
export function editorLanguage(strapi: Core.Strapi): MessageLanguage | undefined {
  const ctx = strapi.requestContext.get();
  const state = ctx?.state as RequestState | undefined;
  if (!ctx || !isAdminSession(state?.auth)) return undefined;
  const asked = ctx.get(INTERFACE_LANGUAGE_HEADER) || state?.user?.preferedLanguage;
  return asked ? messageLanguageOf(asked) : undefined;
}
