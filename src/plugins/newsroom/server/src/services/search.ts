// Search of the newsroom (core/search decides what matches): the index kept in the transaction of
// every write of ours (middlewares/documents.ts calls indexDocument), made and filled at boot for a
// database that has none (bootstrap), rebuilt whole on request (`newsroom-search-reindex`), and
// the ranked, read-filtered answers of GET /api/search.
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  fts5Expression,
  queryTerms,
  searchEntry,
  searchSnippet,
  SEARCHED_FIELDS,
  snippetTexts,
  tsqueryExpression,
  tsrankTerms,
  type SearchableRow,
  type SearchKind,
} from '#core/search';
import { makeSlug, normalizeArabic } from '#core/slug';
import type { Audience } from '#core/lifecycle';
import { ARTICLE, QUOTE, SOURCE } from '../constants';
import { outletGazetteer } from '../config';
import {
  createSearchIndex,
  ENTRIES,
  FTS,
  POSTGRES_TERMS,
  PUBLIC_FTS,
  searchDialect,
  type SearchDialect,
} from '../migrations/1.2.0-search-index';
import { getService, newsroomConfig } from '../utils';

export const SEARCH_KINDS: Record<SearchKind, UID.ContentType> = {
  article: ARTICLE,
  quote: QUOTE,
  source: SOURCE,
};
const KIND_OF: Record<string, SearchKind> = { [ARTICLE]: 'article', [QUOTE]: 'quote', [SOURCE]: 'source' };

// Rows are indexed this many at a time when the whole index is rebuilt.
const BATCH = 500;
// BM25 weights of the heading and text columns (SQLite); PostgreSQL weighs them A and B.
const HEADING_WEIGHT = 4;

type Row = SearchableRow & { id: number; documentId: string; slug?: string | null };

export interface SearchRequest {
  q: string;
  kind: SearchKind;
  page: number;
  pageSize: number;
  status: 'published' | 'draft';
  /** Who reads a published search (the lifecycle's read filter); none for a draft search. */
  audience?: Audience;
}

export interface SearchHit {
  documentId: string;
  type: SearchKind;
  title?: string;
  text?: string;
  speaker?: string | null;
  name?: string;
  slug?: string | null;
  snippet: string;
  score: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const dialect = (): SearchDialect | undefined => searchDialect(strapi.db.dialect.client);
  const tableOf = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const columnOf = (uid: string, attribute: string) =>
    (strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  const draftAndPublish = (uid: string) =>
    strapi.contentTypes[uid as UID.ContentType]?.options?.draftAndPublish !== false;

  // A Source is found by every name the newsroom knows it by (its agency's other spellings).
  function aliasesOf(kind: SearchKind, row: Row): string[] {
    if (kind !== 'source') return [];
    const name = normalizeArabic(row.name ?? '');
    const outlet = outletGazetteer(newsroomConfig(strapi)).find(
      (known) =>
        (row.slug && makeSlug(known.nameLatin) === row.slug) ||
        known.names.some((alias) => normalizeArabic(alias) === name),
    );
    return outlet ? [...outlet.names, outlet.nameLatin] : [];
  }

  const selected = (kind: SearchKind) => [
    'id',
    'documentId',
    ...(kind === 'quote' ? [] : ['slug']),
    ...SEARCHED_FIELDS[kind],
  ];

  // Replaces the entries of `rows` and of the documents named (whose versions may be gone) and
  // the rows' admin search text, in the caller's transaction.
  async function writeEntries(trx: Knex, uid: string, rows: Row[], documentIds: string[]): Promise<void> {
    const kind = KIND_OF[uid];
    if (documentIds.length > 0) await trx(ENTRIES).where('kind', kind).whereIn('document_id', documentIds).delete();
    const ids = rows.map((row) => row.id);
    if (ids.length > 0) await trx(ENTRIES).where('kind', kind).whereIn('row_id', ids).delete();
    const table = tableOf(uid);
    const searchTextColumn = columnOf(uid, 'searchText');
    // What the public reads now is marked as it is written (refreshPublic keeps it so as time
    // passes): no second write of the entries, so no dead rows on PostgreSQL.
    const readable = new Set(
      ids.length === 0
        ? []
        : (
            (await trx
              .from(readableRows(uid, 'published', 'public').as('readable'))
              .whereIn('id', ids)
              .select('id')) as Array<{ id: number }>
          ).map((row) => Number(row.id)),
    );
    const entries = [];
    for (const row of rows) {
      const entry = searchEntry(kind, row, aliasesOf(kind, row));
      await trx(table)
        .where('id', row.id)
        .update({ [searchTextColumn]: entry.searchText });
      // SQLite keeps the terms (its full-text tables read them); PostgreSQL their vector.
      const terms =
        dialect() === 'postgres'
          ? { terms: trx.raw(POSTGRES_TERMS, [entry.titleTerms, entry.bodyTerms]) }
          : { title_terms: entry.titleTerms, body_terms: entry.bodyTerms };
      entries.push({
        kind,
        row_id: row.id,
        document_id: row.documentId,
        public: publicValue(readable.has(row.id)),
        ...terms,
      });
    }
    for (let start = 0; start < entries.length; start += 100)
      await trx(ENTRIES).insert(entries.slice(start, start + 100));
  }

  // `public` as each database stores it: an integer on SQLite, a boolean on PostgreSQL.
  const publicValue = (readable: boolean) => (dialect() === 'postgres' ? readable : readable ? 1 : 0);

  async function readRows(uid: string, where: Record<string, unknown>, limit?: number) {
    return (await strapi.db.query(uid as UID.Schema).findMany({
      select: selected(KIND_OF[uid]),
      where,
      orderBy: { id: 'asc' },
      limit,
    })) as Row[];
  }

  // What `request` may read, in Strapi's filter syntax.
  function readableWhere(
    uid: string,
    status: 'published' | 'draft',
    audience: Audience | undefined,
  ): Record<string, unknown> {
    const conditions: Array<Record<string, unknown>> = [];
    if (draftAndPublish(uid))
      conditions.push({ publishedAt: status === 'draft' ? { $null: true } : { $notNull: true } });
    if (status === 'published') {
      const filter = getService('lifecycle', { strapi }).readFilter(uid, new Date(), audience ?? 'public');
      if (filter) conditions.push(filter);
    }
    return conditions.length > 0 ? { $and: conditions } : {};
  }

  // The same, as a subquery of the type's row ids.
  function readableRows(uid: string, status: 'published' | 'draft', audience: Audience | undefined): Knex.QueryBuilder {
    return strapi.db.entityManager
      .createQueryBuilder(uid as UID.Schema)
      .select('id')
      .where(readableWhere(uid, status, audience))
      .getKnexQuery() as Knex.QueryBuilder;
  }

  // The rank of an entry on PostgreSQL: each word's ts_rank, summed (core/search's tsrankTerms).
  const postgresRank = (terms: ReturnType<typeof queryTerms>) => {
    const words = tsrankTerms(terms);
    return {
      sql: `(${words.map(() => "ts_rank(e.terms, to_tsquery('simple', ?))").join(' + ')})`,
      bindings: words,
    };
  };

  // One page of the entries that match, best first, and how many match.
  async function rankedEntries(
    request: SearchRequest,
    terms: ReturnType<typeof queryTerms>,
    current: SearchDialect,
    publicSearch: boolean,
  ): Promise<{ ranked: Array<{ rowId: number; score: number }>; total: number }> {
    const knex = strapi.db.connection;
    const page = { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
    if (current === 'sqlite' && publicSearch) {
      // The public index holds what the public reads now (refreshPublic) and each entry's kind:
      // the count and the ranking are read from it alone, the entries only for the page's rows.
      const match = `kind : ${request.kind} AND {title_terms body_terms} : (${fts5Expression(terms)})`;
      const [counted] = (await knex
        .from(PUBLIC_FTS)
        .whereRaw(`${PUBLIC_FTS} MATCH ?`, [match])
        .count('* as total')) as Array<{
        total: number | string;
      }>;
      const scored: Array<{ entryId: number; score: number }> = await knex
        .from(PUBLIC_FTS)
        .select('rowid as entryId', knex.raw(`-bm25(${PUBLIC_FTS}, 0.0, ?, 1.0) as score`, [HEADING_WEIGHT]))
        .whereRaw(`${PUBLIC_FTS} MATCH ?`, [match])
        .orderBy([
          { column: 'score', order: 'desc' },
          { column: 'entryId', order: 'desc' },
        ])
        .limit(page.limit)
        .offset(page.offset);
      const rowIds = new Map(
        (
          (await knex
            .from(ENTRIES)
            .select('id', 'row_id as rowId')
            .whereIn(
              'id',
              scored.map((hit) => hit.entryId),
            )) as Array<{ id: number; rowId: number }>
        ).map((entry) => [Number(entry.id), Number(entry.rowId)]),
      );
      const ranked = scored.flatMap(({ entryId, score }) => {
        const rowId = rowIds.get(Number(entryId));
        return rowId === undefined ? [] : [{ rowId, score }];
      });
      return { ranked, total: Number(counted.total) };
    }
    if (current === 'postgres' && publicSearch) {
      // The entries the public reads now (`public`), ranked and counted in one pass; the rank is
      // taken below the window (OFFSET 0), so the window keeps scores, not vectors.
      const query = tsqueryExpression(terms);
      const rank = postgresRank(terms);
      const { rows } = (await knex.raw(
        `SELECT row_id AS "rowId", score, count(*) OVER () AS total FROM (
           SELECT e.row_id, ${rank.sql} AS score FROM ${ENTRIES} e
           WHERE e.kind = ? AND e.public AND e.terms @@ to_tsquery('simple', ?) OFFSET 0) matched
         ORDER BY score DESC, row_id DESC LIMIT ? OFFSET ?`,
        [...rank.bindings, request.kind, query, page.limit, page.offset],
      )) as { rows: Array<{ rowId: number; score: number; total: string }> };
      let total = rows.length > 0 ? Number(rows[0].total) : 0;
      // A page past the last: the count alone.
      if (rows.length === 0 && page.offset > 0) {
        const [counted] = (await knex
          .from(`${ENTRIES} as e`)
          .where('e.kind', request.kind)
          .where('e.public', true)
          .whereRaw(`e.terms @@ to_tsquery('simple', ?)`, [query])
          .count('* as total')) as Array<{ total: number | string }>;
        total = Number(counted.total);
      }
      return { ranked: rows.map(({ rowId, score }) => ({ rowId: Number(rowId), score: Number(score) })), total };
    }
    // A draft or partner search reads the whole index (SQLite) or the GIN index (PostgreSQL) and the
    // read filter. CROSS JOIN: the full-text match is the outer loop, run once (else SQLite may run
    // it per entry).
    const readable = readableRows(SEARCH_KINDS[request.kind], request.status, request.audience);
    const matching: Knex.QueryBuilder =
      current === 'sqlite'
        ? knex
            .from(FTS)
            .crossJoin(`${ENTRIES} as e`, 'e.id', `${FTS}.rowid`)
            .whereRaw(`${FTS} MATCH ?`, [fts5Expression(terms)])
        : knex.from(`${ENTRIES} as e`).whereRaw(`e.terms @@ to_tsquery('simple', ?)`, [tsqueryExpression(terms)]);
    matching.where('e.kind', request.kind).whereIn('e.row_id', readable as never);
    const [counted] = (await matching.clone().count('* as total')) as Array<{ total: number | string }>;
    const score =
      current === 'sqlite'
        ? knex.raw(`-bm25(${FTS}, ?, 1.0) as score`, [HEADING_WEIGHT])
        : knex.raw(`${postgresRank(terms).sql} as score`, postgresRank(terms).bindings);
    const ranked: Array<{ rowId: number; score: number }> = await matching
      .clone()
      .select('e.row_id as rowId', score)
      .orderBy([
        { column: 'score', order: 'desc' },
        { column: 'e.row_id', order: 'desc' },
      ])
      .limit(page.limit)
      .offset(page.offset);
    return { ranked, total: Number(counted.total) };
  }

  // Which entries the public reads now, kept in `public` (on SQLite the public FTS index follows by
  // trigger). Read again once per content version and lifecycle window (a write, an embargo
  // lifting, a kill notice ending), before the public's first search under it.
  let publicFor: { key: string; done: Promise<void> } | undefined;
  async function refreshPublic(): Promise<void> {
    const content = await getService('contentVersion', { strapi }).read();
    const window = await getService('lifecycle', { strapi }).changeWindow(content);
    const key = `${content.tag}|${window.nextChangeAt ?? ''}`;
    if (publicFor?.key !== key) {
      const done = (async () => {
        await strapi.db.transaction(async ({ trx }) => {
          for (const [kind, uid] of Object.entries(SEARCH_KINDS)) {
            const readable = readableRows(uid, 'published', 'public');
            const [yes, no] = dialect() === 'postgres' ? ['true', 'false'] : ['1', '0'];
            const now = trx.raw(`CASE WHEN row_id IN (?) THEN ${yes} ELSE ${no} END`, [readable]);
            await trx(ENTRIES).where('kind', kind).whereNot('public', now).update({ public: now });
          }
        });
      })();
      const current = { key, done };
      publicFor = current;
      done.catch(() => {
        if (publicFor === current) publicFor = undefined;
      });
      await done;
      return;
    }
    await publicFor.done;
  }

  // The index's tables: undefined when this database has no search, else whether they were made
  // anew over an index of an earlier shape (then empty).
  async function ensureIndex(): Promise<{ rebuilt: boolean } | undefined> {
    const current = dialect();
    if (!current) return undefined;
    return { rebuilt: await createSearchIndex(strapi.db.connection, current) };
  }

  // Every stored version indexed again, each type in one transaction (all or nothing).
  async function indexEverything(): Promise<number> {
    let indexed = 0;
    for (const uid of Object.values(SEARCH_KINDS)) {
      indexed += await strapi.db.transaction(async ({ trx }) => {
        let rebuilt = 0;
        await trx(ENTRIES).where('kind', KIND_OF[uid]).delete();
        for (let after = 0; ; ) {
          const rows = await readRows(uid, { id: { $gt: after } }, BATCH);
          if (rows.length === 0) break;
          after = rows[rows.length - 1].id;
          await writeEntries(trx, uid, rows, []);
          rebuilt += rows.length;
        }
        return rebuilt;
      });
    }
    if (dialect() === 'sqlite') await strapi.db.connection.raw(`INSERT INTO ${FTS} (${FTS}) VALUES ('optimize')`);
    // PostgreSQL: the rows the rebuild deleted are reclaimed and the planner learns the new ones, as
    // autovacuum would later.
    else await strapi.db.connection.raw(`VACUUM ANALYZE ${ENTRIES}`);
    // Cached answers were read from the index as it was.
    await getService('contentVersion', { strapi }).touch();
    return indexed;
  }

  return {
    /** Whether this app's database has a search (SQLite and PostgreSQL do). */
    available: () => dialect() !== undefined,

    /**
     * Index a document's stored versions after a write, in the write's transaction (the caller's;
     * one of its own otherwise). On PostgreSQL, writes of one document index one at a time, so
     * the last to commit leaves its versions, never a mix of two.
     */
    async indexDocument(uid: string, documentId: string): Promise<void> {
      const kind = KIND_OF[uid];
      const current = dialect();
      if (!kind || !current) return;
      await strapi.db.transaction(async ({ trx }) => {
        if (current === 'postgres') {
          await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`newsroom-search ${uid} ${documentId}`]);
        }
        await writeEntries(trx, uid, await readRows(uid, { documentId }), [documentId]);
      });
    },

    /**
     * Called in bootstrap(): the index's tables, then entries for every stored version that has
     * none (a database from before the search, or rows written behind the rules' back).
     */
    async prepare(): Promise<number> {
      const index = await ensureIndex();
      if (!index) return 0;
      // An index of an earlier shape was replaced: everything is indexed again.
      if (index.rebuilt) return indexEverything();
      let indexed = 0;
      for (const uid of Object.values(SEARCH_KINDS)) {
        for (let after = 0; ; ) {
          const rows = await readRows(uid, { searchText: { $null: true }, id: { $gt: after } }, BATCH);
          if (rows.length === 0) break;
          after = rows[rows.length - 1].id;
          await strapi.db.transaction(({ trx }) => writeEntries(trx, uid, rows, []));
          indexed += rows.length;
        }
      }
      // Cached answers were read without these entries.
      if (indexed > 0) await getService('contentVersion', { strapi }).touch();
      return indexed;
    },

    /** Rebuild the whole index from the stored documents, each type in one transaction (all or nothing). */
    async reindex(): Promise<number> {
      if (!(await ensureIndex())) return 0;
      return indexEverything();
    },

    /** One page of answers, best first, and how many there are. */
    async search(request: SearchRequest): Promise<{ hits: SearchHit[]; total: number }> {
      const current = dialect();
      const terms = queryTerms(request.q);
      if (!current || terms.length === 0) return { hits: [], total: 0 };
      const uid = SEARCH_KINDS[request.kind];
      // The public's search reads the public index (its BM25 counts nothing hidden); a draft or
      // partner search, the whole one.
      const publicSearch = request.status === 'published' && (request.audience ?? 'public') === 'public';
      if (publicSearch) await refreshPublic();
      const { ranked, total } = await rankedEntries(request, terms, current, publicSearch);
      // The page's rows are read through the read filter again: nothing the reader may not read is
      // shown, whatever the index holds.
      const rows = new Map(
        (
          await readRows(uid, {
            $and: [
              { id: { $in: ranked.map((hit) => hit.rowId) } },
              readableWhere(uid, request.status, request.audience),
            ],
          })
        ).map((row) => [row.id, row]),
      );
      const hits: SearchHit[] = [];
      for (const { rowId, score: value } of ranked) {
        const row = rows.get(Number(rowId));
        if (!row) continue;
        const snippet = searchSnippet(snippetTexts(request.kind, row, aliasesOf(request.kind, row)), terms);
        const shown =
          request.kind === 'article'
            ? { title: row.title ?? '', slug: row.slug ?? null }
            : request.kind === 'quote'
              ? { text: row.text ?? '', speaker: row.speaker ?? null }
              : { name: row.name ?? '', slug: row.slug ?? null };
        hits.push({ documentId: row.documentId, type: request.kind, ...shown, snippet, score: Number(value) });
      }
      return { hits, total };
    },
  };
};
