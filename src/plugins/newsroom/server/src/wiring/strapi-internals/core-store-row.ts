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
