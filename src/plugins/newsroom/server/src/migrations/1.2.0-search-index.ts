// The search index's tables, made in the host's database at bootstrap (after Strapi's schema sync,
// which leaves tables it never made alone), with no step for the host; every statement is "if not
// exists", so a second boot or a second instance changes nothing.
// - newsroom_search_entries: one row per stored version (draft or published) of each document,
//   its heading and text terms (core/search), written in the transaction of the write.
// - SQLite: FTS5 indexes over it (BM25), kept by triggers in the same transaction: one of every
//   entry, one of those the public may read now (with each entry's kind, so that the public's
//   search of one kind is read from the full-text index alone).
// - PostgreSQL: a weighted tsvector of the terms under a GIN index (ts_rank), which every instance
//   on the database shares.
import type { Knex } from 'knex';

export const ENTRIES = 'newsroom_search_entries';
export const FTS = 'newsroom_search_fts';
export const PUBLIC_VIEW = 'newsroom_search_public';
export const PUBLIC_FTS = 'newsroom_search_public_fts';

const SQLITE = [
  `CREATE TABLE IF NOT EXISTS ${ENTRIES} (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     row_id INTEGER NOT NULL,
     document_id TEXT NOT NULL,
     title_terms TEXT NOT NULL,
     body_terms TEXT NOT NULL,
     public INTEGER NOT NULL DEFAULT 0)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS ${ENTRIES}_row ON ${ENTRIES} (kind, row_id)`,
  `CREATE INDEX IF NOT EXISTS ${ENTRIES}_document ON ${ENTRIES} (kind, document_id)`,
  // Our terms are letters and digits separated by spaces: unicode61 reads them as they are.
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS} USING fts5(title_terms, body_terms,
     content='${ENTRIES}', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`,
  // What the public may read now (services/search.ts keeps `public`), indexed apart: BM25's
  // figures of the whole index (how many entries hold a word, their mean length) then count only
  // what the public reads, and a public score tells nothing of drafts and embargoed stories.
  // Its `kind` column holds the entry's kind as a word (`kind : article`): a public search neither
  // joins nor reads the entries to keep one kind (services/search.ts).
  `CREATE VIEW IF NOT EXISTS ${PUBLIC_VIEW} AS SELECT id, kind, title_terms, body_terms FROM ${ENTRIES} WHERE public = 1`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${PUBLIC_FTS} USING fts5(kind, title_terms, body_terms,
     content='${PUBLIC_VIEW}', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_inserted AFTER INSERT ON ${ENTRIES} BEGIN
     INSERT INTO ${FTS} (rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
   END`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_deleted AFTER DELETE ON ${ENTRIES} BEGIN
     INSERT INTO ${FTS} (${FTS}, rowid, title_terms, body_terms) VALUES ('delete', old.id, old.title_terms, old.body_terms);
   END`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_updated AFTER UPDATE OF title_terms, body_terms ON ${ENTRIES} BEGIN
     INSERT INTO ${FTS} (${FTS}, rowid, title_terms, body_terms) VALUES ('delete', old.id, old.title_terms, old.body_terms);
     INSERT INTO ${FTS} (rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
     INSERT INTO ${PUBLIC_FTS} (${PUBLIC_FTS}, rowid, kind, title_terms, body_terms)
       SELECT 'delete', old.id, old.kind, old.title_terms, old.body_terms WHERE old.public = 1;
     INSERT INTO ${PUBLIC_FTS} (rowid, kind, title_terms, body_terms)
       SELECT new.id, new.kind, new.title_terms, new.body_terms WHERE new.public = 1;
   END`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_public_changed AFTER UPDATE OF public ON ${ENTRIES}
     WHEN old.public <> new.public BEGIN
     INSERT INTO ${PUBLIC_FTS} (${PUBLIC_FTS}, rowid, kind, title_terms, body_terms)
       SELECT 'delete', old.id, old.kind, old.title_terms, old.body_terms WHERE old.public = 1;
     INSERT INTO ${PUBLIC_FTS} (rowid, kind, title_terms, body_terms)
       SELECT new.id, new.kind, new.title_terms, new.body_terms WHERE new.public = 1;
   END`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_public_inserted AFTER INSERT ON ${ENTRIES} WHEN new.public = 1 BEGIN
     INSERT INTO ${PUBLIC_FTS} (rowid, kind, title_terms, body_terms) VALUES (new.id, new.kind, new.title_terms, new.body_terms);
   END`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_public_deleted AFTER DELETE ON ${ENTRIES} WHEN old.public = 1 BEGIN
     INSERT INTO ${PUBLIC_FTS} (${PUBLIC_FTS}, rowid, kind, title_terms, body_terms) VALUES ('delete', old.id, old.kind, old.title_terms, old.body_terms);
   END`,
];

// PostgreSQL: the entries hold their weighted tsvector only (written by services/search.ts from the
// terms), beside the kind, the row and `public` (what the public reads now, as on SQLite). The rows
// are narrow and the tsvector stays in them, compressed, up to a page (toast_tuple_target): a search
// that matches every article reads each entry's vector from its row, not from TOAST.
// The vector is compressed with LZ4 where the server has it (PostgreSQL 14 and later, built with
// it, as Debian's is): a search that ranks every article decompresses every vector.
const postgresEntries = (compression: string) => `CREATE TABLE IF NOT EXISTS ${ENTRIES} (
     id bigserial PRIMARY KEY,
     kind varchar(16) NOT NULL,
     row_id integer NOT NULL,
     document_id varchar(255) NOT NULL,
     public boolean NOT NULL DEFAULT false,
     terms tsvector ${compression} NOT NULL)
   WITH (toast_tuple_target = 8160)`;
const POSTGRES_INDEXES = [
  `CREATE UNIQUE INDEX IF NOT EXISTS ${ENTRIES}_row ON ${ENTRIES} (kind, row_id)`,
  `CREATE INDEX IF NOT EXISTS ${ENTRIES}_document ON ${ENTRIES} (kind, document_id)`,
  `CREATE INDEX IF NOT EXISTS ${ENTRIES}_terms ON ${ENTRIES} USING GIN (terms)`,
  // The public's search of a word every article holds reads the public entries of one kind, not
  // the drafts beside them: half the rows at 10,000 articles.
  `CREATE INDEX IF NOT EXISTS ${ENTRIES}_public ON ${ENTRIES} (kind) WHERE public`,
];

/** The weighted tsvector of an entry's heading and text terms (PostgreSQL), as SQL with two bindings. */
export const POSTGRES_TERMS = `setweight(to_tsvector('simple'::regconfig, ?), 'A') || setweight(to_tsvector('simple'::regconfig, ?), 'B')`;

export type SearchDialect = 'sqlite' | 'postgres';

/** The dialect the search index is built for, or undefined for another database (no search there). */
export function searchDialect(client: string): SearchDialect | undefined {
  return client === 'sqlite' || client === 'postgres' ? client : undefined;
}

// The public index as first made, without the kind column: it, its view and the triggers that
// write it are made again, and it is filled from the entries (its content is theirs).
const SQLITE_PUBLIC_WRITERS = ['updated', 'public_changed', 'public_inserted', 'public_deleted'];

async function sqlitePublicIndexIsOld(knex: Knex): Promise<boolean> {
  const [made] = (await knex.raw(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [
    PUBLIC_FTS,
  ])) as Array<{ sql: string }>;
  return made !== undefined && !/fts5\(\s*kind\b/i.test(made.sql);
}

/**
 * Makes what the search needs in the host's database. True when an index of an earlier shape was
 * replaced by an empty one, which the caller fills again (services/search.ts).
 */
export async function createSearchIndex(knex: Knex, dialect: SearchDialect): Promise<boolean> {
  if (dialect === 'postgres') {
    // One instance at a time: the others wait, then find the index made.
    return knex.transaction(async (trx) => {
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`${ENTRIES} schema`]);
      // The first shape kept the terms' texts and generated the vector from them (wide rows).
      const { rows } = (await trx.raw(
        `SELECT 1 FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'title_terms'`,
        [ENTRIES],
      )) as { rows: unknown[] };
      const rebuild = rows.length > 0;
      if (rebuild) await trx.raw(`DROP TABLE ${ENTRIES}`);
      try {
        // A savepoint: a server without LZ4 refuses the statement, and the table is made without it.
        await trx.transaction((savepoint) => savepoint.raw(postgresEntries('COMPRESSION lz4')));
      } catch {
        await trx.raw(postgresEntries(''));
      }
      for (const statement of POSTGRES_INDEXES) await trx.raw(statement);
      return rebuild;
    });
  }
  return knex.transaction(async (trx) => {
    const rebuild = await sqlitePublicIndexIsOld(trx);
    if (rebuild) {
      for (const trigger of SQLITE_PUBLIC_WRITERS) await trx.raw(`DROP TRIGGER IF EXISTS ${ENTRIES}_${trigger}`);
      await trx.raw(`DROP TABLE IF EXISTS ${PUBLIC_FTS}`);
      await trx.raw(`DROP VIEW IF EXISTS ${PUBLIC_VIEW}`);
    }
    for (const statement of SQLITE) await trx.raw(statement);
    // The public index's content is the entries': it is filled from them, and nothing is lost.
    if (rebuild) await trx.raw(`INSERT INTO ${PUBLIC_FTS} (${PUBLIC_FTS}) VALUES ('rebuild')`);
    return false;
  });
}
