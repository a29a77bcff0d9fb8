// Who may do what: anonymous callers and a read-only API token write nothing, see no drafts and
// no admin users or tokens; a full-access token writes. Leaks are scanned in every response (support.ts).
import { rowCounts } from '../helpers/strapi';
import { agencyCredits, call, type Shared } from './context';

const TYPES = ['article', 'quote', 'source'] as const;

export async function runPermissions(shared: Shared): Promise<{ problems: string[]; notes: string[] }> {
  const problems: string[] = [];
  const notes: string[] = [];
  const callers = [
    { who: 'anonymous', token: undefined },
    { who: 'read-only', token: shared.readOnly },
    { who: 'forged token', token: 'x'.repeat(64) },
  ];
  const full = shared.fullAccess;

  // A full-access token writes: a published article, a draft article, a draft quote.
  const published = await call(shared, 'post', '/api/articles', {
    token: full,
    body: { data: { title: 'خبر منشور للصلاحيات', credits: agencyCredits(shared) } },
  });
  const draft = await call(shared, 'post', '/api/articles?status=draft', {
    token: full,
    body: { data: { title: 'مسودة سرية للصلاحيات' } },
  });
  const draftQuote = await call(shared, 'post', '/api/quotes?status=draft', {
    token: full,
    body: { data: { text: 'كلام سري', speaker: 'مصدر سري' } },
  });
  for (const [what, response] of [
    ['published article', published],
    ['draft article', draft],
    ['draft quote', draftQuote],
  ] as const) {
    if (response.status !== 201) problems.push(`full-access create ${what}: ${response.status}`);
  }
  const articleId = published.body.data.documentId;
  const draftId = draft.body.data.documentId;
  const quoteId = draftQuote.body.data.documentId;
  const sourceId = shared.sputnik;
  const ids = { article: articleId, quote: quoteId, source: sourceId };

  const before = await rowCounts(shared.app.strapi);
  for (const { who, token } of callers) {
    const expectRefused = async (method: 'post' | 'put' | 'delete', url: string, body?: unknown) => {
      const response = await call(shared, method, url, { token, body });
      if (response.status !== 401 && response.status !== 403) {
        problems.push(`${who} ${method.toUpperCase()} ${url}: ${response.status}`);
      }
    };
    for (const type of TYPES) {
      await expectRefused('post', `/api/${type}s`, { data: { title: 'x', name: 'x', text: 'x', speaker: 'x' } });
      await expectRefused('put', `/api/${type}s/${ids[type]}`, { data: { title: 'x', name: 'x', text: 'x' } });
      await expectRefused('delete', `/api/${type}s/${ids[type]}`);
      // Publishing goes through the admin API, which no content-API caller may use.
      await expectRefused('post', `/content-manager/collection-types/plugin::newsroom.${type}`, { title: 'x' });
    }
    await expectRefused(
      'post',
      `/content-manager/collection-types/plugin::newsroom.article/${draftId}/actions/publish`,
      {},
    );
    await expectRefused(
      'post',
      `/content-manager/collection-types/plugin::newsroom.article/${articleId}/actions/unpublish`,
      {},
    );
    await expectRefused('post', '/admin/api-tokens', { name: 'mine', type: 'full-access', lifespan: null });
    await expectRefused('post', '/api/auth/local/register', {
      username: `u${Date.now()}`,
      email: `u${Date.now()}@x.test`,
      password: 'Passw0rd!x',
    }).catch(() => undefined);

    // No drafts, however asked.
    for (const url of [
      '/api/articles?status=draft',
      '/api/articles?filters[publishedAt][$null]=true',
      '/api/articles?status=draft&filters[publishedAt][$null]=true',
      `/api/articles?filters[documentId][$eq]=${draftId}&status=draft`,
      '/api/articles?filters[$or][0][publishedAt][$null]=true&filters[$or][1][title][$contains]=سرية',
      '/api/articles?populate[quotes][filters][publishedAt][$null]=true&status=draft',
      '/api/quotes?status=draft',
      '/api/quotes?filters[publishedAt][$null]=true',
      `/api/articles/${draftId}?status=draft`,
      `/api/quotes/${quoteId}?status=draft`,
    ]) {
      const response = await call(shared, 'get', url, { token });
      if (response.status >= 500) continue; // counted by the scan
      if (response.status === 401 && who === 'forged token') continue;
      if (
        /مسودة سرية|كلام سري/.test(response.text) ||
        response.text.includes(draftId) ||
        response.text.includes(quoteId)
      ) {
        problems.push(`${who} GET ${url}: draft served (${response.status})`);
      }
    }

    // No admin users, users-permissions users or API tokens.
    for (const url of [
      '/admin/users',
      '/admin/users/me',
      '/admin/users/1',
      '/admin/api-tokens',
      '/admin/api-tokens/1',
      '/admin/transfer/tokens',
      '/admin/roles',
      '/api/users',
      '/api/users/1',
      '/api/users/me',
      '/api/users-permissions/roles',
      '/api/users-permissions/permissions',
      '/content-manager/collection-types/admin::user',
      '/content-manager/collection-types/plugin::users-permissions.user',
      '/api/articles?populate[createdBy]=true',
      '/api/articles?populate=*&fields[0]=createdBy',
      '/api/articles?filters[createdBy][email][$contains]=@',
      '/api/articles?filters[createdBy][password][$startsWith]=$2',
    ]) {
      const response = await call(shared, 'get', url, { token });
      const data = response.body?.data;
      const listsSomething = Array.isArray(response.body) ? response.body.length > 0 : false;
      if (url.startsWith('/api/articles')) {
        // Either refused, or served without any author: the scan checks createdBy/updatedBy.
        continue;
      }
      if (response.status < 400 || (data && !response.body?.error) || listsSomething) {
        problems.push(`${who} GET ${url}: ${response.status} ${response.text.slice(0, 120)}`);
      }
    }
  }
  const after = await rowCounts(shared.app.strapi);
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    problems.push(`row counts changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }

  // The full-access token sees its draft, updates and deletes.
  const seesDraft = await call(shared, 'get', `/api/articles/${draftId}?status=draft`, { token: full });
  if (seesDraft.status !== 200) problems.push(`full-access GET draft: ${seesDraft.status}`);
  const updated = await call(shared, 'put', `/api/articles/${articleId}`, {
    token: full,
    body: { data: { title: 'خبر معدل' } },
  });
  if (updated.status !== 200) problems.push(`full-access PUT: ${updated.status}`);
  const deleted = await call(shared, 'delete', `/api/quotes/${quoteId}`, { token: full });
  if (deleted.status !== 204 && deleted.status !== 200) problems.push(`full-access DELETE: ${deleted.status}`);

  const feed = await call(shared, 'get', '/api/syndication/rss');
  if (feed.status === 404)
    notes.push('feeds (/api/syndication/*) are not in this tree: draft and injection checks on feeds skipped');
  return { problems, notes };
}
