// The one in-process Strapi the injection, malformed-request and permission sections share.
import request from 'supertest';
import { adminToken, apiToken, sourceId, type TestApp } from '../helpers/strapi';
import { seen } from './support';

export interface Shared {
  app: TestApp;
  fullAccess: string;
  readOnly: string;
  admin: string;
  sputnik: string;
  ppn: string;
}

export async function prepareShared(app: TestApp): Promise<Shared> {
  // startStrapi() listens once: supertest would otherwise listen per request, and concurrent requests clash.
  const [fullAccess, readOnly, admin, sputnik, ppn] = await Promise.all([
    apiToken(app.strapi, 'full-access'),
    apiToken(app.strapi, 'read-only'),
    adminToken(app.strapi, app.server),
    sourceId(app.strapi, 'sputnik'),
    sourceId(app.strapi, 'pakistan-point-news'),
  ]);
  return { app, fullAccess, readOnly, admin, sputnik, ppn };
}

type Method = 'get' | 'post' | 'put' | 'delete';

/** One observed request: every response is counted and scanned for 5xx and leaks. */
export async function call(
  shared: Shared,
  method: Method,
  url: string,
  {
    token,
    body,
    headers = {},
    label = `${method.toUpperCase()} ${url.slice(0, 80)}`,
  }: { token?: string; body?: unknown; headers?: Record<string, string> } & {
    label?: string;
  } = {},
) {
  let pending = request(shared.app.server)[method](url);
  if (token) pending = pending.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(headers)) pending = pending.set(name, value);
  if (body !== undefined) pending = pending.send(body as object);
  return seen(label, await pending);
}

export const agencyCredits = (shared: Shared) => [
  { role: 'originator', source: shared.sputnik },
  { role: 'distributor', source: shared.ppn },
];
