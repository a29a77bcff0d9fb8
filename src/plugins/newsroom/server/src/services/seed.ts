// Bootstrap seed: the dispatches in the host's seedDispatches folder go through the importer, so each is
// imported once per database (the importer's content-hash marker, kept in Strapi's core store);
// a restart or an editor's later edits are respected.
import type { Core } from '@strapi/strapi';
import { existsSync } from 'fs';
import path from 'path';
import { MEDIA_TOPICS } from '#core/subjects/media-topics';
import { SOURCE, SUBJECT } from '../constants';
import { getService, newsroomConfig } from '../utils';

// The seed dispatch's two agencies and the rights partners must print with their stories; set once,
// where a Source has none, so an editor's own wording stays.
export const SEED_RIGHTS: Record<string, { copyrightNotice: string; usageTerms: string }> = {
  sputnik: {
    copyrightNotice: '© Sputnik (Rossiya Segodnya). All rights reserved.',
    usageTerms: 'Licensed to Pakistan Point News for syndication; credit Sputnik (سبوتنيك) in every use.',
  },
  'pakistan-point-news': {
    copyrightNotice: '© Pakistan Point News. All rights reserved.',
    usageTerms: 'Syndication partners may republish in full, crediting Pakistan Point News (پاکستان پوائنٹ نیوز).',
  },
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The 17 top-level IPTC Media Topics, once per database (a marker in Strapi's core store): an
   * editor's renamed or deleted topic stays as the editor left it; a topic whose code is there is
   * not made twice.
   */
  async seedSubjects(): Promise<void> {
    const store = strapi.store({ type: 'plugin', name: 'newsroom', key: 'media-topics-seeded' });
    if (await store.get({})) return;
    const subjects = strapi.documents(SUBJECT);
    const present = new Set(
      ((await subjects.findMany({ fields: ['code'], limit: -1 })) as Array<{ code?: string | null }>).map(
        (subject) => subject.code,
      ),
    );
    for (const topic of MEDIA_TOPICS) {
      if (!present.has(topic.code)) await subjects.create({ data: { ...topic } });
    }
    await store.set({ value: new Date().toISOString() });
  },

  /** The seed agencies' copyright notice and usage terms, on each Source that has none. */
  async seedRights(): Promise<void> {
    const sources = strapi.documents(SOURCE);
    for (const [slug, rights] of Object.entries(SEED_RIGHTS)) {
      const source = await sources.findFirst({ filters: { slug }, fields: ['copyrightNotice', 'usageTerms'] });
      if (!source) continue;
      const missing = Object.fromEntries(
        Object.entries(rights).filter(([field]) => !(source as Record<string, unknown>)[field]),
      );
      if (Object.keys(missing).length > 0) await sources.update({ documentId: source.documentId, data: missing });
    }
  },

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
    await this.seedRights();
    for (const result of report.results) {
      const file = path.basename(result.file);
      if (result.outcome === 'failed') strapi.log.error(`newsroom: seed ${file} failed: ${result.message}`);
      else if (result.draftReason) strapi.log.warn(`newsroom: seeded ${file} as a draft: ${result.draftReason}`);
      else if (result.outcome === 'created') strapi.log.info(`newsroom: seeded ${file}: ${result.message}`);
    }
  },
});
