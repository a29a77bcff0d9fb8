// The findings of the outside audit (issue 12), each replayed as the auditor did it, plus what the
// audit did not try: the Content Manager's every write path with the hostile corpus, and every
// spelling of a guarded path.
import Parser from 'rss-parser';
import request from 'supertest';
import { HOSTILE_HTML } from '../../src/plugins/newsroom/tests/fixtures/hostile-html';
import { executableParts } from '../../src/plugins/newsroom/tests/helpers/executable';
import { agencyCredits, call, type Shared } from './context';
import { figures } from './support';
import { newsroomService } from '../helpers/strapi';

const ARTICLE = 'plugin::newsroom.article';
const CM = `/content-manager/collection-types/${ARTICLE}`;
const LANG_INJECTION = 'x" onmouseover="alert(3)';

type Item = Record<string, any>;

async function published(shared: Shared, title: string, body = '<p>نص الخبر</p>'): Promise<Item> {
  const response = await call(shared, 'post', '/api/articles', {
    token: shared.fullAccess,
    body: { data: { title, body, credits: agencyCredits(shared) } },
  });
  if (response.status !== 201) throw new Error(`create ${title}: ${response.status} ${response.text}`);
  return response.body.data;
}

const feedParser = new Parser({ customFields: { item: ['description', 'content:encoded'] } });

/** Every public rendering of one published article: REST, its item in each feed, its ninjs item. */
async function publicRenderings(shared: Shared, documentId: string, slug: string): Promise<Record<string, string>> {
  const get = async (url: string) => (await call(shared, 'get', url)).text;
  const fromXml = async (url: string) => {
    const items = (await feedParser.parseString(await get(url))).items as Item[];
    return JSON.stringify(items.find((item) => String(item.guid ?? item.id).endsWith(documentId)) ?? 'missing');
  };
  const json = JSON.parse(await get('/api/syndication/json?limit=100')).items as Item[];
  return {
    rest: await get(`/api/articles/${documentId}`),
    rss: await fromXml('/api/syndication/rss?limit=100'),
    atom: await fromXml('/api/syndication/atom?limit=100'),
    json: JSON.stringify(json.find((item) => item.id.endsWith(documentId)) ?? 'missing'),
    ninjs: await get(`/api/syndication/ninjs/${slug}`),
  };
}

// Attribute injection shows in the raw text of any rendering, escaped once or not at all.
const INJECTED_HANDLER = /onmouseover|onerror|<script|&lt;script|alert\(/i;

/** Finding 1: an admin clone, then publish, with script and a lang that breaks out of its attribute. */
export async function runCloneFinding(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const base = await published(shared, 'خبر أصلي للنسخ');
  const hostileBody = '<p>نص</p><img src=x onerror=alert(1)><script>alert(2)</script>';
  const refused = await call(shared, 'post', `${CM}/clone/${base.documentId}`, {
    token: shared.admin,
    body: { title: 'نسخة بلغة مزورة', body: hostileBody, lang: LANG_INJECTION },
  });
  if (refused.status !== 400 || refused.body?.error?.details?.field !== 'lang') {
    problems.push(`clone with a forged lang: ${refused.status} ${refused.text.slice(0, 200)}`);
  }
  const clone = await call(shared, 'post', `${CM}/clone/${base.documentId}`, {
    token: shared.admin,
    body: { title: 'نسخة بنص عدائي', body: hostileBody },
  });
  if (clone.status !== 200 && clone.status !== 201) {
    problems.push(`clone: ${clone.status} ${clone.text.slice(0, 200)}`);
    return problems;
  }
  const cloned = clone.body.data;
  if (executableParts(cloned.body).length > 0) problems.push(`clone stored ${cloned.body}`);
  if (cloned.slug === base.slug) problems.push(`clone took the original's slug ${base.slug}`);
  const publish = await call(shared, 'post', `${CM}/${cloned.documentId}/actions/publish`, {
    token: shared.admin,
    body: {},
  });
  if (publish.status !== 200) problems.push(`publish clone: ${publish.status} ${publish.text.slice(0, 200)}`);
  const renderings = await publicRenderings(shared, cloned.documentId, cloned.slug);
  for (const [where, text] of Object.entries(renderings)) {
    if (text === '"missing"') problems.push(`clone not in ${where}`);
    if (INJECTED_HANDLER.test(text)) problems.push(`clone served by ${where} with ${INJECTED_HANDLER.exec(text)}`);
  }
  return problems;
}

/** Finding 1, publish: a draft written behind the rules' back is checked again when published. */
export async function runPublishRecheck(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const draft = await call(shared, 'post', '/api/articles?status=draft', {
    token: shared.fullAccess,
    body: { data: { title: 'مسودة تُفسد مباشرة', credits: agencyCredits(shared) } },
  });
  const { documentId } = draft.body.data;
  const rows = shared.app.strapi.db.query(ARTICLE);
  const where = { documentId, publishedAt: null };
  await rows.update({ where, data: { lang: LANG_INJECTION, body: '<p>نص</p><script>alert(1)</script>' } });
  const refused = await call(shared, 'post', `${CM}/${documentId}/actions/publish`, { token: shared.admin, body: {} });
  if (refused.status !== 400 || refused.body?.error?.details?.field !== 'lang') {
    problems.push(`publish of a draft with a forged lang: ${refused.status} ${refused.text.slice(0, 200)}`);
  }
  if ((await rows.count({ where: { documentId, publishedAt: { $notNull: true } } })) !== 0) {
    problems.push('a refused publish left a published version');
  }
  await rows.update({ where, data: { lang: null, dir: null } });
  const publish = await call(shared, 'post', `${CM}/${documentId}/actions/publish`, { token: shared.admin, body: {} });
  if (publish.status !== 200) problems.push(`publish: ${publish.status} ${publish.text.slice(0, 200)}`);
  const served = await call(shared, 'get', `/api/articles/${documentId}`);
  if (INJECTED_HANDLER.test(served.text)) problems.push(`published draft served ${served.body?.data?.body}`);
  if (served.body?.data?.lang !== 'ar' || served.body?.data?.dir !== 'rtl') {
    problems.push(`published draft has lang ${served.body?.data?.lang} dir ${served.body?.data?.dir}`);
  }
  return problems;
}

/**
 * The Content Manager's write paths with the hostile corpus: each payload is cloned into a new
 * article and saved again by update, half published one by one, half in bulk; then the public API
 * and the feeds are read back.
 */
export async function runContentManagerCorpus(shared: Shared): Promise<{ problems: string[]; survivors: string[] }> {
  const problems: string[] = [];
  const survivors: string[] = [];
  const base = await published(shared, 'أصل نسخ المدونة العدائية');
  const clones: Item[] = [];
  figures.payloadsTried += HOSTILE_HTML.length;
  for (const [index, payload] of HOSTILE_HTML.entries()) {
    const label = `cm #${index}`;
    const clone = await call(shared, 'post', `${CM}/clone/${base.documentId}`, {
      token: shared.admin,
      body: { title: `نسخة ${index} ${payload}`, body: `<p>نسخة</p>${payload}` },
    });
    if (clone.status === 400) continue; // refused whole
    if (clone.status !== 200 && clone.status !== 201) {
      problems.push(`${label} clone: ${clone.status} ${clone.text.slice(0, 200)}`);
      continue;
    }
    const { documentId } = clone.body.data;
    const update = await call(shared, 'put', `${CM}/${documentId}`, {
      token: shared.admin,
      body: { body: `${payload}<p>تحديث</p>` },
    });
    if (update.status !== 200 && update.status !== 400) problems.push(`${label} update: ${update.status}`);
    for (const response of [clone, update]) {
      const parts = typeof response.body?.data?.body === 'string' ? executableParts(response.body.data.body) : [];
      if (parts.length > 0) survivors.push(`${label} (as answered): ${parts.join(' ')}`);
    }
    clones.push(clone.body.data);
  }
  const [oneByOne, inBulk] = [clones.filter((_, i) => i % 2 === 0), clones.filter((_, i) => i % 2 === 1)];
  for (const { documentId } of oneByOne) {
    const publish = await call(shared, 'post', `${CM}/${documentId}/actions/publish`, {
      token: shared.admin,
      body: {},
    });
    if (publish.status !== 200) problems.push(`publish ${documentId}: ${publish.status} ${publish.text.slice(0, 200)}`);
  }
  const bulk = await call(shared, 'post', `${CM}/actions/bulkPublish`, {
    token: shared.admin,
    body: { documentIds: inBulk.map((clone) => clone.documentId) },
  });
  if (bulk.status !== 200) problems.push(`bulkPublish: ${bulk.status} ${bulk.text.slice(0, 200)}`);
  for (const clone of clones) {
    const served = await call(shared, 'get', `/api/articles/${clone.documentId}`);
    if (served.status !== 200) {
      problems.push(`cm clone ${clone.documentId} not public after publish: ${served.status}`);
      continue;
    }
    const parts = executableParts(served.body.data.body);
    if (parts.length > 0) survivors.push(`cm clone ${clone.documentId} (as served): ${parts.join(' ')}`);
  }
  for (const feed of ['json']) {
    const items = JSON.parse((await call(shared, 'get', `/api/syndication/${feed}?limit=100`)).text).items as Item[];
    for (const item of items) {
      const parts = executableParts(item.content_html);
      if (parts.length > 0) survivors.push(`${feed} ${item.id}: ${parts.join(' ')}`);
    }
  }
  figures.executableSurvivors += survivors.length;
  return { problems, survivors };
}

/** Finding 3: RSS title and description are HTML to a feed reader; text must stay text there. */
export async function runRssTextFinding(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const title = 'عنوان <img src=x onerror=alert(7)>';
  await published(shared, title, '<p>&lt;img src=x onerror=alert(8)&gt; فقرة أولى</p>');
  const rss = await feedParser.parseString((await call(shared, 'get', '/api/syndication/rss?limit=100')).text);
  const items = rss.items as Item[];
  const item = items.find((entry) => String(entry.title).includes('onerror=alert(7)'));
  if (!item) return [`no RSS item with the title`];
  // What the reader renders after decoding the XML once is HTML: it must hold no element.
  for (const field of ['title', 'description']) {
    const html = String(item[field]);
    if (/<img/i.test(html) || executableParts(html).length > 0) problems.push(`rss ${field} renders as ${html}`);
    if (!html.includes('&lt;img')) problems.push(`rss ${field} lost the text: ${html}`);
  }
  return problems;
}

/** Finding 5: a forged Host header never reaches a feed's links. */
export async function runHostFinding(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const forged = `forged-${Date.now()}.example`;
  for (const feed of ['rss', 'atom', 'json', 'ninjs']) {
    const response = await call(shared, 'get', `/api/syndication/${feed}`, { headers: { Host: forged } });
    if (response.status !== 200) problems.push(`${feed}: ${response.status}`);
    if (response.text.includes(forged)) problems.push(`${feed} links name the Host header`);
  }
  return problems;
}

// Finding 2: every spelling of a guarded route, with a read-only token.
const DIRECTORY_PATHS = [
  '/api/users',
  '/API/users',
  '/Api/Users',
  '/api/USERS/',
  '/api/users/1',
  '/API/users/count',
  '/api/%75sers',
  '/api//users',
  '/api/users-permissions/roles',
  '/API/users-permissions/roles',
  '/api/USERS-PERMISSIONS/ROLES/1',
  '/api/users-permissions/permissions',
  '/API/Users-Permissions/Permissions',
  '/api/upload/files',
  '/API/upload/files',
  '/api/UPLOAD/files/1',
];
const PAGINATION_PATHS = [
  '/api/articles',
  '/API/articles',
  '/Api/Articles/',
  '/api/%61rticles',
  '/API/quotes',
  '/API/SOURCES',
];

export async function runPathSpellings(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  for (const path of DIRECTORY_PATHS) {
    for (const token of [shared.readOnly, undefined]) {
      const response = await call(shared, 'get', path, { token });
      const who = token ? 'read-only' : 'anonymous';
      if (response.status === 200) problems.push(`${who} GET ${path}: 200 ${response.text.slice(0, 120)}`);
      if (/@newsroom\.test|"email"/.test(response.text)) problems.push(`${who} GET ${path}: lists e-mails`);
    }
  }
  for (const path of PAGINATION_PATHS) {
    for (const query of ['pagination[limit]=-1', 'pagination[pageSize]=abc', 'status=everything']) {
      const response = await call(shared, 'get', `${path}?${query}`, { token: shared.readOnly });
      if (response.status !== 400 && response.status !== 404) problems.push(`GET ${path}?${query}: ${response.status}`);
    }
  }
  // A signed-in reader keeps its own record.
  const me = await call(shared, 'get', '/api/users/me', { token: shared.readOnly });
  if (me.status === 200 && /"email"/.test(me.text)) problems.push('a read-only token reads /api/users/me as a user');
  return problems;
}

/** Finding 2: the read queue sees every spelling of a queued path; a full queue refuses them all. */
export async function runReadQueueSpellings(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const { strapi } = shared.app;
  const saved = strapi.config.get('plugin::newsroom.readQueue');
  strapi.config.set('plugin::newsroom.readQueue', { concurrency: 1, maxWaiting: 0 });
  let release!: () => void;
  const holding = newsroomService(strapi, 'readQueue')
    .queue()
    .run(() => new Promise<void>((resolve) => (release = resolve)));
  try {
    for (const path of ['/api/articles', '/API/articles', '/Api/Quotes/', '/api/%73ources', '/API//articles']) {
      // Not through call(): these 503s are the refusal under test, not server errors for the figures.
      const response = await request(shared.app.server).get(path);
      if (response.status !== 503 && response.status !== 404)
        problems.push(`GET ${path} skipped the queue: ${response.status}`);
    }
  } finally {
    release();
    await holding;
    strapi.config.set('plugin::newsroom.readQueue', saved);
  }
  return problems;
}

/** Finding 8: only public content changes the feeds' validators; a 404 item is never cached. */
export async function runValidatorFinding(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const validators = async () => {
    const response = await call(shared, 'get', '/api/syndication/rss');
    return `${response.headers.etag} ${response.headers['last-modified']}`;
  };
  const article = await published(shared, 'خبر لاختبار المحققات');
  const before = await validators();
  const draft = await call(shared, 'put', `${CM}/${article.documentId}`, {
    token: shared.admin,
    body: { title: 'عنوان في المسودة فقط' },
  });
  if (draft.status !== 200) problems.push(`draft save: ${draft.status}`);
  const created = await call(shared, 'post', `${CM}`, { token: shared.admin, body: { title: 'مسودة جديدة' } });
  if (created.status !== 201 && created.status !== 200) problems.push(`draft create: ${created.status}`);
  if ((await validators()) !== before) problems.push('saving a draft changed the feed validators');
  await call(shared, 'post', `${CM}/${article.documentId}/actions/publish`, { token: shared.admin, body: {} });
  if ((await validators()) === before) problems.push('publishing did not change the feed validators');
  const missing = await call(shared, 'get', '/api/syndication/ninjs/no-such-slug-anywhere');
  if (missing.status !== 404) problems.push(`missing ninjs item: ${missing.status}`);
  if (
    /public/.test(String(missing.headers['cache-control'])) ||
    !/no-store/.test(String(missing.headers['cache-control']))
  ) {
    problems.push(`missing ninjs item is cacheable: ${missing.headers['cache-control']}`);
  }
  return problems;
}

/** Finding 8: Unicode noncharacters are not stored. */
export async function runNoncharacterFinding(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const article = await published(shared, 'عنوان\uFFFE مع\uFFFF غير\uFDD0 محرف', '<p>نص\uFFFE الخبر</p>');
  const quote = await call(shared, 'post', '/api/quotes', {
    token: shared.fullAccess,
    body: { data: { text: 'كلام\uFFFE منقول', speaker: 'متحدث\uFFFE' } },
  });
  for (const [what, value] of [
    ['title', article.title],
    ['body', article.body],
    ['quote text', quote.body?.data?.text],
    ['speaker', quote.body?.data?.speaker],
  ]) {
    if (typeof value !== 'string' || /[\uFFFE\uFFFF\uFDD0-\uFDEF]/.test(value)) {
      problems.push(`${what} kept a noncharacter: ${JSON.stringify(value)}`);
    }
  }
  return problems;
}

/** Finding 9: an Article's Quotes are deleted with it, draft and published. */
export async function runQuoteCascade(shared: Shared): Promise<string[]> {
  const problems: string[] = [];
  const article = await published(shared, 'خبر يحذف مع اقتباساته');
  const quoteIds: string[] = [];
  for (const status of ['published', 'draft']) {
    const quote = await call(shared, 'post', `/api/quotes?status=${status}`, {
      token: shared.fullAccess,
      body: { data: { text: 'كلام سيحذف', speaker: 'متحدث', article: article.documentId } },
    });
    quoteIds.push(quote.body.data.documentId);
  }
  const deleted = await call(shared, 'delete', `/api/articles/${article.documentId}`, { token: shared.fullAccess });
  if (deleted.status !== 204 && deleted.status !== 200) problems.push(`delete: ${deleted.status}`);
  const left = await shared.app.strapi.db
    .query('plugin::newsroom.quote')
    .count({ where: { documentId: { $in: quoteIds } } });
  if (left !== 0) problems.push(`${left} quote rows outlived their article`);
  return problems;
}
