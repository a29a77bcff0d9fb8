// One row in the database that changes whenever published content may have: the feeds' ETag and
// Last-Modified come from it, so every instance behind a CDN answers 304s from one cheap read.
import type { Core } from '@strapi/strapi';
import { randomBytes } from 'crypto';

const KEY = 'content-version';
const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'newsroom' });

export interface ContentVersion {
  tag: string;
  at: string;
}

// The core store's own row for this key (see @strapi/core's core-store service).
const STORE_ROW = { key: `plugin_newsroom_${KEY}`, environment: null, tag: null };

/** A new tag and time: one UPDATE on every write (the core store's set would read, write, re-read). */
export async function touchContentVersion(strapi: Core.Strapi): Promise<void> {
  const value: ContentVersion = { tag: randomBytes(8).toString('hex'), at: new Date().toISOString() };
  const { count } = await strapi.db
    .query('strapi::core-store')
    .updateMany({ where: STORE_ROW, data: { value: JSON.stringify(value), type: 'object' } });
  if (count === 0) await store(strapi).set({ key: KEY, value });
}

export async function readContentVersion(strapi: Core.Strapi): Promise<ContentVersion> {
  const version = (await store(strapi).get({ key: KEY })) as ContentVersion | null;
  if (version) return version;
  await touchContentVersion(strapi);
  return (await store(strapi).get({ key: KEY })) as ContentVersion;
}
