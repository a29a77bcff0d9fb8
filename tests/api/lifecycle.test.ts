// The story lifecycle through the real server: versions on publish, append-only corrections, kills
// and embargoes on every public read path (list, entry, count, populate from a Quote and from
// another Article), embargo partners by their token's name, and the rights of the seed's agencies.
import request from 'supertest';
import {
  adminToken,
  apiToken,
  newsroomService,
  requiredCredits,
  rowCounts,
  startStrapi,
  type TestApp,
} from '../helpers/strapi';

let app: TestApp;
let token: string;
let partnerToken: string;
let credits: Array<{ role: string; source: string }>;

const PARTNER = 'embargo-partner-feed';

beforeAll(async () => {
  app = await startStrapi();
  token = await apiToken(app.strapi, 'full-access');
  const partner = await app.strapi
    .service('admin::api-token')
    .create({ name: PARTNER, type: 'read-only', lifespan: null, permissions: [] });
  partnerToken = partner.accessKey;
  const current = app.strapi.config.get('plugin::newsroom') as Record<string, unknown>;
  app.strapi.config.set('plugin::newsroom', { ...current, embargoPartners: [PARTNER] });
  credits = await requiredCredits(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const anonymous = (path: string) => request(app.server).get(path);
const asPartner = (path: string) => request(app.server).get(path).set('Authorization', `Bearer ${partnerToken}`);
const write = (method: 'post' | 'put', path: string, data: Record<string, unknown>) =>
  request(app.server)[method](path).set('Authorization', `Bearer ${token}`).send({ data });

let serial = 0;
async function publishStory(data: Record<string, unknown> = {}) {
  serial += 1;
  const response = await write('post', '/api/articles', {
    title: `خبر دورة الحياة رقم ${serial}`,
    body: `<p>نص الخبر رقم ${serial}.</p>`,
    credits,
    ...data,
  });
  expect(response.status).toBe(201);
  return response.body.data;
}

const inFuture = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const listed = async (path: string, reader = anonymous) => {
  const response = await reader(path).expect(200);
  return response.body.data.map((entry: { documentId: string }) => entry.documentId);
};

describe('version and first publication', () => {
  test('1 at first publish, +1 per published change, kept by a publish that changed nothing', async () => {
    const story = await publishStory();
    expect(story).toMatchObject({ version: 1, pubStatus: 'usable' });
    expect(story.firstPublishedAt).toEqual(expect.any(String));
    const first = story.firstPublishedAt;

    const changed = await write('put', `/api/articles/${story.documentId}`, { title: 'عنوان معدّل للخبر' });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ version: 2, firstPublishedAt: first });

    await app.strapi.documents('plugin::newsroom.article').publish({ documentId: story.documentId });
    const entry = await anonymous(`/api/articles/${story.documentId}`).expect(200);
    expect(entry.body.data).toMatchObject({ version: 2, firstPublishedAt: first });
  });

  test('a client cannot set the version, the first publication or the kill time', async () => {
    const story = await publishStory({ version: 40, firstPublishedAt: '2001-01-01T00:00:00.000Z', killedAt: null });
    expect(story.version).toBe(1);
    expect(story.firstPublishedAt).not.toBe('2001-01-01T00:00:00.000Z');
  });

  test('a republish after an unpublish goes on counting; the first publication stays', async () => {
    const story = await publishStory();
    const articles = app.strapi.documents('plugin::newsroom.article');
    await articles.unpublish({ documentId: story.documentId });
    await articles.update({ documentId: story.documentId, data: { title: 'عنوان بعد السحب المؤقت' } as never });
    await articles.publish({ documentId: story.documentId });
    const entry = await anonymous(`/api/articles/${story.documentId}`).expect(200);
    expect(entry.body.data).toMatchObject({ version: 2, firstPublishedAt: story.firstPublishedAt });
  });
});

describe('stories published before versions existed', () => {
  test('are given version 1 and their publication as the first, once', async () => {
    const story = await publishStory();
    const articles = app.strapi.db.query('plugin::newsroom.article');
    await articles.updateMany({
      where: { documentId: story.documentId },
      data: { version: null, firstPublishedAt: null },
    });
    const lifecycle = newsroomService(app.strapi, 'lifecycle');
    expect(await lifecycle.backfillVersions()).toBe(1);
    expect(await lifecycle.backfillVersions()).toBe(0);
    const rows = await articles.findMany({ where: { documentId: story.documentId } });
    const published = rows.find((row: any) => row.publishedAt);
    for (const row of rows) {
      expect(row.version).toBe(1);
      expect(new Date(row.firstPublishedAt).getTime()).toBe(new Date(published.publishedAt).getTime());
    }
    const changed = await write('put', `/api/articles/${story.documentId}`, { title: 'عنوان بعد الترحيل' });
    expect(changed.body.data.version).toBe(2);
  });
});

describe('a clone', () => {
  test('is a new story: no version, first publication or kill of the original', async () => {
    const story = await publishStory();
    await write('put', `/api/articles/${story.documentId}`, {
      corrections: [{ at: '2026-12-07T10:00:00.000Z', note: 'تصحيح' }],
    }).expect(200);
    await write('put', `/api/articles/${story.documentId}`, { pubStatus: 'canceled', ednote: 'سحب' }).expect(200);
    const clone = await app.strapi
      .documents('plugin::newsroom.article')
      .clone({ documentId: story.documentId, data: { title: 'نسخة من الخبر المسحوب' } as never });
    const draft: any = await app.strapi.documents('plugin::newsroom.article').findOne({
      documentId: clone?.documentId as string,
      populate: ['corrections'],
    });
    expect(draft).toMatchObject({
      version: null,
      firstPublishedAt: null,
      killedAt: null,
      pubStatus: 'usable',
      ednote: null,
    });
  });
});

describe('corrections are append-only', () => {
  test('a correction is appended; changing or dropping one is a 400 naming its index, nothing written', async () => {
    const story = await publishStory();
    const first = { at: '2026-12-07T10:00:00.000Z', note: 'صُحّح اسم المتحدث' };
    const appended = await write('put', `/api/articles/${story.documentId}`, {
      corrections: [first],
      ednote: 'Correction: the speaker’s name',
    });
    expect(appended.status).toBe(200);
    expect(appended.body.data.version).toBe(2);

    const second = { at: '2026-12-07T11:00:00.000Z', note: 'صُحّح التاريخ' };
    const both = await write('put', `/api/articles/${story.documentId}?populate=corrections`, {
      corrections: [first, second],
    });
    expect(both.status).toBe(200);
    expect(both.body.data.corrections.map(({ at, note }: any) => ({ at, note }))).toEqual([first, second]);

    const before = await rowCounts(app.strapi);
    for (const [corrections, index] of [
      [[{ ...first, note: 'نص آخر' }, second], 0],
      [[first], 1],
      [[first, { ...second, at: '2026-12-07T11:30:00.000Z' }], 1],
    ] as const) {
      const refused = await write('put', `/api/articles/${story.documentId}`, { corrections });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toMatchObject({
        field: `corrections[${index}]`,
        rule: 'corrections-append-only',
      });
      expect(refused.body.error.message).toContain(`corrections[${index}]`);
    }
    // The admin's Content Manager is refused the same way.
    const admin = await adminToken(app.strapi, app.server);
    const edited = await request(app.server)
      .put(`/content-manager/collection-types/plugin::newsroom.article/${story.documentId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ corrections: [second] });
    expect(edited.status).toBe(400);
    expect(edited.body.error.details).toMatchObject({ field: 'corrections[0]' });
    expect(await rowCounts(app.strapi)).toEqual(before);
    const entry = await anonymous(`/api/articles/${story.documentId}?populate=corrections`).expect(200);
    expect(entry.body.data.corrections.map(({ note }: any) => note)).toEqual([first.note, second.note]);
    expect(entry.body.data.version).toBe(3);
  });
});

describe('a killed story', () => {
  test('a kill without an editor’s note is refused', async () => {
    const story = await publishStory();
    const refused = await write('put', `/api/articles/${story.documentId}`, { pubStatus: 'canceled' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ field: 'ednote', rule: 'kill-needs-ednote' });
    await anonymous(`/api/articles/${story.documentId}`).expect(200);
  });

  test('leaves every public read: list, entry, count, populate from its Quote and from the story updating it', async () => {
    const story = await publishStory();
    const quote = await write('post', '/api/quotes', {
      text: 'كلام منقول في الخبر المسحوب',
      speaker: 'متحدث رسمي',
      article: story.documentId,
    });
    expect(quote.status).toBe(201);
    const update = await publishStory({ updates: story.documentId });
    const populated = await anonymous(`/api/articles/${update.documentId}?populate=updates`).expect(200);
    expect(populated.body.data.updates.documentId).toBe(story.documentId);
    const total = (await anonymous('/api/articles').expect(200)).body.meta.pagination.total;

    const kill = await write('put', `/api/articles/${story.documentId}`, {
      pubStatus: 'canceled',
      ednote: 'سُحب بقرار قضائي — Killed on legal advice',
    });
    expect(kill.status).toBe(200);
    expect(kill.body.data).toMatchObject({ pubStatus: 'canceled', killedAt: expect.any(String) });

    expect(await listed('/api/articles?pagination[pageSize]=100')).not.toContain(story.documentId);
    expect((await anonymous('/api/articles').expect(200)).body.meta.pagination.total).toBe(total - 1);
    await anonymous(`/api/articles/${story.documentId}`).expect(404);
    await anonymous(`/api/articles?filters[documentId][$eq]=${story.documentId}`)
      .expect(200)
      .expect(({ body }) => expect(body.data).toEqual([]));
    for (const path of ['/api/quotes?populate=article', '/api/quotes?populate[article][populate]=*']) {
      const quotes = (await anonymous(path).expect(200)).body.data;
      expect(quotes.map((each: any) => each.documentId)).not.toContain(quote.body.data.documentId);
      expect(JSON.stringify(quotes)).not.toContain(story.documentId);
    }
    for (const path of [
      `/api/articles/${update.documentId}?populate=updates`,
      `/api/articles/${update.documentId}?populate=*`,
      `/api/articles/${update.documentId}?populate[0]=updates`,
      `/api/articles/${update.documentId}?populate[updates][populate][quotes]=true`,
    ]) {
      const entry = (await anonymous(path).expect(200)).body.data;
      expect(entry.updates ?? null).toBeNull();
    }
    // A partner learns of the kill from the feeds, not from the content API.
    await asPartner(`/api/articles/${story.documentId}`).expect(404);
    // The newsroom's own draft read still has it.
    await request(app.server)
      .get(`/api/articles/${story.documentId}?status=draft`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
  });

  test('stays killed', async () => {
    const story = await publishStory();
    await write('put', `/api/articles/${story.documentId}`, { pubStatus: 'canceled', ednote: 'خطأ جسيم' }).expect(200);
    const revived = await write('put', `/api/articles/${story.documentId}`, { pubStatus: 'usable' });
    expect(revived.status).toBe(400);
    expect(revived.body.error.details).toMatchObject({ field: 'pubStatus', rule: 'killed-stays-killed' });
  });
});

describe('an embargoed story', () => {
  test('is withheld from the public on every read path, shown to a partner, and public once the time passes', async () => {
    // An embargo a few seconds away, lifted by the clock alone: no write happens at that instant.
    const lifts = Date.now() + 6000;
    const story = await publishStory({ embargoedUntil: new Date(lifts).toISOString() });
    expect(story.pubStatus).toBe('withheld');
    const quote = await write('post', '/api/quotes', {
      text: 'كلام تحت الحظر',
      speaker: 'مسؤول',
      article: story.documentId,
    });
    expect(quote.status).toBe(201);

    const LIST = '/api/articles?pagination[pageSize]=100';
    expect(await listed(LIST)).not.toContain(story.documentId);
    const cached = await anonymous(LIST).expect(200);
    expect(cached.headers['x-cache']).toBe('HIT');
    await anonymous(`/api/articles/${story.documentId}`).expect(404);
    const quotes = (await anonymous('/api/quotes?populate=article&pagination[pageSize]=100').expect(200)).body;
    expect(quotes.data.map((each: any) => each.documentId)).not.toContain(quote.body.data.documentId);
    expect(JSON.stringify(quotes)).not.toContain(story.documentId);
    await anonymous(`/api/quotes/${quote.body.data.documentId}?populate=article`).expect(404);
    const { total } = (await anonymous('/api/articles').expect(200)).body.meta.pagination;

    const partnerEntry = await asPartner(`/api/articles/${story.documentId}`).expect(200);
    expect(partnerEntry.body.data.pubStatus).toBe('withheld');
    expect(await listed(LIST, asPartner)).toContain(story.documentId);
    const partnerQuotes = (await asPartner('/api/quotes?populate=article&pagination[pageSize]=100').expect(200)).body;
    expect(partnerQuotes.data.map((each: any) => each.documentId)).toContain(quote.body.data.documentId);

    expect(Date.now()).toBeLessThan(lifts);
    await new Promise((resolve) => setTimeout(resolve, lifts - Date.now() + 50));
    const after = await anonymous(LIST).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.headers.etag).not.toBe(cached.headers.etag);
    expect(after.body.data.map((entry: any) => entry.documentId)).toContain(story.documentId);
    expect((await anonymous('/api/articles').expect(200)).body.meta.pagination.total).toBe(total + 1);
    await anonymous(`/api/articles/${story.documentId}`).expect(200);
    const quotesAfter = (await anonymous('/api/quotes?populate=article&pagination[pageSize]=100').expect(200)).body;
    expect(quotesAfter.data.map((each: any) => each.documentId)).toContain(quote.body.data.documentId);
  });

  test('an embargo lifted early by its editor makes the story public at once', async () => {
    const story = await publishStory({ embargoedUntil: inFuture(60) });
    await anonymous(`/api/articles/${story.documentId}`).expect(404);
    const lifted = await write('put', `/api/articles/${story.documentId}`, { embargoedUntil: null });
    expect(lifted.body.data.pubStatus).toBe('usable');
    await anonymous(`/api/articles/${story.documentId}`).expect(200);
  });
});

describe('agencies’ rights', () => {
  test('the seed gives Sputnik and Pakistan Point News their copyright notice and usage terms', async () => {
    const sources = (
      await anonymous('/api/sources?filters[slug][$in][0]=sputnik&filters[slug][$in][1]=pakistan-point-news').expect(
        200,
      )
    ).body.data;
    expect(sources).toHaveLength(2);
    for (const source of sources) {
      expect(source.copyrightNotice).toMatch(/©/);
      expect(source.usageTerms).toEqual(expect.any(String));
    }
  });
});

describe('the editors’ actions of the admin panel', () => {
  const action = (admin: string, documentId: string, name: string, body: Record<string, unknown>) =>
    request(app.server)
      .post(`/newsroom/articles/${documentId}/${name}`)
      .set('Authorization', `Bearer ${admin}`)
      .send(body);

  test('kill, correction and update-of publish through the rules; an Author may not', async () => {
    const editor = await adminToken(app.strapi, app.server);
    const earlier = await publishStory();
    const story = await publishStory();

    const updateOf = await action(editor, story.documentId, 'update-of', { updates: earlier.documentId });
    expect(updateOf.status).toBe(200);
    const populated = await anonymous(`/api/articles/${story.documentId}?populate=updates`).expect(200);
    expect(populated.body.data).toMatchObject({ version: 2, updates: { documentId: earlier.documentId } });
    expect((await action(editor, story.documentId, 'update-of', { updates: story.documentId })).status).toBe(400);

    const corrected = await action(editor, story.documentId, 'correction', { note: 'صُحّح عدد الضحايا' });
    expect(corrected.status).toBe(200);
    const entry = await anonymous(`/api/articles/${story.documentId}?populate=corrections`).expect(200);
    expect(entry.body.data).toMatchObject({ version: 3, ednote: 'صُحّح عدد الضحايا' });
    expect(entry.body.data.corrections.map(({ note }: any) => note)).toEqual(['صُحّح عدد الضحايا']);
    expect((await action(editor, story.documentId, 'correction', { note: ' ' })).body.error.details).toMatchObject({
      field: 'corrections[1]',
      rule: 'correction-note',
    });

    const author = await adminToken(app.strapi, app.server, 'strapi-author');
    expect((await action(author, story.documentId, 'kill', { ednote: 'لا' })).status).toBe(403);
    expect((await action(editor, story.documentId, 'kill', {})).body.error.details).toMatchObject({ field: 'ednote' });
    await anonymous(`/api/articles/${story.documentId}`).expect(200);
    expect((await action(editor, story.documentId, 'kill', { ednote: 'سحب بقرار قضائي' })).status).toBe(200);
    await anonymous(`/api/articles/${story.documentId}`).expect(404);
    expect((await action(editor, 'no-such-article', 'kill', { ednote: 'x' })).status).toBe(404);
  });
});

describe('filters through a relation', () => {
  test('ask nothing of a hidden story: the public cannot test words of an embargoed or killed one', async () => {
    const secret = 'كلمة-سرية-في-خبر-محظور';
    const hidden = await publishStory({ body: `<p>${secret}</p>`, embargoedUntil: inFuture(600) });
    const story = await publishStory({ updates: hidden.documentId });
    const quote = await write('post', '/api/quotes', {
      text: 'اقتباس من الخبر المحدِّث',
      speaker: 'سامر العبادي',
      article: hidden.documentId,
    });
    const probes = [
      `/api/articles?filters[updates][body][$containsi]=${encodeURIComponent(secret)}`,
      `/api/articles?filters[$or][0][updates][body][$containsi]=${encodeURIComponent(secret)}`,
      `/api/articles?filters[updates][title][$eq]=${encodeURIComponent(hidden.title)}`,
    ];
    for (const probe of probes) {
      expect(await listed(probe)).not.toContain(story.documentId);
    }
    expect(await listed(`/api/quotes?filters[article][body][$containsi]=${encodeURIComponent(secret)}`)).not.toContain(
      quote.body.data?.documentId,
    );
    // A partner may ask: the story is theirs to read.
    const partner = (
      await asPartner(`/api/articles?filters[updates][body][$containsi]=${encodeURIComponent(secret)}`).expect(200)
    ).body.data.map((each: { documentId: string }) => each.documentId);
    expect(partner).toContain(story.documentId);
    // Once public, the same question finds it.
    await write('put', `/api/articles/${hidden.documentId}`, { embargoedUntil: null }).expect(200);
    expect(await listed(probes[0])).toContain(story.documentId);
  });
});

describe('the embargo action of the admin panel', () => {
  test('publishes under embargo until a time in the future; a past or unreadable time is refused, nothing written', async () => {
    const editor = await adminToken(app.strapi, app.server);
    const story = await publishStory();
    const post = (body: Record<string, unknown>, token = editor) =>
      request(app.server)
        .post(`/newsroom/articles/${story.documentId}/embargo`)
        .set('Authorization', `Bearer ${token}`)
        .send(body);
    for (const embargoedUntil of [new Date(Date.now() - 60_000).toISOString(), 'demain', 42, undefined]) {
      const refused = await post({ embargoedUntil });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toMatchObject({ field: 'embargoedUntil', rule: 'embargo-in-future' });
    }
    await anonymous(`/api/articles/${story.documentId}`).expect(200);
    const author = await adminToken(app.strapi, app.server, 'strapi-author');
    expect((await post({ embargoedUntil: inFuture(3600) }, author)).status).toBe(403);
    await anonymous(`/api/articles/${story.documentId}`).expect(200);
    const until = inFuture(3600);
    expect((await post({ embargoedUntil: until })).status).toBe(200);
    await anonymous(`/api/articles/${story.documentId}`).expect(404);
    const stored = await app.strapi
      .documents('plugin::newsroom.article')
      .findOne({ documentId: story.documentId, status: 'published' } as never);
    expect(stored).toMatchObject({ pubStatus: 'withheld' });
    expect(
      Math.abs(Date.parse((stored as { embargoedUntil: string }).embargoedUntil) - Date.parse(until)),
    ).toBeLessThan(1000);
  });
});

describe('the desk', () => {
  test('lists embargoed stories with their time, kills with their reason, today’s corrections', async () => {
    const editor = await adminToken(app.strapi, app.server);
    const until = inFuture(90);
    const embargoed = await publishStory({ embargoedUntil: until });
    const killed = await publishStory();
    await write('put', `/api/articles/${killed.documentId}`, { pubStatus: 'canceled', ednote: 'سبب السحب' }).expect(
      200,
    );
    const corrected = await publishStory();
    await request(app.server)
      .post(`/newsroom/articles/${corrected.documentId}/correction`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ note: 'صُحّح الرقم' })
      .expect(200);
    const desk = (await request(app.server).get('/newsroom/desk').set('Authorization', `Bearer ${editor}`).expect(200))
      .body.data;
    expect(desk.embargoed).toContainEqual({ documentId: embargoed.documentId, title: embargoed.title, at: until });
    expect(desk.killed).toContainEqual(
      expect.objectContaining({ documentId: killed.documentId, note: 'سبب السحب', at: expect.any(String) }),
    );
    expect(desk.corrected[0]).toMatchObject({ documentId: corrected.documentId, note: 'صُحّح الرقم' });
    expect(desk.embargoed.map((row: any) => row.documentId)).not.toContain(killed.documentId);
  });
});
