import type { Core } from '@strapi/strapi';
import { releaseBootLock } from './wiring/boot-lock';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await releaseBootLock(strapi);
};
