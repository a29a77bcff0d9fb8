// An Article's lifecycle on every write path (core/lifecycle does the deciding): before the write,
// its lifecycle fields settled against the stored draft (kill, embargo, append-only corrections);
// around a write that publishes, the version (1 at first publish, +1 per published change) and the
// first publication, kept on the draft too so a republish after an unpublish goes on counting.
import type { Core } from '@strapi/strapi';
import { firstPublishedAtOnPublish, instant, prepareLifecycle, versionOnPublish } from '#core/lifecycle';
import { ARTICLE } from '../../constants';
import type { Data, Params } from './types';

interface Row extends Data {
  id: number;
  publishedAt: string | null;
  version?: number | null;
  firstPublishedAt?: string | null;
}

// What a publish compares to tell a change from a republish of the same text: everything an
// editor writes, not the times, ids and fields the server keeps.
const NOT_CONTENT = new Set([
  'id',
  'documentId',
  'locale',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'version',
  'createdBy',
  'updatedBy',
  'quotes',
  'localizations',
]);
const populateContent = {
  credits: { populate: { source: { select: ['documentId'] } } },
  corrections: true,
  updates: { select: ['documentId'] },
} as const;

function fingerprint(row: Data | undefined): string | undefined {
  if (!row) return undefined;
  const content: Data = {};
  for (const [field, value] of Object.entries(row).sort(([a], [b]) => a.localeCompare(b))) {
    if (NOT_CONTENT.has(field)) continue;
    if (field === 'credits')
      content.credits = ((value as Data[] | null) ?? []).map((credit) => [
        credit.role,
        (credit.source as Data | null)?.documentId ?? null,
      ]);
    else if (field === 'corrections')
      content.corrections = ((value as Data[] | null) ?? []).map((correction) => [
        instant(correction.at as string),
        correction.note,
      ]);
    else if (field === 'updates') content.updates = (value as Data | null)?.documentId ?? null;
    else content[field] = value instanceof Date ? value.toISOString() : value;
  }
  return JSON.stringify(content);
}

async function versions(strapi: Core.Strapi, documentId: string): Promise<Row[]> {
  return strapi.db.query(ARTICLE).findMany({ where: { documentId }, populate: populateContent });
}

/** Before an Article create, update or clone: its lifecycle fields settled (may refuse). */
export async function prepareLifecycleWrite(strapi: Core.Strapi, action: string, params: Params): Promise<void> {
  const stored =
    action === 'update' && params.documentId
      ? await strapi.db.query(ARTICLE).findOne({
          where: { documentId: params.documentId, publishedAt: null },
          populate: { corrections: true },
        })
      : undefined;
  const data = prepareLifecycle((params.data as Data) ?? {}, stored ?? undefined, new Date());
  // A clone is a new story: it starts unpublished and unkilled, whatever the original's state. (It
  // keeps the original's corrections: Strapi's clone copies components whatever the data says.)
  params.data =
    action === 'clone'
      ? { pubStatus: 'usable', ednote: null, ...data, version: null, firstPublishedAt: null, killedAt: null }
      : data;
}

/** What the version after a publish is decided from, read before the write. */
export interface BeforePublish {
  published?: string;
  lastVersion: number | null;
  firstPublishedAt: string | null;
}

export async function beforePublish(strapi: Core.Strapi, documentId: string | undefined): Promise<BeforePublish> {
  if (!documentId) return { lastVersion: null, firstPublishedAt: null };
  const rows = await versions(strapi, documentId);
  const published = rows.find((row) => row.publishedAt);
  const draft = rows.find((row) => !row.publishedAt);
  // The draft keeps the last published version: it outlives an unpublish.
  const lastVersion = published?.version ?? draft?.version ?? null;
  return {
    published: fingerprint(published),
    lastVersion: Number.isInteger(lastVersion) && (lastVersion as number) >= 1 ? lastVersion : null,
    firstPublishedAt: published?.firstPublishedAt ?? draft?.firstPublishedAt ?? null,
  };
}

/** After a write that published: the version and first publication, on the draft and the published row. */
export async function settleVersion(
  strapi: Core.Strapi,
  documentId: string,
  before: BeforePublish,
  result?: Data,
): Promise<void> {
  const rows = await versions(strapi, documentId);
  const published = rows.find((row) => row.publishedAt);
  if (!published) return;
  const changed = before.published === undefined || fingerprint(published) !== before.published;
  const version = versionOnPublish(before.lastVersion, changed);
  const stamp = (value: unknown) => (value instanceof Date ? value.toISOString() : (value as string | null));
  const firstPublishedAt = firstPublishedAtOnPublish(stamp(before.firstPublishedAt), new Date());
  // The answer to this write shows them too.
  for (const entry of [result, ...((result?.entries as Data[] | undefined) ?? [])]) {
    if (entry && typeof entry === 'object') Object.assign(entry, { version, firstPublishedAt });
  }
  const stale = rows.filter((row) => row.version !== version || !row.firstPublishedAt);
  if (stale.length === 0) return;
  await strapi.db.query(ARTICLE).updateMany({
    where: { id: { $in: stale.map((row) => row.id) } },
    data: { version, firstPublishedAt },
  });
}
