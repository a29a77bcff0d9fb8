// The newsroom's REST paths are /api/articles, /api/quotes and /api/sources. Strapi checks that
// plural names are unique among an app's own types only, and serves an app's routes before a
// plugin's, so an app type with one of these names would silently hide the newsroom's API.
import type { Core } from '@strapi/strapi';

interface TypeInfo {
  uid: string;
  info?: { pluralName?: string; singularName?: string };
}

/** The app's own types that would take one of the newsroom's REST paths. */
export function clashingTypes(types: TypeInfo[], ours: TypeInfo[]): string[] {
  const names = new Set(ours.flatMap((type) => [type.info?.pluralName, type.info?.singularName]));
  return types
    .filter((type) => type.uid.startsWith('api::'))
    .filter((type) => names.has(type.info?.pluralName) || names.has(type.info?.singularName))
    .map((type) => type.uid);
}

export function refuseRouteClash(strapi: Core.Strapi, ours: TypeInfo[]): void {
  const all = Object.entries(strapi.contentTypes).map(([uid, type]) => ({ uid, info: type.info }));
  const clashing = clashingTypes(all, ours);
  if (clashing.length === 0) return;
  throw new Error(
    `newsroom: ${clashing.join(', ')} take${clashing.length === 1 ? 's' : ''} the REST path of a newsroom type ` +
      '(/api/articles, /api/quotes or /api/sources); rename the app type (its singularName and pluralName) ' +
      'or remove it before enabling the newsroom plugin.',
  );
}
