// Reaches into: the core store's table (`strapi::core-store`) and the private row format that
// `strapi.store(...).get/set` use (see @strapi/core dist/services/core-store.js). Public
// `strapi.store().set` costs a find, an update, a transaction and a re-read; a hot path that writes
// on every content change needs one UPDATE. tests/api/strapi-internals.test.ts fails if the format
// changes (this file's rows and strapi.store() must read and write the same values).
import type { Core } from '@strapi/strapi';

const CORE_STORE = 'strapi::core-store';

export interface StoreAddress {
  type: 'plugin' | 'core' | 'api';
  name?: string;
  key: string;
}

/** The row `strapi.store({ type, name }).get({ key })` reads (no environment, no tag). */
export function coreStoreWhere({ type, name, key }: StoreAddress) {
  return { key: `${type}${name ? `_${name}` : ''}_${key}`, environment: null, tag: null };
}

/**
 * Overwrite an object value that is already stored, in one UPDATE; false when there is no row yet
 * (the caller then creates it with the public `strapi.store().set`).
 */
export async function updateStoredObject(strapi: Core.Strapi, address: StoreAddress, value: object): Promise<boolean> {
  const { count } = await strapi.db
    .query(CORE_STORE)
    .updateMany({ where: coreStoreWhere(address), data: { value: JSON.stringify(value), type: 'object' } });
  return count > 0;
}

/**
 * Read an object value in one SELECT through knex (the public `strapi.store().get` goes through
 * the query engine: several times slower, and the response cache reads the content version on
 * every public request); undefined when there is no row.
 */
export async function readStoredObject<T>(strapi: Core.Strapi, address: StoreAddress): Promise<T | undefined> {
  const { tableName } = strapi.db.metadata.get(CORE_STORE);
  const where = coreStoreWhere(address);
  const row = await strapi.db
    .connection(tableName)
    .where('key', where.key)
    .whereNull('environment')
    .whereNull('tag')
    .first('value');
  if (!row) return undefined;
  return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as T;
}

/** The newest rows stored under `key*` (the store keeps no date: its ids grow), newest first. */
export async function latestStoredObjects<T>(
  strapi: Core.Strapi,
  { type, name, key }: StoreAddress,
  limit: number,
): Promise<T[]> {
  const prefix = coreStoreWhere({ type, name, key }).key;
  const rows: Array<{ value: unknown }> = await strapi.db.query(CORE_STORE).findMany({
    select: ['value'],
    where: { key: { $startsWith: prefix }, environment: null, tag: null },
    orderBy: { id: 'desc' },
    limit,
  });
  return rows.map((row) => (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as T);
}
