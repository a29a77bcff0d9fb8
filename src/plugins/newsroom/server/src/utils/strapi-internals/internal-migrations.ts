// Reaches into: the database's internal migration provider (`strapi.db.migrations.providers
// .internal`), the way Strapi's own admin and content-releases plugins run a data migration once;
// a plugin cannot use the app's database/migrations folder. Each name runs once, inside the schema
// sync's transaction, before the sync and the clean-ups that would delete rows naming old UIDs.
// tests/api/continuity.test.ts fails if an upgrade stops running it.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export function registerInternalMigration(strapi: Core.Strapi, name: string, up: (knex: Knex) => Promise<void>): void {
  strapi.db.migrations.providers.internal.register({
    name,
    up,
    async down() {
      throw new Error(`${name} cannot be undone; restore the database backup taken before the upgrade`);
    },
  });
}
