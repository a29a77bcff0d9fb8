// The importer: dispatch files into Sources, an Article and its Quotes through the Document
// Service, so every newsroom rule applies, one transaction per dispatch. As a service for the
// import command (bin/newsroom-import.js, npx newsroom-import), the bootstrap seed and other plugins:
// strapi.plugin('newsroom').service('importer').importFiles(paths, options, onResult).
import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { DispatchError, outletKey, parseDispatch, type ParsedDispatch } from '#core/dispatch';
import { assertAttribution, RuleViolation } from '#core/rules';
import { makeSlug } from '#core/slug';
import { outletGazetteer } from '../config';
import { ARTICLE, QUOTE, SOURCE } from '../constants';
import { getService, newsroomConfig } from '../utils';
import { readDispatchFile } from '../utils/read-dispatch-file';

export type ImportStatus = 'published' | 'draft';

export interface ImportOptions {
  /** Published unless the editor asks for drafts. */
  status?: ImportStatus;
  /** Parse and plan, write nothing. */
  dryRun?: boolean;
}

export interface ImportResult {
  file: string;
  outcome: 'created' | 'skipped' | 'failed';
  /** What an editor reads: why it was skipped or failed, or what was (or would be) created. */
  message: string;
  status?: ImportStatus;
  articleDocumentId?: string;
  quotes?: number;
  /** Set when a newsroom rule refused publishing and the Article was kept as a draft. */
  draftReason?: string;
}

export interface ImportReport {
  dryRun: boolean;
  results: ImportResult[];
  created: number;
  skipped: number;
  failed: number;
  drafted: number;
}

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'newsroom' });

/** The content hash that says "already imported": whitespace and Unicode form do not count. */
export function dispatchKey(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

// The seed's marker name, kept so databases seeded before the importer existed stay in step.
export const IMPORT_MARKER = 'seeded:';
const markerKey = (text: string) => `${IMPORT_MARKER}${dispatchKey(text)}`;

/** What the importer records of each dispatch it imported (the desk lists the latest). */
export interface ImportMarker {
  file: string;
  article: string;
  at: string;
}

// Two importers (or two instances seeding at boot) on one PostgreSQL database take turns.
async function lockImports(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  await strapi.db.transaction(({ trx }) => trx.raw('select pg_advisory_xact_lock(?)', [0x6e657773]));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface KnownSources {
  rows: Array<{ documentId: string; name?: string | null; nameLatin?: string | null; slug?: string | null }>;
  bySlug: Map<string, string>;
  byKey: Map<string, string>;
}

async function knownSources(strapi: Core.Strapi): Promise<KnownSources> {
  const rows: KnownSources['rows'] = await strapi.documents(SOURCE).findMany({
    fields: ['name', 'nameLatin', 'slug'],
    limit: -1,
  });
  const known: KnownSources = { rows, bySlug: new Map(), byKey: new Map() };
  for (const row of rows) {
    if (row.slug) known.bySlug.set(row.slug, row.documentId);
    if (row.name) known.byKey.set(outletKey(row.name), row.documentId);
  }
  return known;
}

// A known outlet is found by its slug first, so any alias reuses one Source; others by name.
const existingSource = (known: KnownSources, outlet: ParsedDispatch['outlets'][number]) =>
  (outlet.slug ? known.bySlug.get(outlet.slug) : undefined) ?? known.byKey.get(outlet.key);

/** Find each outlet's Source, or create it. Returns outlet key → documentId. */
async function resolveSources(strapi: Core.Strapi, dispatch: ParsedDispatch): Promise<Map<string, string>> {
  const known = await knownSources(strapi);
  const byKey = new Map<string, string>();
  for (const outlet of dispatch.outlets) {
    const found = existingSource(known, outlet);
    if (found) {
      byKey.set(outlet.key, found);
      continue;
    }
    const created = await strapi.documents(SOURCE).create({
      data: { name: outlet.name, nameLatin: outlet.nameLatin, kind: outlet.kind, url: outlet.url },
    });
    byKey.set(outlet.key, created.documentId);
  }
  return byKey;
}

/**
 * Create the Article and its Quotes; the caller holds the transaction. The writes are the
 * importer's (the rules service's asImporter): the Quotes keep the needsReview the parser gave them,
 * even when the importer runs inside an editor's request.
 */
export function importDispatch(
  strapi: Core.Strapi,
  dispatch: ParsedDispatch,
  options: { status: ImportStatus },
): Promise<{ articleDocumentId: string; quotes: number; sources: number }> {
  return getService('rules', { strapi }).asImporter(() => writeDispatch(strapi, dispatch, options));
}

async function writeDispatch(
  strapi: Core.Strapi,
  dispatch: ParsedDispatch,
  { status }: { status: ImportStatus },
): Promise<{ articleDocumentId: string; quotes: number; sources: number }> {
  const sources = await resolveSources(strapi, dispatch);
  const article = await strapi.documents(ARTICLE).create({
    status,
    data: {
      title: dispatch.title,
      dispatchDate: dispatch.dispatchDate,
      ...(dispatch.city ? { city: dispatch.city } : {}),
      body: dispatch.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
      credits: dispatch.credits.map((credit) => ({ role: credit.role, source: sources.get(credit.outlet) })),
    },
  });
  for (const quote of dispatch.quotes) {
    await strapi.documents(QUOTE).create({
      status,
      data: {
        text: quote.text,
        speaker: quote.speaker,
        speakerRole: quote.speakerRole,
        context: quote.context,
        position: quote.position,
        // A speaker the parser could not name with confidence waits on the desk for an editor.
        needsReview: quote.needsReview,
        venue: quote.venue ? sources.get(quote.venue) : undefined,
        article: article.documentId,
      },
    });
  }
  return { articleDocumentId: article.documentId, quotes: dispatch.quotes.length, sources: sources.size };
}

/** A refusal by the newsroom rules (rules-middleware turns each into a ValidationError with a rule). */
function ruleRefusal(error: unknown): string | undefined {
  const candidate = error as { name?: string; message?: string; details?: { rule?: unknown } };
  if (candidate?.name === 'ValidationError' && candidate.details?.rule && candidate.message) return candidate.message;
  return undefined;
}

function describe(dispatch: ParsedDispatch, status: ImportStatus): string {
  const date = dispatch.dispatchDate ?? 'no date';
  const quotes = dispatch.quotes.length === 1 ? '1 quote' : `${dispatch.quotes.length} quotes`;
  return `"${dispatch.title}" (${date}, ${status}, ${quotes})`;
}

// Dry run: what would be created, and whether publishing would be refused for a missing credit.
async function plan(
  strapi: Core.Strapi,
  file: string,
  dispatch: ParsedDispatch,
  status: ImportStatus,
): Promise<ImportResult> {
  const config = newsroomConfig(strapi);
  const known = await knownSources(strapi);
  const newOutlets = dispatch.outlets.filter((outlet) => !existingSource(known, outlet));
  const slugOf = (key: string) => {
    const outlet = dispatch.outlets.find((candidate) => candidate.key === key);
    return outlet?.slug ?? makeSlug(outlet?.nameLatin || outlet?.name || '');
  };
  const credits = dispatch.credits.map((credit) => ({ role: credit.role, source: { slug: slugOf(credit.outlet) } }));
  let draftReason: string | undefined;
  try {
    if (status === 'published') {
      const agencies = known.rows.map((row) => ({ slug: row.slug ?? '', name: row.name, nameLatin: row.nameLatin }));
      assertAttribution(credits, config, agencies);
    }
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    draftReason = error.message;
  }
  const effective: ImportStatus = draftReason ? 'draft' : status;
  const sources = newOutlets.length > 0 ? `; new sources: ${newOutlets.map((outlet) => outlet.name).join('، ')}` : '';
  return {
    file,
    outcome: 'created',
    status: effective,
    quotes: dispatch.quotes.length,
    message: `${describe(dispatch, effective)}${sources}`,
    ...(draftReason ? { draftReason } : {}),
  };
}

async function createOnce(
  strapi: Core.Strapi,
  text: string,
  dispatch: ParsedDispatch,
  file: string,
  status: ImportStatus,
): Promise<{ articleDocumentId: string; quotes: number } | 'already'> {
  const key = markerKey(text);
  return strapi.db.transaction(async () => {
    await lockImports(strapi);
    if (await store(strapi).get({ key })) return 'already';
    const result = await importDispatch(strapi, dispatch, { status });
    const marker: ImportMarker = { file, article: result.articleDocumentId, at: new Date().toISOString() };
    await store(strapi).set({ key, value: marker });
    return result;
  });
}

/** Import one dispatch's text once; a rule that refuses publishing leaves it as a draft. */
export async function importDispatchText(
  strapi: Core.Strapi,
  text: string,
  file: string,
  { status = 'published', dryRun = false }: ImportOptions = {},
): Promise<ImportResult> {
  const config = newsroomConfig(strapi);
  if (await store(strapi).get({ key: markerKey(text) })) {
    return { file, outcome: 'skipped', message: 'already imported (same content)' };
  }
  let dispatch: ParsedDispatch;
  try {
    dispatch = parseDispatch(text, outletGazetteer(config), { houseDistributor: config.houseDistributor });
  } catch (error) {
    if (error instanceof DispatchError) return { file, outcome: 'failed', message: error.message };
    throw error;
  }
  if (dryRun) return plan(strapi, file, dispatch, status);

  let draftReason: string | undefined;
  let created: Awaited<ReturnType<typeof createOnce>>;
  try {
    created = await createOnce(strapi, text, dispatch, file, status);
  } catch (error) {
    // Each attempt is its own transaction: a refused publish left nothing behind to retry over.
    draftReason = status === 'published' ? ruleRefusal(error) : undefined;
    if (!draftReason) return { file, outcome: 'failed', message: ruleRefusal(error) ?? String(error) };
    try {
      created = await createOnce(strapi, text, dispatch, file, 'draft');
    } catch (draftError) {
      return { file, outcome: 'failed', message: ruleRefusal(draftError) ?? String(draftError) };
    }
  }
  if (created === 'already') return { file, outcome: 'skipped', message: 'already imported (same content)' };
  const savedAs: ImportStatus = draftReason ? 'draft' : status;
  return {
    file,
    outcome: 'created',
    status: savedAs,
    articleDocumentId: created.articleDocumentId,
    quotes: created.quotes,
    message: describe(dispatch, savedAs),
    ...(draftReason ? { draftReason } : {}),
  };
}

const isDispatchFile = (name: string) => name.toLowerCase().endsWith('.txt');

/**
 * Files and folders (their *.txt files, sorted by name) into the list of dispatch files. A link is
 * not followed, even one named on the command line: it is listed, and its read is refused.
 */
export async function expandPaths(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    const stat = await fs.lstat(given).catch(() => undefined);
    if (!stat) missing.push(given);
    else if (stat.isDirectory()) {
      const names = (await fs.readdir(given)).filter(isDispatchFile).sort();
      files.push(...names.map((name) => path.join(given, name)));
    } else files.push(given);
  }
  return { files, missing };
}

/** Import every dispatch under `paths`; one bad file never stops the others. */
export async function importDispatchFiles(
  strapi: Core.Strapi,
  paths: readonly string[],
  options: ImportOptions = {},
  onProgress?: (result: ImportResult, done: number, total: number) => void,
): Promise<ImportReport> {
  const { files, missing } = await expandPaths(paths);
  const results: ImportResult[] = missing.map((file) => ({
    file,
    outcome: 'failed',
    message: 'no such file or folder; check the path.',
  }));
  const total = files.length + missing.length;
  results.forEach((result, index) => onProgress?.(result, index + 1, total));
  for (const file of files) {
    let result: ImportResult;
    try {
      result = await importDispatchText(strapi, await readDispatchFile(file), file, options);
    } catch (error) {
      result = { file, outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    results.push(result);
    onProgress?.(result, results.length, total);
  }
  const count = (outcome: ImportResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  return {
    dryRun: options.dryRun ?? false,
    results,
    created: count('created'),
    skipped: count('skipped'),
    failed: count('failed'),
    drafted: results.filter((result) => result.draftReason).length,
  };
}

type ImportArguments = Parameters<typeof importDispatchFiles>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  importFiles: (paths: ImportArguments[1], options: ImportArguments[2], onResult?: ImportArguments[3]) =>
    importDispatchFiles(strapi, paths, options, onResult),
});
