// Runs once, on a database written by the newsroom when it was an app (types api::article.article
// and so on, tables articles, quotes, sources). It gives the rows that name a type the plugin's
// UIDs and the tables the plugin's names, before Strapi's schema sync and its clean-ups (which
// would otherwise delete every permission, token grant and admin view of the old UIDs, and find
// `articles` taken in an app that has its own). Documents, credits and quotes stay where they are.
import type { Knex } from 'knex';
import { ARTICLE, QUOTE, SOURCE } from '../constants';

// Stored in the database as the migration's name: never change it, or the migration runs again.
export const MIGRATION_NAME = 'newsroom::1.0.0-app-types-to-plugin';

/** The app's type UIDs and the plugin's. */
export const RENAMED_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['api::article.article', ARTICLE],
  ['api::quote.quote', QUOTE],
  ['api::source.source', SOURCE],
  ['api::syndication.syndication', 'plugin::newsroom.syndication'],
];

/** The app's tables and the plugin's (`components_newsroom_credits*` keep their names). */
export const RENAMED_TABLES: ReadonlyArray<readonly [string, string]> = [
  ['articles', 'newsroom_articles'],
  ['articles_cmps', 'newsroom_articles_cmps'],
  ['quotes', 'newsroom_quotes'],
  ['quotes_article_lnk', 'newsroom_quotes_article_lnk'],
  ['quotes_venue_lnk', 'newsroom_quotes_venue_lnk'],
  ['sources', 'newsroom_sources'],
  // Review workflows' stage and assignee links (Strapi Enterprise), where they exist.
  ...['articles', 'quotes', 'sources'].flatMap((table) =>
    ['strapi_stage_lnk', 'strapi_assignee_lnk'].map(
      (link) => [`${table}_${link}`, `newsroom_${table}_${link}`] as const,
    ),
  ),
];

// Strapi names a table's indexes and constraints after the type's collection (articles_uq on
// articles_cmps, quotes_venue_lnk_fk on quotes_venue_lnk): the new names are these with the prefix.
const NAMED_AFTER = /^(articles|quotes|sources)_/;
const NEW_PREFIX = 'newsroom_';

const CM_KEY = 'plugin_content_manager_configuration_content_types::';

interface Options {
  /** UIDs the running app still defines itself: their rows and tables are the app's, left alone. */
  stillDefined: (uid: string) => boolean;
}

async function wasNewsroomApp(knex: Knex): Promise<boolean> {
  if (!(await knex.schema.hasTable('strapi_core_store_settings'))) return false;
  const marker = await knex('strapi_core_store_settings')
    .where('key', 'plugin_newsroom_content-version')
    .orWhere('key', 'plugin_newsroom_admin-views')
    .orWhere('key', 'like', 'plugin_newsroom_seeded:%')
    .first('id');
  return Boolean(marker) && (await knex.schema.hasTable('articles'));
}

async function renameColumnValues(
  knex: Knex,
  table: string,
  column: string,
  from: string,
  to: string,
  prefix: boolean,
) {
  if (!(await knex.schema.hasTable(table)) || !(await knex.schema.hasColumn(table, column))) return;
  const rows: Array<{ id: number; value: string }> = await knex(table)
    .select('id', `${column} as value`)
    .where(column, prefix ? 'like' : '=', prefix ? `${from}.%` : from);
  for (const row of rows) {
    const renamed = prefix ? to + row.value.slice(from.length) : to;
    await knex(table)
      .where('id', row.id)
      .update({ [column]: renamed });
  }
}

async function renameContentManagerView(knex: Knex, from: string, to: string) {
  const row = await knex('strapi_core_store_settings')
    .where('key', CM_KEY + from)
    .first('id', 'value');
  if (!row) return;
  const value = typeof row.value === 'string' ? JSON.parse(row.value) : row.value;
  await knex('strapi_core_store_settings')
    .where('key', CM_KEY + to)
    .delete();
  await knex('strapi_core_store_settings')
    .where('id', row.id)
    .update({ key: CM_KEY + to, value: JSON.stringify({ ...value, uid: to }) });
}

async function renameInWorkflows(knex: Knex, from: string, to: string) {
  if (!(await knex.schema.hasTable('strapi_workflows'))) return;
  const rows: Array<{ id: number; content_types: unknown }> = await knex('strapi_workflows').select(
    'id',
    'content_types',
  );
  for (const row of rows) {
    const types = typeof row.content_types === 'string' ? JSON.parse(row.content_types) : row.content_types;
    if (!Array.isArray(types) || !types.includes(from)) continue;
    const renamed = types.map((uid: string) => (uid === from ? to : uid));
    await knex('strapi_workflows')
      .where('id', row.id)
      .update({ content_types: JSON.stringify(renamed) });
  }
}

async function renameTypeRows(knex: Knex, from: string, to: string) {
  await renameColumnValues(knex, 'up_permissions', 'action', from, to, true);
  await renameColumnValues(knex, 'strapi_api_token_permissions', 'action', from, to, true);
  await renameColumnValues(knex, 'admin_permissions', 'subject', from, to, false);
  for (const table of ['strapi_release_actions', 'strapi_history_versions', 'strapi_ai_localization_jobs'])
    await renameColumnValues(knex, table, 'content_type', from, to, false);
  await renameColumnValues(knex, 'files_related_mph', 'related_type', from, to, false);
  await renameContentManagerView(knex, from, to);
  await renameInWorkflows(knex, from, to);
}

/** Index and constraint names follow the table: PostgreSQL renames them, SQLite drops them for the sync. */
async function renameTable(knex: Knex, from: string, to: string) {
  if (!(await knex.schema.hasTable(from)) || (await knex.schema.hasTable(to))) return;
  await knex.schema.renameTable(from, to);
  const client = String(knex.client.config.client);
  if (client === 'postgres' || client === 'pg') {
    const constraints = await knex.raw(
      'select conname as name from pg_constraint where conrelid = to_regclass(?) and conname ~ ?',
      [to, NAMED_AFTER.source],
    );
    for (const { name } of constraints.rows as Array<{ name: string }>)
      await knex.raw('alter table ?? rename constraint ?? to ??', [to, name, NEW_PREFIX + name]);
    const indexes = await knex.raw(
      'select indexname as name from pg_indexes where schemaname = current_schema() and tablename = ? and indexname ~ ?',
      [to, NAMED_AFTER.source],
    );
    for (const { name } of indexes.rows as Array<{ name: string }>)
      await knex.raw('alter index ?? rename to ??', [name, NEW_PREFIX + name]);
    const sequences = await knex.raw(
      "select relname as name from pg_class where relkind = 'S' and relname = ? and relnamespace = current_schema()::regnamespace",
      [`${from}_id_seq`],
    );
    for (const { name } of sequences.rows as Array<{ name: string }>)
      await knex.raw('alter sequence ?? rename to ??', [name, `${to}_id_seq`]);
  } else if (client.includes('sqlite')) {
    const indexes: Array<{ name: string }> = await knex('sqlite_master')
      .select('name')
      .where({ type: 'index', tbl_name: to })
      .whereNotNull('sql');
    for (const { name } of indexes) if (NAMED_AFTER.test(name)) await knex.raw('drop index ??', [name]);
  }
}

export async function moveAppTypesToPlugin(knex: Knex, { stillDefined }: Options): Promise<void> {
  if (!(await wasNewsroomApp(knex))) return;
  if (RENAMED_TYPES.some(([from]) => stillDefined(from))) {
    throw new Error(
      'newsroom: this app still defines its own Article, Quote or Source type (src/api/article, quote, ' +
        'source). Remove them: the newsroom plugin now provides these types and moves their data over.',
    );
  }
  for (const [from, to] of RENAMED_TYPES) await renameTypeRows(knex, from, to);
  for (const [from, to] of RENAMED_TABLES) await renameTable(knex, from, to);
}
