// GET /api/search and the admin's search box through the real server, on the database under test
// (SQLite, and PostgreSQL in CI): the match table, quotes by text and speaker, sources by any
// spelling, ranking and snippets, drafts only for a full-access token, no killed or embargoed
// story for the public, the index kept by every write path in its transaction, and rebuilt.
import request from 'supertest';
import {
  adminToken,
  apiToken,
  requiredCredits,
  startStrapi,
  testDatabaseClient,
  type TestApp,
} from '../helpers/strapi';
import { MUST_MATCH, MUST_NOT_MATCH, type SearchPair } from '../../src/plugins/newsroom/tests/fixtures/search-pairs';

let app: TestApp;
let token: string;
let credits: Array<{ role: string; source: string }>;

const ARTICLE = 'plugin::newsroom.article';
const QUOTE = 'plugin::newsroom.quote';

beforeAll(async () => {
  app = await startStrapi();
  token = await apiToken(app.strapi, 'full-access');
  credits = await requiredCredits(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const write = (method: 'post' | 'put', path: string, data: Record<string, unknown>) =>
  request(app.server)[method](path).set('Authorization', `Bearer ${token}`).send({ data });

async function search(query: Record<string, string>, bearer?: string) {
  const call = request(app.server).get('/api/search').query(query);
  if (bearer) call.set('Authorization', `Bearer ${bearer}`);
  return call;
}

async function foundIds(q: string, type = 'articles', extra: Record<string, string> = {}, bearer?: string) {
  const response = await search({ q, type, 'pagination[pageSize]': '100', ...extra }, bearer);
  expect(response.status).toBe(200);
  return (response.body.data as Array<{ documentId: string }>).map((hit) => hit.documentId);
}

let serial = 0;
async function publishStory(data: Record<string, unknown>, status?: 'draft') {
  serial += 1;
  const response = await write('post', `/api/articles${status ? '?status=draft' : ''}`, {
    title: `مادة للبحث ${'ا'.repeat(serial % 7)}ب${serial}ت`,
    body: '<p>نص.</p>',
    credits,
    ...data,
  });
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; slug: string };
}

describe('the match table through GET /api/search', () => {
  const stories = new Map<SearchPair, string>();
  beforeAll(async () => {
    for (const pair of [...MUST_MATCH, ...MUST_NOT_MATCH]) {
      stories.set(pair, (await publishStory({ body: `<p>${pair.text}</p>` })).documentId);
    }
  });

  test.each(MUST_MATCH.map((pair) => [pair.query, pair.text, pair]))('%s finds «%s»', async (query, _text, pair) => {
    expect(await foundIds(query)).toContain(stories.get(pair));
  });

  test.each(MUST_NOT_MATCH.map((pair) => [pair.query, pair.text, pair]))(
    '%s does not find «%s»',
    async (query, _text, pair) => {
      expect(await foundIds(query)).not.toContain(stories.get(pair));
    },
  );
  // The same table in the admin's Article list (its search box sends `_q`).
  let editor: string;
  const listed = async (q: string) => {
    editor ??= await adminToken(app.strapi, app.server, 'strapi-editor');
    const response = await request(app.server)
      .get(`/content-manager/collection-types/${ARTICLE}`)
      .query({ _q: q, pageSize: '100' })
      .set('Authorization', `Bearer ${editor}`);
    expect(response.status).toBe(200);
    expect(response.body.pagination.total).toBeLessThanOrEqual(100);
    return (response.body.results as Array<{ documentId: string }>).map((row) => row.documentId);
  };

  test.each(MUST_MATCH.map((pair) => [pair.query, pair.text, pair]))(
    "the admin's box: %s finds «%s»",
    async (query, _text, pair) => {
      expect(await listed(query)).toContain(stories.get(pair));
    },
  );

  test.each(MUST_NOT_MATCH.map((pair) => [pair.query, pair.text, pair]))(
    "the admin's box: %s does not find «%s»",
    async (query, _text, pair) => {
      expect(await listed(query)).not.toContain(stories.get(pair));
    },
  );
});

describe('answers', () => {
  test('rank a heading match first, count every match, page them, and mark the words in an escaped snippet', async () => {
    const inBody = await publishStory({ body: '<p>خبر عن زنجبار &lt;img src=x onerror=alert(1)&gt; في المحيط.</p>' });
    const inTitle = await publishStory({ title: 'زنجبار تستقبل الوفد', body: '<p>نص آخر.</p>' });
    const response = await search({ q: 'زنجبار' });
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 10, total: 2 });
    const [first, second] = response.body.data;
    expect(first).toMatchObject({ documentId: inTitle.documentId, type: 'article', title: 'زنجبار تستقبل الوفد' });
    expect(first.slug).toBe(inTitle.slug);
    expect(first.score).toBeGreaterThan(second.score);
    expect(second.snippet).toBe('خبر عن <mark>زنجبار</mark> &lt;img src=x onerror=alert(1)&gt; في المحيط.');
    const page2 = await search({ q: 'زنجبار', 'pagination[page]': '2', 'pagination[pageSize]': '1' });
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 2 });
    expect(page2.body.data.map((hit: { documentId: string }) => hit.documentId)).toEqual([inBody.documentId]);
  });

  test.each([
    [{}, 'q'],
    [{ q: '' }, 'q'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ q: '؟!' }, 'q'],
    [{ q: 'ايران', type: 'users' }, 'type'],
    [{ q: 'ايران', 'pagination[pageSize]': '101' }, 'pagination[pageSize]'],
  ])('%j is a 400 naming %s', async (query, field) => {
    const response = await search(query as Record<string, string>);
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual({ field });
    expect(response.body.error.message).toMatch(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}`));
  });

  test("a page below 1 is refused by the content API's own pagination check, by name", async () => {
    const response = await search({ q: 'ايران', 'pagination[page]': '0' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.field).toBe('query.pagination.page');
  });

  test('quotes are found by their words and by their speaker', async () => {
    const story = await publishStory({ body: '<p>تصريح.</p>' });
    const quote = await write('post', '/api/quotes', {
      text: 'سنواصل التعاون مع طهران في مجال الطاقة',
      speaker: 'سيرغي لافروف',
      article: story.documentId,
    });
    expect(quote.status).toBe(201);
    const id = quote.body.data.documentId;
    expect(await foundIds('الطاقه', 'quotes')).toContain(id);
    expect(await foundIds('لافروف', 'quotes')).toContain(id);
    const [hit] = (await search({ q: 'لافروف', type: 'quotes' })).body.data;
    expect(hit).toMatchObject({
      type: 'quote',
      text: 'سنواصل التعاون مع طهران في مجال الطاقة',
      speaker: 'سيرغي لافروف',
    });
  });

  test('a Source is found by any spelling of its agency', async () => {
    for (const q of ['سبوتنيك', 'سپوتنیک', 'Sputnik', 'SPUTNIK']) {
      const response = await search({ q, type: 'sources' });
      expect(response.body.data.map((hit: { slug: string }) => hit.slug)).toContain('sputnik');
    }
  });
});

describe('who finds what', () => {
  test('a draft only by a full-access token that asks for drafts', async () => {
    const draft = await publishStory({ body: '<p>مسودة عن كاتماندو.</p>' }, 'draft');
    expect(await foundIds('كاتماندو')).not.toContain(draft.documentId);
    expect(await foundIds('كاتماندو', 'articles', { status: 'draft' })).not.toContain(draft.documentId);
    const readOnly = await apiToken(app.strapi, 'read-only');
    expect(await foundIds('كاتماندو', 'articles', { status: 'draft' }, readOnly)).not.toContain(draft.documentId);
    expect(await foundIds('كاتماندو', 'articles', { status: 'draft' }, token)).toContain(draft.documentId);
  });

  test('no killed or embargoed story for the public', async () => {
    const killed = await publishStory({ body: '<p>خبر عن تمبكتو.</p>' });
    const embargoed = await publishStory({
      body: '<p>خبر آخر عن تمبكتو.</p>',
      embargoedUntil: new Date(Date.now() + 3600_000).toISOString(),
    });
    const open = await publishStory({ body: '<p>خبر ثالث عن تمبكتو.</p>' });
    expect(await foundIds('تمبكتو')).toEqual(expect.arrayContaining([killed.documentId, open.documentId]));
    const kill = await write('put', `/api/articles/${killed.documentId}`, {
      pubStatus: 'canceled',
      ednote: 'خطأ في المصدر',
    });
    expect(kill.status).toBe(200);
    const found = await foundIds('تمبكتو');
    expect(found).toContain(open.documentId);
    expect(found).not.toContain(killed.documentId);
    expect(found).not.toContain(embargoed.documentId);
  });
});

describe('what the public cannot learn', () => {
  test("an unpublished story's quotes leave the public with it, embargoed or not; a quote of an unpublished story is not published", async () => {
    const embargoed = await publishStory({
      body: '<p>خبر.</p>',
      embargoedUntil: new Date(Date.now() + 3600_000).toISOString(),
    });
    const open = await publishStory({ body: '<p>خبر.</p>' });
    const quoteOf = async (article: string, text: string) => {
      const response = await write('post', '/api/quotes', { text, speaker: 'متحدث رسمي', article });
      expect(response.status).toBe(201);
      return response.body.data.documentId as string;
    };
    const hidden = await quoteOf(embargoed.documentId, 'تصريح محظور عن طولكرم');
    const shown = await quoteOf(open.documentId, 'تصريح منشور عن طولكرم');
    expect(await foundIds('طولكرم', 'quotes')).toEqual([shown]);
    for (const story of [embargoed, open]) {
      await app.strapi.documents(ARTICLE).unpublish({ documentId: story.documentId });
    }
    expect(await foundIds('طولكرم', 'quotes')).toEqual([]);
    const list = await request(app.server).get('/api/quotes').query({ 'filters[text][$contains]': 'طولكرم' });
    expect(list.body.data).toEqual([]);
    // Publishing either quote alone is refused while its story is not published; nothing changes.
    for (const quote of [hidden, shown]) {
      const refused = await request(app.server)
        .put(`/api/quotes/${quote}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { context: 'محاولة' } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.errors[0].path).toEqual(['article']);
    }
    expect(await foundIds('طولكرم', 'quotes')).toEqual([]);
    // Once the story is published again, its quote may be.
    await write('put', `/api/articles/${open.documentId}`, { body: '<p>خبر منشور.</p>' });
    expect(
      (
        await request(app.server)
          .put(`/api/quotes/${shown}`)
          .set('Authorization', `Bearer ${token}`)
          .send({ data: { context: 'نشر' } })
      ).status,
    ).toBe(200);
    expect(await foundIds('طولكرم', 'quotes')).toEqual([shown]);
  });

  test('an embargoed story is found once its time comes, with no write', async () => {
    const story = await publishStory({
      body: '<p>خبر عن نواكشوط.</p>',
      embargoedUntil: new Date(Date.now() + 3000).toISOString(),
    });
    expect(await foundIds('نواكشوط')).not.toContain(story.documentId);
    const deadline = Date.now() + 20000;
    let found = false;
    while (!found && Date.now() < deadline) {
      found = (await foundIds('نواكشوط')).includes(story.documentId);
      if (!found) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(found).toBe(true);
  });

  test('the score of what the public reads is the same whatever drafts and embargoed stories hold', async () => {
    const visible = await publishStory({ body: '<p>زوربلاكس كوينتافو حشو</p>' });
    const scores = async () => {
      const [first] = (await search({ q: 'زوربلاكس' })).body.data;
      const [second] = (await search({ q: 'كوينتافو' })).body.data;
      expect([first.documentId, second.documentId]).toEqual([visible.documentId, visible.documentId]);
      return [first.score, second.score];
    };
    const before = await scores();
    await publishStory({
      body: '<p>زوربلاكس زوربلاكس مرة أخرى</p>',
      embargoedUntil: new Date(Date.now() + 3600_000).toISOString(),
    });
    await publishStory({ body: '<p>زوربلاكس في مسودة طويلة جدا جدا جدا</p>' }, 'draft');
    expect(await scores()).toEqual(before);
  });

  test('a body of many distinct words is written and found, on either database', async () => {
    const words = Array.from({ length: 60000 }, (_, i) => `كلمه${i.toString(36)}`).join(' ');
    const story = await publishStory({ body: `<p>فريدونيا ${words}</p>` });
    expect(await foundIds('فريدونيا')).toContain(story.documentId);
  });
});

describe('the index follows every write', () => {
  test('an update finds the new words, not the old; a delete finds nothing', async () => {
    const story = await publishStory({ body: '<p>مقال عن سمرقند.</p>' });
    expect(await foundIds('سمرقند')).toContain(story.documentId);
    expect((await write('put', `/api/articles/${story.documentId}`, { body: '<p>مقال عن بخارى.</p>' })).status).toBe(
      200,
    );
    expect(await foundIds('سمرقند')).not.toContain(story.documentId);
    expect(await foundIds('بخاري')).toContain(story.documentId);
    await request(app.server)
      .delete(`/api/articles/${story.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
    expect(await foundIds('بخاري')).not.toContain(story.documentId);
  });

  test('a refused write leaves the index as it was', async () => {
    const story = await publishStory({ body: '<p>مقال عن قرطبة.</p>' });
    const refused = await write('put', `/api/articles/${story.documentId}`, {
      body: '<p>مقال عن غرناطة.</p>',
      credits: [],
    });
    expect(refused.status).toBe(400);
    expect(await foundIds('غرناطه', 'articles', { status: 'draft' }, token)).not.toContain(story.documentId);
    expect(await foundIds('قرطبه')).toContain(story.documentId);
  });

  test('concurrent updates of one story leave the index as the last write stored it', async () => {
    const story = await publishStory({ body: '<p>البداية.</p>' });
    const words = ['اولى', 'ثانيه', 'ثالثه', 'رابعه', 'خامسه', 'سادسه'].map((word) => `كلمة${word}`);
    const answers = await Promise.all(
      words.map((word) => write('put', `/api/articles/${story.documentId}`, { body: `<p>${word}</p>` })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(words.map(() => 200));
    const stored = await app.strapi.documents(ARTICLE).findOne({ documentId: story.documentId, status: 'published' });
    const last = words.find((word) => String(stored?.body).includes(word));
    expect(last).toBeDefined();
    for (const word of words) {
      const found = (await foundIds(word)).includes(story.documentId);
      expect([word, found]).toEqual([word, word === last]);
    }
  });

  test('a database whose rows have no entry is indexed at boot, and the command rebuilds it whole', async () => {
    const story = await publishStory({ body: '<p>خبر عن طشقند.</p>' });
    const knex = app.strapi.db.connection;
    await knex('newsroom_search_entries').where('document_id', story.documentId).delete();
    await knex('newsroom_articles').where('document_id', story.documentId).update({ search_text: null });
    expect(await foundIds('طشقند')).not.toContain(story.documentId);
    const search = app.strapi.plugin('newsroom').service('search');
    expect(await search.prepare()).toBe(2);
    expect(await foundIds('طشقند')).toContain(story.documentId);
    const rows = await app.strapi.db.query(ARTICLE).count({});
    const quotes = await app.strapi.db.query(QUOTE).count({});
    const sources = await app.strapi.db.query('plugin::newsroom.source').count({});
    expect(await search.reindex()).toBe(rows + quotes + sources);
    const [{ entries }] = await knex('newsroom_search_entries').count('* as entries');
    expect(Number(entries)).toBe(rows + quotes + sources);
    expect(await foundIds('طشقند')).toContain(story.documentId);
  });

  test("a boot makes the index again without losing what it finds; an index of the first shape (SQLite's public one without kinds, PostgreSQL's wide rows) is made anew", async () => {
    const before = await publishStory({ body: '<p>خبر عن سمرقند.</p>' });
    const knex = app.strapi.db.connection;
    const sqlite = app.strapi.db.dialect.client === 'sqlite';
    if (sqlite) {
      // The public index as the search first made it: a view and an FTS5 table of terms only, and
      // a trigger that writes it that way.
      for (const trigger of ['updated', 'public_changed', 'public_inserted', 'public_deleted'])
        await knex.raw(`DROP TRIGGER newsroom_search_entries_${trigger}`);
      await knex.raw('DROP TABLE newsroom_search_public_fts');
      await knex.raw('DROP VIEW newsroom_search_public');
      await knex.raw(
        'CREATE VIEW newsroom_search_public AS SELECT id, title_terms, body_terms FROM newsroom_search_entries WHERE public = 1',
      );
      await knex.raw(`CREATE VIRTUAL TABLE newsroom_search_public_fts USING fts5(title_terms, body_terms,
        content='newsroom_search_public', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`);
      await knex.raw(`CREATE TRIGGER newsroom_search_entries_public_inserted AFTER INSERT ON newsroom_search_entries
        WHEN new.public = 1 BEGIN
        INSERT INTO newsroom_search_public_fts (rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
        END`);
      await knex.raw(`INSERT INTO newsroom_search_public_fts (newsroom_search_public_fts) VALUES ('rebuild')`);
    }
    if (!sqlite) {
      // The index as the search first made it on PostgreSQL: wide rows that kept the terms' texts
      // and generated their vector.
      await knex.raw('DROP TABLE newsroom_search_entries');
      await knex.raw(`CREATE TABLE newsroom_search_entries (
        id bigserial PRIMARY KEY, kind varchar(16) NOT NULL, row_id integer NOT NULL,
        document_id varchar(255) NOT NULL, title_terms text NOT NULL, body_terms text NOT NULL,
        terms tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, title_terms), 'A') ||
          setweight(to_tsvector('simple'::regconfig, body_terms), 'B')) STORED)`);
      await knex.raw(`CREATE UNIQUE INDEX newsroom_search_entries_row ON newsroom_search_entries (kind, row_id)`);
    }
    const indexed = await app.strapi.plugin('newsroom').service('search').prepare();
    if (!sqlite) {
      // Made anew and filled again: every stored version of the three types.
      const stored = await Promise.all(
        [ARTICLE, QUOTE, 'plugin::newsroom.source'].map((uid) => app.strapi.db.query(uid).count({})),
      );
      expect(indexed).toBe(stored.reduce((sum, count) => sum + count, 0));
      const { rows } = await knex.raw(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'newsroom_search_entries'`,
      );
      expect(rows.map((row: { column_name: string }) => row.column_name).sort()).toEqual(
        ['document_id', 'id', 'kind', 'public', 'row_id', 'terms'].sort(),
      );
      // The vector compressed with LZ4 (the CI's PostgreSQL 15 from Debian has it).
      const compression = await knex.raw(
        `SELECT attcompression FROM pg_attribute WHERE attrelid = 'newsroom_search_entries'::regclass AND attname = 'terms'`,
      );
      expect(compression.rows[0].attcompression).toBe('l');
      // The public entries of a kind have an index of their own: the public's search skips the drafts.
      const publicIndex = await knex.raw(
        `SELECT indexdef FROM pg_indexes WHERE tablename = 'newsroom_search_entries' AND indexname = 'newsroom_search_entries_public'`,
      );
      expect(publicIndex.rows[0]?.indexdef).toMatch(/\(kind\) WHERE public/);
    }
    if (sqlite) {
      const [made] = await knex.raw(`SELECT sql FROM sqlite_master WHERE name = 'newsroom_search_public_fts'`);
      expect(made.sql).toMatch(/fts5\(\s*kind, title_terms, body_terms/);
    }
    expect(await foundIds('سمرقند')).toEqual([before.documentId]);
    // Written after the boot: through the triggers made anew, with its kind.
    const after = await publishStory({ body: '<p>خبر آخر عن سمرقند.</p>' });
    expect((await foundIds('سمرقند')).sort()).toEqual([before.documentId, after.documentId].sort());
    expect(await foundIds('سمرقند', 'quotes')).toEqual([]);
  });
});

describe("the admin's search box", () => {
  test('finds إيران from ايران and مُحَمَّد from محمد, as an editor types them', async () => {
    const jwt = await adminToken(app.strapi, app.server, 'strapi-editor');
    const story = await publishStory({ title: 'مُحَمَّد يزور إيران', body: '<p>زيارة.</p>' });
    for (const q of ['ايران', 'محمد', 'يزور ايران']) {
      const response = await request(app.server)
        .get(`/content-manager/collection-types/${ARTICLE}`)
        .query({ _q: q, pageSize: '100' })
        .set('Authorization', `Bearer ${jwt}`);
      expect(response.status).toBe(200);
      expect(response.body.results.map((row: { documentId: string }) => row.documentId)).toContain(story.documentId);
      expect(response.body.results[0]).not.toHaveProperty('searchText');
    }
    // Nor is the search's column a field of any edit view.
    for (const uid of [ARTICLE, QUOTE, 'plugin::newsroom.source']) {
      const view = await request(app.server)
        .get(`/content-manager/content-types/${uid}/configuration`)
        .set('Authorization', `Bearer ${jwt}`)
        .expect(200);
      const fields = (view.body.data.contentType.layouts.edit as Array<Array<{ name: string }>>).flat();
      expect(fields.map((field) => field.name)).not.toContain('searchText');
      expect(fields.length).toBeGreaterThan(0);
    }
  });
});

test('the database under test is the one asked for', () => {
  expect(app.strapi.db.dialect.client).toBe(testDatabaseClient());
});
