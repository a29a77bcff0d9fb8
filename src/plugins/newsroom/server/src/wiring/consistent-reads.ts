// On PostgreSQL a Document Service read is several queries (the entry, then its components and
// relations). Under the default READ COMMITTED isolation a write that commits between them (an
// update republishes: new rows, new credits) lets a reader see an article with no credits at all.
// Each read of a newsroom type therefore runs in one REPEATABLE READ snapshot. SQLite has a single
// connection here, so its reads never interleave with a write.
import type { Core } from '@strapi/strapi';
import { ARTICLE, QUOTE, SOURCE } from './config';

const SNAPSHOT_TYPES = new Set([ARTICLE, QUOTE, SOURCE]);
const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'count']);

export const consistentReads =
  (strapi: Core.Strapi) => async (ctx: { uid: string; action: string }, next: () => Promise<unknown>) => {
    if (
      strapi.db.dialect.client !== 'postgres' ||
      !SNAPSHOT_TYPES.has(ctx.uid) ||
      !READ_ACTIONS.has(ctx.action) ||
      strapi.db.inTransaction()
    ) {
      return next();
    }
    return strapi.db.transaction(async ({ trx }) => {
      await trx.raw('set transaction isolation level repeatable read');
      return next();
    });
  };
