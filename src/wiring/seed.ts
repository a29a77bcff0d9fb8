// Bootstrap seed: each dispatch under database/dispatches is imported once per database. The
// marker is kept in Strapi's core store, so a restart or an editor's later edits are respected.
import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { parseDispatch } from '../newsroom/dispatch';
import { newsroomConfig } from './config';
import { importDispatch } from './import-dispatch';

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'newsroom' });

export function dispatchKey(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

// Two instances booting together on one PostgreSQL database seed one after the other.
async function lockSeed(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  await strapi.db.transaction(({ trx }) => trx.raw('select pg_advisory_xact_lock(?)', [0x6e657773]));
}

export async function seedDispatches(strapi: Core.Strapi): Promise<void> {
  const config = newsroomConfig(strapi);
  const folder = path.resolve(strapi.dirs.app.root, config.seedDispatches);
  const files = (await fs.readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.txt')).sort();
  for (const file of files) {
    const text = await fs.readFile(path.join(folder, file), 'utf8');
    const key = `seeded:${dispatchKey(text)}`;
    await strapi.db.transaction(async () => {
      await lockSeed(strapi);
      if (await store(strapi).get({ key })) return;
      const result = await importDispatch(strapi, parseDispatch(text, config.knownOutlets), { status: 'published' });
      await store(strapi).set({
        key,
        value: { file, article: result.articleDocumentId, at: new Date().toISOString() },
      });
      strapi.log.info(`newsroom: seeded ${file} (article ${result.articleDocumentId}, ${result.quotes} quotes)`);
    });
  }
}
