// A Document Service `populate` (a string, a list of paths, '*', or an object) in object form, with
// a filter added on every relation, at any depth, whose target has one: so `/api/quotes?populate=
// article` or `/api/articles?populate[updates]=true` cannot reach a story its reader may not read.
import type { Core } from '@strapi/strapi';

type Populate = Record<string, unknown>;
type Filters = Record<string, unknown>;
/** The filter for the entries of a type that a populate may reach, or undefined for none. */
export type FilterFor = (targetUid: string) => Filters | undefined;

interface Attribute {
  type: string;
  target?: string;
  component?: string;
  private?: boolean;
}

const NEVER_EXPANDED = new Set(['createdBy', 'updatedBy', 'localizations']);

function attributesOf(strapi: Core.Strapi, uid: string): Record<string, Attribute> {
  const model = strapi.getModel(uid as never) as { attributes?: Record<string, Attribute> } | undefined;
  return model?.attributes ?? {};
}

const isTrue = (value: unknown) => value === true || value === 'true' || value === '*';

// 'a.b,c' and ['a.b', 'c'] as { a: { populate: { b: true } }, c: true }.
function fromPaths(paths: string[]): Populate {
  const populate: Populate = {};
  for (const path of paths.flatMap((entry) => entry.split(','))) {
    const [head, ...rest] = path.trim().split('.');
    if (!head) continue;
    if (rest.length === 0) {
      if (!(head in populate)) populate[head] = true;
      continue;
    }
    const current = populate[head];
    const nested = current && typeof current === 'object' ? (current as Populate) : {};
    const inner = (nested.populate as Populate | undefined) ?? {};
    populate[head] = { ...nested, populate: { ...inner, ...fromPaths([rest.join('.')]) } };
  }
  return populate;
}

function expandAll(strapi: Core.Strapi, uid: string): Populate {
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    if (attribute.private || NEVER_EXPANDED.has(name)) continue;
    if (['relation', 'component', 'media', 'dynamiczone'].includes(attribute.type)) populate[name] = true;
  }
  return populate;
}

const withFilter = (filters: unknown, added: Filters): Filters =>
  filters && typeof filters === 'object' && Object.keys(filters).length > 0 ? { $and: [filters, added] } : added;

/**
 * The populate with `filterFor(target)` added on each relation to a filtered type; anything that
 * reaches none is returned as it was.
 */
export function restrictPopulate(strapi: Core.Strapi, uid: string, populate: unknown, filterFor: FilterFor): unknown {
  if (populate === undefined || populate === null || populate === false) return populate;
  let object: Populate;
  if (isTrue(populate)) object = expandAll(strapi, uid);
  else if (typeof populate === 'string') object = fromPaths([populate]);
  else if (Array.isArray(populate)) object = fromPaths(populate.map(String));
  else if (typeof populate === 'object') object = populate as Populate;
  else return populate;
  const attributes = attributesOf(strapi, uid);
  const restricted: Populate = {};
  for (const [name, value] of Object.entries(object)) {
    const attribute = attributes[name];
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.component;
    if (!target || !value || value === 'false') {
      restricted[name] = value;
      continue;
    }
    const entry: Populate = isTrue(value) ? {} : typeof value === 'object' ? { ...(value as Populate) } : {};
    if (entry.populate !== undefined) entry.populate = restrictPopulate(strapi, target, entry.populate, filterFor);
    const added = attribute.type === 'relation' ? filterFor(target) : undefined;
    if (added) entry.filters = withFilter(entry.filters, added);
    restricted[name] = Object.keys(entry).length === 0 ? value : entry;
  }
  return restricted;
}

const LOGICAL = new Set(['$and', '$or']);

/**
 * The filters with `filterFor(target)` added inside every condition that follows a relation to a
 * filtered type, at any depth (`filters[updates][body][$containsi]=…`): a public read cannot ask
 * yes-or-no questions about a story it may not read. Conditions on the type's own fields, and
 * operators on a relation itself (`$null`), are kept as they were.
 */
export function restrictFilters(strapi: Core.Strapi, uid: string, filters: unknown, filterFor: FilterFor): unknown {
  if (Array.isArray(filters)) return filters.map((each) => restrictFilters(strapi, uid, each, filterFor));
  if (!filters || typeof filters !== 'object') return filters;
  const attributes = attributesOf(strapi, uid);
  const restricted: Filters = {};
  for (const [key, value] of Object.entries(filters as Filters)) {
    if (LOGICAL.has(key) || key === '$not') {
      restricted[key] = restrictFilters(strapi, uid, value, filterFor);
      continue;
    }
    const attribute = attributes[key];
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.component;
    if (!target || !value || typeof value !== 'object' || Array.isArray(value)) {
      restricted[key] = value;
      continue;
    }
    const inner = restrictFilters(strapi, target, value, filterFor) as Filters;
    const onFields = Object.keys(inner).some((name) => !name.startsWith('$') || LOGICAL.has(name) || name === '$not');
    const added = attribute.type === 'relation' && onFields ? filterFor(target) : undefined;
    restricted[key] = added ? { $and: [inner, added] } : inner;
  }
  return restricted;
}
