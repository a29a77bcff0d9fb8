// The search index's tables, made in the host's database at bootstrap (after Strapi's schema sync,
// which leaves tables it never made alone), with no step for the host; every statement is "if not
// exists", so a second boot or a second instance changes nothing.
// - newsroom_search_entries: one row per stored version (draft or published) of each document,
//   its heading and text terms (core/search), written in the transaction of the write.
// - SQLite: an FTS5 index over it, kept by triggers in the same transaction, and its postings
//   (fts5vocab) to rank each entry by its own word counts.
// - PostgreSQL: a weighted tsvector of the terms, generated, under a GIN index (ts_rank), which
//   every instance on the database shares.
import type { Knex } from 'knex';

export const ENTRIES = 'newsroom_search_entries';
export const FTS = 'newsroom_search_fts';
export const VOCAB = 'newsroom_search_vocab';

const SQLITE = [
  `CREATE TABLE IF NOT EXISTS ${ENTRIES} (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     row_id INTEGER NOT NULL,
     document_id TEXT NOT NULL,
     title_terms TEXT NOT NULL,
     body_terms TEXT NOT NULL)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS ${ENTRIES}_row ON ${ENTRIES} (kind, row_id)`,
  `CREATE INDEX IF NOT EXISTS ${ENTRIES}_document ON ${ENTRIES} (kind, document_id)`,
  // Our terms are letters and digits separated by spaces: unicode61 reads them as they are.
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS} USING fts5(title_terms, body_terms,
     content='${ENTRIES}', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`,
  // Each entry's own word counts, for a rank that reads nothing of the other entries.
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCAB} USING fts5vocab(${FTS}, instance)`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_inserted AFTER INSERT ON ${ENTRIES} BEGIN
     INSERT INTO ${FTS} (rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
   END`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_deleted AFTER DELETE ON ${ENTRIES} BEGIN
     INSERT INTO ${FTS} (${FTS}, rowid, title_terms, body_terms) VALUES ('delete', old.id, old.title_terms, old.body_terms);
   END`,
  `CREATE TRIGGER IF NOT EXISTS ${ENTRIES}_updated AFTER UPDATE ON ${ENTRIES} BEGIN
     INSERT INTO ${FTS} (${FTS}, rowid, title_terms, body_terms) VALUES ('delete', old.id, old.title_terms, old.body_terms);
     INSERT INTO ${FTS} (rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
   END`,
];

const POSTGRES = [
  `CREATE TABLE IF NOT EXISTS ${ENTRIES} (
     id bigserial PRIMARY KEY,
     kind varchar(16) NOT NULL,
     row_id integer NOT NULL,
     document_id varchar(255) NOT NULL,
     title_terms text NOT NULL,
     body_terms text NOT NULL,
     terms tsvector GENERATED ALWAYS AS (
       setweight(to_tsvector('simple'::regconfig, title_terms), 'A') ||
       setweight(to_tsvector('simple'::regconfig, body_terms), 'B')) STORED)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS ${ENTRIES}_row ON ${ENTRIES} (kind, row_id)`,
  `CREATE INDEX IF NOT EXISTS ${ENTRIES}_document ON ${ENTRIES} (kind, document_id)`,
  `CREATE INDEX IF NOT EXISTS ${ENTRIES}_terms ON ${ENTRIES} USING GIN (terms)`,
];

export type SearchDialect = 'sqlite' | 'postgres';

/** The dialect the search index is built for, or undefined for another database (no search there). */
export function searchDialect(client: string): SearchDialect | undefined {
  return client === 'sqlite' || client === 'postgres' ? client : undefined;
}

export async function createSearchIndex(knex: Knex, dialect: SearchDialect): Promise<void> {
  for (const statement of dialect === 'sqlite' ? SQLITE : POSTGRES) await knex.raw(statement);
}
