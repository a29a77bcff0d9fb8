// Stories published before the lifecycle fields existed get version 1 and their publication as
// the first, so their next published change is version 2. Not an internal migration: those run
// before the schema sync, when the new columns do not exist yet. It runs in bootstrap, after the
// sync, and does nothing once every published story has a version (one query).
import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../constants';

interface Row {
  documentId: string;
  publishedAt: string | Date;
}

export async function backfillVersions(strapi: Core.Strapi): Promise<number> {
  const rows: Row[] = await strapi.db.query(ARTICLE).findMany({
    select: ['documentId', 'publishedAt'],
    where: { publishedAt: { $notNull: true }, version: { $null: true } },
  });
  for (const row of rows) {
    await strapi.db.query(ARTICLE).updateMany({
      where: { documentId: row.documentId, version: { $null: true } },
      data: { version: 1, firstPublishedAt: new Date(row.publishedAt) },
    });
  }
  return rows.length;
}
