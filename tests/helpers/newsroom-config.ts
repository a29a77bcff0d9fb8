// The newsroom config as the app loads it, for unit tests of the pure core.
import newsroom from '../../config/newsroom';
import type { KnownOutlet } from '../../src/newsroom/dispatch';

const env = Object.assign((_name: string, fallback: unknown) => fallback, {
  array: (_name: string, fallback: unknown) => fallback,
  int: (_name: string, fallback: unknown) => fallback,
});

export const config = newsroom({ env }) as {
  requiredAgencies: string[];
  houseDistributor: string;
  maxBodyBytes: number;
  seedDispatches: string;
  knownOutlets: KnownOutlet[];
};
