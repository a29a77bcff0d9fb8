// Several instances may boot at once on one PostgreSQL database (a rolling deploy, a scaled
// service). Strapi's schema sync and the plugins' bootstraps (roles, permissions) are not safe to
// run twice at the same moment, and neither is the seed, so instances boot one after the other:
// each holds a session advisory lock from register() until its own bootstrap() has finished.
import type { Core } from '@strapi/strapi';

const BOOT_LOCK_KEY = 0x6e657773 + 1;
const held = new WeakMap<Core.Strapi, unknown>();

export async function acquireBootLock(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres' || held.has(strapi)) return;
  // A connection of its own: the lock belongs to a session, and Strapi's queries use the pool.
  const client = (strapi.db.connection as any).client;
  const connection = await client.acquireConnection();
  try {
    await strapi.db.connection.raw('select pg_advisory_lock(?)', [BOOT_LOCK_KEY]).connection(connection);
  } catch (error) {
    await client.releaseConnection(connection);
    throw error;
  }
  held.set(strapi, connection);
}

/** Idempotent: bootstrap() releases the lock, and destroy() again in case bootstrap never ran. */
export async function releaseBootLock(strapi: Core.Strapi): Promise<void> {
  const connection = held.get(strapi);
  if (!connection) return;
  held.delete(strapi);
  const client = (strapi.db.connection as any).client;
  try {
    await strapi.db.connection.raw('select pg_advisory_unlock(?)', [BOOT_LOCK_KEY]).connection(connection);
  } finally {
    await client.releaseConnection(connection);
  }
}
