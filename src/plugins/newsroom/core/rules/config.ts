// What the rules need to know of the newsroom's settings, and of the write they judge.
import type { Data } from './fields';

export interface NewsroomConfig {
  requiredAgencies: string[];
  houseDistributor: string;
  maxBodyBytes: number;
}

export interface WriteContext {
  existing?: Data;
  /** The document has a published version, so its slug is fixed. */
  published: boolean;
  config: NewsroomConfig;
}
