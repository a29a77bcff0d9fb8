// Bootstrap seed: the dispatches in the host's seedDispatches folder go through the importer, so each is
// imported once per database (the importer's content-hash marker, kept in Strapi's core store);
// a restart or an editor's later edits are respected.
import type { Core } from '@strapi/strapi';
import { existsSync } from 'fs';
import path from 'path';
import { getService, newsroomConfig } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seedDispatches(): Promise<void> {
    const configured = newsroomConfig(strapi).seedDispatches;
    if (configured === null) return; // the host asked for no seed
    const folder = path.resolve(strapi.dirs.app.root, configured);
    if (!existsSync(folder)) {
      throw new Error(
        `newsroom: seedDispatches names ${folder}, which does not exist; name a folder of dispatches, or null for no seed`,
      );
    }
    const report = await getService('importer', { strapi }).importFiles([folder], { status: 'published' });
    for (const result of report.results) {
      const file = path.basename(result.file);
      if (result.outcome === 'failed') strapi.log.error(`newsroom: seed ${file} failed: ${result.message}`);
      else if (result.draftReason) strapi.log.warn(`newsroom: seeded ${file} as a draft: ${result.draftReason}`);
      else if (result.outcome === 'created') strapi.log.info(`newsroom: seeded ${file}: ${result.message}`);
    }
  },
});
