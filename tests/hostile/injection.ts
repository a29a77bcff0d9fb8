// Script injection and direction spoofing through REST (full-access token) and the admin Content
// Manager: body HTML must come back with nothing executable; text fields must come back as the
// same plain text (bidi controls and control characters gone, `<` and `&` kept literally), and
// names (of sources, of speakers) without markup.
import { HOSTILE_HTML } from '../../src/plugins/newsroom/tests/fixtures/hostile-html';
import { executableParts } from '../../src/plugins/newsroom/tests/helpers/executable';
import { agencyCredits, call, type Shared } from './context';
import { BIDI, BIDI_CONTROLS, figures } from './support';
import { checkFeeds } from './feeds';

const CM = (type: string) => `/content-manager/collection-types/plugin::newsroom.${type}`;
const PARALLEL = 4;

/** What the rules make of a one-line field (title, speaker, name): the text, as text. */
export function asLine(text: string): string {
  return text
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
/** What the rules make of a name (a source's, a speaker's): one line, tags and angle brackets gone. */
export function asName(text: string): string {
  return asLine(
    asLine(text)
      .replace(/<(?:!--[\s\S]*?(?:-->|$)|[/!?]?[A-Za-z][^>]*(?:>|$))/g, '')
      .replace(/[<>]/g, ''),
  );
}
const asText = (text: string) =>
  text
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .trim();

export interface Written {
  path: 'rest' | 'admin';
  type: 'article' | 'quote' | 'source';
  documentId: string;
  payload: number;
  expect: Record<string, string>;
}

async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL) {
    await Promise.all(items.slice(start, start + PARALLEL).map(work));
  }
}

type Item = Record<string, unknown> & { documentId: string };

async function servedAll(shared: Shared, type: string, status: 'published' | 'draft'): Promise<Map<string, Item>> {
  const served = new Map<string, Item>();
  for (let page = 1; ; page += 1) {
    const response = await call(
      shared,
      'get',
      `/api/${type}s?status=${status}&pagination[page]=${page}&pagination[pageSize]=100`,
      // Published content is what the public reads; drafts need the full-access token.
      { token: status === 'draft' ? shared.fullAccess : undefined },
    );
    if (response.status !== 200) throw new Error(`GET /api/${type}s: ${response.status} ${response.text}`);
    for (const item of response.body.data as Item[]) served.set(item.documentId, item);
    if (page >= response.body.meta.pagination.pageCount) return served;
  }
}

export interface InjectionOutcome {
  problems: string[];
  survivors: string[];
  writes: number;
}

/** Write every payload into every field through both paths, then read back what the REST API serves. */
export async function runInjection(shared: Shared): Promise<InjectionOutcome> {
  const problems: string[] = [];
  const survivors: string[] = [];
  const written: Written[] = [];
  figures.payloadsTried += HOSTILE_HTML.length;

  const write = async (
    path: Written['path'],
    type: Written['type'],
    payload: number,
    data: Record<string, unknown>,
    wanted: Record<string, string>,
  ) => {
    const label = `${path} ${type} #${payload} ${JSON.stringify(HOSTILE_HTML[payload]).slice(0, 80)}`;
    const response = await (
      path === 'rest'
        ? call(shared, 'post', `/api/${type}s`, { token: shared.fullAccess, body: { data } })
        : call(shared, 'post', CM(type), { token: shared.admin, body: data })
    ).catch((error: Error) => ({ failed: error }));
    // Errors from Node's own modules come from another realm than the test's `Error`.
    if ('failed' in response) {
      problems.push(`${label}: no answer (${response.failed.message})`);
      return;
    }
    if (response.status === 400 && typeof response.body?.error?.message === 'string') return; // refused whole
    if (response.status !== 201 && response.status !== 200) {
      problems.push(`${label}: ${response.status} ${String(response.text ?? '').slice(0, 200)}`);
      return;
    }
    const returned = response.body.data;
    if (typeof returned?.body === 'string' && executableParts(returned.body).length > 0) {
      survivors.push(`${label} (as answered): ${executableParts(returned.body).join(' ')}`);
    }
    written.push({ path, type, documentId: returned.documentId, payload, expect: wanted });
  };

  await inBatches(
    HOSTILE_HTML.map((payload, index) => ({ payload, index })),
    async ({ payload, index }) => {
      for (const path of ['rest', 'admin'] as const) {
        const title = `عنوان ${index} ${payload}`;
        await write(
          path,
          'article',
          index,
          { title, body: `<p>نص الخبر</p>${payload}`, ...(path === 'rest' ? { credits: agencyCredits(shared) } : {}) },
          { title: asLine(title) },
        );
        const speaker = `متحدث ${payload}`;
        await write(
          path,
          'quote',
          index,
          { text: payload, speaker },
          { text: asText(payload), speaker: asName(speaker) },
        );
        const name = `مصدر ${path} ${index} ${payload}`;
        await write(path, 'source', index, { name }, { name: asName(name) });
      }
    },
  );

  const served = {
    article: new Map([
      ...(await servedAll(shared, 'article', 'draft')),
      ...(await servedAll(shared, 'article', 'published')),
    ]),
    quote: new Map([
      ...(await servedAll(shared, 'quote', 'draft')),
      ...(await servedAll(shared, 'quote', 'published')),
    ]),
    source: await servedAll(shared, 'source', 'published'),
  };
  for (const entry of written) {
    const label = `${entry.path} ${entry.type} #${entry.payload}`;
    const item = served[entry.type].get(entry.documentId);
    if (!item) {
      problems.push(`${label}: acknowledged but not served`);
      continue;
    }
    if (typeof item.body === 'string') {
      const parts = executableParts(item.body);
      if (parts.length > 0) survivors.push(`${label} (as served): ${parts.join(' ')}`);
    }
    for (const [field, expected] of Object.entries(entry.expect)) {
      const value = item[field];
      if (typeof value !== 'string' || BIDI.test(value)) problems.push(`${label}: ${field} not clean text`);
      else if (value !== expected) problems.push(`${label}: ${field} served as ${JSON.stringify(value)}`);
    }
  }
  const feeds = await checkFeeds(shared, written, served.article);
  problems.push(...feeds.problems);
  survivors.push(...feeds.survivors);
  figures.executableSurvivors += survivors.length;
  return { problems, survivors, writes: written.length };
}

/** Every embedding, override and isolate control, in titles, names and speakers, on both paths. */
export async function runDirectionSpoofing(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const check = (label: string, value: unknown, expected: string) => {
    if (value !== expected) problems.push(`${label}: ${JSON.stringify(value)} instead of ${JSON.stringify(expected)}`);
  };
  for (const [index, control] of BIDI_CONTROLS.entries()) {
    const hex = control.charCodeAt(0).toString(16).toUpperCase();
    for (const path of ['rest', 'admin'] as const) {
      const post = (type: string, data: Record<string, unknown>) =>
        path === 'rest'
          ? call(shared, 'post', `/api/${type}s`, { token: shared.fullAccess, body: { data } })
          : call(shared, 'post', CM(type), { token: shared.admin, body: data });
      const tag = `${path} U+${hex}`;
      const article = await post('article', {
        title: `روسيا ${control}وإيران${control} ${index} ${path}`,
        ...(path === 'rest' ? { credits: agencyCredits(shared) } : {}),
      });
      const quote = await post('quote', { text: `نص${control}مقلوب`, speaker: `${control}بوتين${control}` });
      const source = await post('source', {
        name: `${control}وكالة ${index} ${path}`,
        nameLatin: `Agency${control} ${index} ${path}`,
      });
      for (const [type, response] of [
        ['article', article],
        ['quote', quote],
        ['source', source],
      ] as const) {
        if (response.status !== 201) {
          problems.push(`${tag} ${type}: ${response.status} ${response.text.slice(0, 200)}`);
          continue;
        }
        const { documentId } = response.body.data;
        // Stored: every row of the document, read from the database itself.
        const rows = await shared.app.strapi.db
          .query(`plugin::newsroom.${type}` as never)
          .findMany({ where: { documentId } });
        for (const row of rows as Record<string, unknown>[]) {
          for (const field of ['title', 'speaker', 'text', 'name', 'nameLatin', 'slug']) {
            if (typeof row[field] === 'string' && BIDI.test(row[field] as string))
              problems.push(`${tag} stored ${type}.${field}`);
          }
        }
        // Served: through the REST API (drafts with the full-access token).
        const served = await call(
          shared,
          'get',
          `/api/${type}s/${documentId}${type === 'source' ? '' : '?status=draft'}`,
          {
            token: shared.fullAccess,
          },
        );
        const item = served.body?.data ?? {};
        if (served.status !== 200) problems.push(`${tag} GET ${type}: ${served.status} ${served.text.slice(0, 200)}`);
        if (type === 'article') check(`${tag} served title`, item.title, `روسيا وإيران ${index} ${path}`);
        if (type === 'quote') {
          check(`${tag} served speaker`, item.speaker, 'بوتين');
          check(`${tag} served text`, item.text, 'نصمقلوب');
        }
        if (type === 'source') {
          check(`${tag} served name`, item.name, `وكالة ${index} ${path}`);
          check(`${tag} served nameLatin`, item.nameLatin, `Agency ${index} ${path}`);
        }
        if (BIDI.test(served.text)) problems.push(`${tag} served ${type} carries a bidi control`);
      }
    }
  }
  return problems;
}
