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

export async function touchContentVersion(strapi: Core.Strapi): Promise<void> {
  await store(strapi).set({ key: KEY, value: { tag: randomBytes(8).toString('hex'), at: new Date().toISOString() } });
}

export async function readContentVersion(strapi: Core.Strapi): Promise<ContentVersion> {
  const version = (await store(strapi).get({ key: KEY })) as ContentVersion | null;
  if (version) return version;
  await touchContentVersion(strapi);
  return (await store(strapi).get({ key: KEY })) as ContentVersion;
}
