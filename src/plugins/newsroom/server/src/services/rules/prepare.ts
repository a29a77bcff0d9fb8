// Before a write: the pure rules clean its data (or the stored draft, at publish), slugs made unique.
import type { Core } from '@strapi/strapi';
import { prepareArticle, prepareQuote, prepareSource, prepareSubject, type WriteContext } from '#core/rules';
import { firstFreeSlug } from '#core/slug';
import { ARTICLE, QUOTE, SOURCE, SUBJECT } from '../../constants';
import { newsroomConfig } from '../../utils';
import { lockSlugs } from './locks';
import type { Data, Params } from './types';

export const PREPARE: Record<string, (data: Data, context: WriteContext) => Data> = {
  [ARTICLE]: prepareArticle,
  [QUOTE]: prepareQuote,
  [SOURCE]: prepareSource,
  [SUBJECT]: prepareSubject,
};
const SLUGGED = new Set([ARTICLE, SOURCE, SUBJECT]);
// The stored fields the rules clean, re-checked on the draft when it is published.
const RULED_FIELDS: Record<string, string[]> = {
  [ARTICLE]: ['title', 'body', 'lang', 'dir', 'slug'],
  [QUOTE]: ['text', 'speaker', 'speakerRole', 'context', 'lang', 'dir'],
  [SOURCE]: ['name', 'nameLatin', 'url', 'lang', 'dir', 'slug'],
  [SUBJECT]: ['name', 'nameLatin', 'code', 'lang', 'dir', 'slug'],
};

async function uniqueSlug(strapi: Core.Strapi, uid: string, base: string, documentId?: string): Promise<string> {
  await lockSlugs(strapi, uid);
  const rows = await strapi.db.query(uid).findMany({
    select: ['slug'],
    where: {
      $or: [{ slug: base }, { slug: { $startsWith: `${base}-` } }],
      ...(documentId ? { documentId: { $ne: documentId } } : {}),
    },
  });
  return firstFreeSlug(base, new Set(rows.map((row: { slug: string }) => row.slug)));
}

export async function prepareWrite(strapi: Core.Strapi, uid: string, action: string, params: Params): Promise<void> {
  const config = newsroomConfig(strapi);
  const { documentId } = params;
  const versions = documentId ? await strapi.db.query(uid).findMany({ where: { documentId } }) : [];
  const existing = versions.find((row: Data) => row.publishedAt === null) ?? versions[0];
  // A clone is a new document: its slug is its own, whatever the original's state.
  const cloning = action === 'clone';
  const published = !cloning && versions.some((row: Data) => row.publishedAt !== null && row.publishedAt !== undefined);
  const data = PREPARE[uid]((params.data as Data) ?? {}, { existing, published, config });
  if (SLUGGED.has(uid) && typeof data.slug === 'string' && (cloning || data.slug !== existing?.slug)) {
    data.slug = await uniqueSlug(strapi, uid, data.slug, cloning ? undefined : documentId);
  }
  params.data = data;
}

// Publishing copies the stored draft, whoever wrote it: the rules run on it again first, and what
// they clean is written back to the draft before the copy.
export async function reRuleDraft(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const versions: Data[] = await strapi.db.query(uid).findMany({ where: { documentId } });
  const draft = versions.find((row) => row.publishedAt === null);
  if (!draft) return;
  const stored = Object.fromEntries(RULED_FIELDS[uid].map((field) => [field, draft[field] ?? null]));
  const data = PREPARE[uid](stored, { published: false, config: newsroomConfig(strapi) });
  const changed = Object.fromEntries(
    Object.entries(data).filter(([field, value]) => field in stored && value !== undefined && value !== draft[field]),
  );
  if (typeof changed.slug === 'string') changed.slug = await uniqueSlug(strapi, uid, changed.slug, documentId);
  if (Object.keys(changed).length > 0) {
    await strapi.db.query(uid).update({ where: { id: draft.id }, data: changed });
  }
}
