// One row in the database that changes whenever published content may have: the feeds' ETag and
// Last-Modified come from it, so every instance behind a CDN answers 304s from one cheap read.
import type { Core } from '@strapi/strapi';
import { randomBytes } from 'crypto';
import { FreshRead } from '#core/cache/fresh-read';
import { readStoredObject, updateStoredObject, type StoreAddress } from '../utils/strapi-internals/core-store-row';

const ADDRESS: StoreAddress = { type: 'plugin', name: 'newsroom', key: 'content-version' };

export interface ContentVersion {
  tag: string;
  at: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: ADDRESS.type, name: ADDRESS.name });

  /** A new tag and time: one UPDATE on every write (the core store's set would read, write, re-read). */
  async function touch(): Promise<void> {
    const value: ContentVersion = { tag: randomBytes(8).toString('hex'), at: new Date().toISOString() };
    if (!(await updateStoredObject(strapi, ADDRESS, value))) await store().set({ key: ADDRESS.key, value });
  }

  async function readStoredVersion(): Promise<ContentVersion> {
    const version = await readStoredObject<ContentVersion>(strapi, ADDRESS);
    if (version) return version;
    await touch();
    return (await store().get({ key: ADDRESS.key })) as ContentVersion;
  }

  // Concurrent callers share one SELECT, so a burst of public reads costs one or two queries, not one each.
  const reader = new FreshRead(readStoredVersion);

  return {
    touch,
    /** The version as the database holds it after the call began. */
    read: (): Promise<ContentVersion> => reader.get(),
  };
};
