// The newsroom's options as this app gives them to the plugin (config/plugins.ts, every setting at
// its default whatever this machine's environment says), for unit tests of the pure core.
import type { Core } from '@strapi/strapi';
import plugins from '../../config/plugins';
import { withDefaultLists, type NewsroomOptions } from '../../src/plugins/newsroom/server/src/config';

const defaults = Object.assign((_name: string, fallback: unknown) => fallback, {
  array: (_name: string, fallback: unknown) => fallback,
  int: (_name: string, fallback: unknown) => fallback,
  bool: (_name: string, fallback: unknown) => fallback,
});

const hostConfig = plugins({ env: defaults as unknown as Core.Config.Shared.ConfigParams['env'] }).newsroom.config;

export const config: NewsroomOptions = withDefaultLists(hostConfig as unknown as Record<string, unknown>);
