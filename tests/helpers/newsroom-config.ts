// The newsroom config as the app loads it, for unit tests of the pure core.
import type { Core } from '@strapi/strapi';
import newsroom from '../../config/newsroom';
import type { KnownOutlet } from '../../src/newsroom/dispatch';

// Every setting at its default, whatever this machine's environment says.
const defaults = Object.assign((_name: string, fallback: unknown) => fallback, {
  array: (_name: string, fallback: unknown) => fallback,
  int: (_name: string, fallback: unknown) => fallback,
});

export const config = newsroom({ env: defaults as unknown as Core.Config.Shared.ConfigParams['env'] }) as {
  requiredAgencies: string[];
  houseDistributor: string;
  maxBodyBytes: number;
  seedDispatches: string;
  knownOutlets: KnownOutlet[];
};
