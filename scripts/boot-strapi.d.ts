// Types of scripts/boot-strapi.js for the TypeScript callers (tests/helpers/strapi.ts).
import type { Server } from 'http';
import type { Core } from '@strapi/strapi';

export interface BootOptions {
  /** The app root; the compiled app is read from `<appDir>/dist`. */
  appDir: string;
  /** Mount the routes and listen here once loaded; false (the default) serves nothing. */
  serveHttp?: { host: string; port: number } | false;
  /** Level for Strapi's log transports; unset leaves Strapi's own. */
  logLevel?: string;
  serveAdminPanel?: boolean;
  /** Runs after createStrapi, before load(): the place to wrap a public API from outside. */
  beforeLoad?: (strapi: Core.Strapi) => void | Promise<void>;
}

export interface BootedStrapi<S extends Server | undefined = Server | undefined> {
  strapi: Core.Strapi;
  server: S;
  /** Waits for in-flight database work, then destroys the instance. */
  stop: () => Promise<void>;
}

export function bootStrapi(
  options: BootOptions & { serveHttp: { host: string; port: number } },
): Promise<BootedStrapi<Server>>;
export function bootStrapi(options: BootOptions): Promise<BootedStrapi>;
export function compileApp(options: { appDir: string; onlyIfStale?: boolean }): Promise<void>;
export function settled(strapi: Core.Strapi): Promise<void>;
