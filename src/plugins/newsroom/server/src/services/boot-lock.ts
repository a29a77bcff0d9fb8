// Several instances may boot at once on one PostgreSQL database (a rolling deploy, a scaled
// service). Strapi's schema sync and the plugins' bootstraps (roles, permissions) are not safe to
// run twice at the same moment, and neither is the seed, so instances boot one after the other:
// each holds an advisory lock from the newsroom's register() until the instance is loaded, that is
// after the admin's bootstrap (roles, permissions, API tokens) and the app's, which Strapi runs
// after the plugins' bootstraps.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const BOOT_LOCK_KEY = 0x6e657773 + 1;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The open transaction that holds the lock, from acquire() until release().
  let held: Knex.Transaction | undefined;

  async function acquire(): Promise<void> {
    if (strapi.db.dialect.client !== 'postgres' || held) return;
    // An open knex transaction (documented knex API on the documented strapi.db.connection) keeps
    // one connection of its own; the lock lives until it commits. Strapi's queries use the pool.
    const transaction = await strapi.db.connection.transaction();
    try {
      await transaction.raw('select pg_advisory_xact_lock(?)', [BOOT_LOCK_KEY]);
    } catch (error) {
      await transaction.rollback().catch(() => undefined);
      throw error;
    }
    held = transaction;
  }

  /** Idempotent: bootstrap() releases the lock, and destroy() again in case bootstrap never ran. */
  async function release(): Promise<void> {
    const transaction = held;
    if (!transaction) return;
    held = undefined;
    // Ending the transaction releases the lock and gives its connection back to the pool.
    if (!transaction.isCompleted()) await transaction.commit();
  }

  /** Releases the lock once Strapi has finished loading this instance (strapi.isLoaded). */
  function releaseWhenLoaded(): void {
    const check = () => {
      if (!held) return; // released already (destroy after a failed boot)
      if (!strapi.isLoaded) {
        setTimeout(check, 5).unref();
        return;
      }
      release().catch((error) => strapi.log.error(`newsroom: releasing the boot lock failed: ${error}`));
    };
    check();
  }

  return { acquire, release, releaseWhenLoaded };
};
