// PostgreSQL advisory locks that make concurrent writers on several instances take turns.
import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';

const lockKey = (text: string) => createHash('sha256').update(text).digest().readInt32BE(0);

// Concurrent writers on PostgreSQL take turns per content type while they pick a slug.
export async function lockSlugs(strapi: Core.Strapi, uid: string): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  await strapi.db.transaction(({ trx }) => trx.raw('select pg_advisory_xact_lock(?)', [lockKey(uid)]));
}

// Concurrent writes to one document on PostgreSQL take turns: Strapi replaces an entry's credits
// by reading, deleting and inserting component rows, and two interleaved updates leave orphaned
// rows behind (and each would check the rules against a state the other is changing).
export async function lockDocument(strapi: Core.Strapi, uid: string, documentId: string | undefined): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres' || !documentId) return;
  await strapi.db.transaction(({ trx }) =>
    trx.raw('select pg_advisory_xact_lock(?, ?)', [lockKey(uid), lockKey(documentId)]),
  );
}
