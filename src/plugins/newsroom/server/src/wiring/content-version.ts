// One row in the database that changes whenever published content may have: the feeds' ETag and
// Last-Modified come from it, so every instance behind a CDN answers 304s from one cheap read.
import type { Core } from '@strapi/strapi';
import { randomBytes } from 'crypto';
import { FreshRead } from '../../../core/cache/fresh-read';
import { readStoredObject, updateStoredObject, type StoreAddress } from './strapi-internals/core-store-row';

const ADDRESS: StoreAddress = { type: 'plugin', name: 'newsroom', key: 'content-version' };
const store = (strapi: Core.Strapi) => strapi.store({ type: ADDRESS.type, name: ADDRESS.name });

export interface ContentVersion {
  tag: string;
  at: string;
}

/** A new tag and time: one UPDATE on every write (the core store's set would read, write, re-read). */
export async function touchContentVersion(strapi: Core.Strapi): Promise<void> {
  const value: ContentVersion = { tag: randomBytes(8).toString('hex'), at: new Date().toISOString() };
  if (!(await updateStoredObject(strapi, ADDRESS, value))) await store(strapi).set({ key: ADDRESS.key, value });
}

async function readStoredVersion(strapi: Core.Strapi): Promise<ContentVersion> {
  const version = await readStoredObject<ContentVersion>(strapi, ADDRESS);
  if (version) return version;
  await touchContentVersion(strapi);
  return (await store(strapi).get({ key: ADDRESS.key })) as ContentVersion;
}

const readers = new WeakMap<Core.Strapi, FreshRead<ContentVersion>>();

/**
 * The version as the database holds it after the call began: concurrent callers share one SELECT
 * (FreshRead), so a burst of public reads costs one or two queries, not one each.
 */
export function readContentVersion(strapi: Core.Strapi): Promise<ContentVersion> {
  let reader = readers.get(strapi);
  if (!reader) {
    reader = new FreshRead(() => readStoredVersion(strapi));
    readers.set(strapi, reader);
  }
  return reader.get();
}
