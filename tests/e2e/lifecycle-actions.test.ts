// The story lifecycle's document actions in the admin panel, in English and then in Arabic: "Issue
// correction" publishes a correction with its note, "Publish as an update of…" links the earlier
// story, "Publish under embargo…" keeps it from public reads until its time, "Kill story" asks for
// the reason and the story leaves public reads; each checked through
// the public REST API; the desk lists the kill. Screenshots go to artifacts/e2e (lifecycle-*.png).
import request from 'supertest';
import type { Page } from 'playwright-core';
import { apiToken, requiredCredits } from '../helpers/strapi';
import { ARTICLES, closeSession, dismissOverlays, e2eSuite, logIn, openSession, type Session } from './support';

const suite = e2eSuite('tests/e2e/lifecycle-actions.test.ts');

const LABELS = {
  en: {
    more: 'More document actions',
    correction: 'Issue correction',
    updateOf: 'Publish as an update of…',
    kill: 'Kill story',
    embargo: 'Publish under embargo…',
  },
  ar: {
    // The panel's menu button, as the newsroom's Arabic names it (the header's is المزيد من الإجراءات).
    more: 'المزيد من إجراءات المادة',
    correction: 'إصدار تصحيح',
    updateOf: 'نشر بوصفه تحديثًا لـ…',
    kill: 'سحب الخبر',
    embargo: 'نشر مع حظر حتى…',
  },
} as const;

suite('the story lifecycle’s document actions', () => {
  let session: Session;
  let page: Page;
  let token: string;
  let credits: Array<{ role: string; source: string }>;

  beforeAll(async () => {
    session = await openSession('lifecycle');
    page = session.page;
    token = await apiToken(session.app.strapi, 'full-access');
    credits = await requiredCredits(session.app.strapi);
    await logIn(page, session.base);
  });
  afterAll(async () => {
    await closeSession(session);
  });

  const publishStory = async (title: string) => {
    const response = await request(session.app.server)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title, body: `<p>${title}: النص.</p>`, credits } })
      .expect(201);
    return response.body.data as { documentId: string; title: string };
  };
  const publicEntry = (documentId: string, query = '') =>
    request(session.app.server).get(`/api/articles/${documentId}${query}`);

  async function openAction(documentId: string, label: string, more: string) {
    await page.goto(`${session.base}${ARTICLES}/${documentId}`);
    await page.locator('input[name="title"]').waitFor();
    await dismissOverlays(page);
    const direct = page.getByRole('button', { name: label, exact: true });
    if (!(await direct.isVisible())) {
      await page.getByRole('button', { name: more, exact: true }).click();
      await page.getByRole('menuitem', { name: label }).click();
    } else {
      await direct.click();
    }
    await page.getByRole('dialog').getByText(label).first().waitFor();
  }

  async function confirm(expectReload = true) {
    const reloaded = expectReload ? page.waitForEvent('load') : Promise.resolve();
    await page.locator('[data-newsroom-action-confirm]').click();
    await reloaded;
  }

  for (const language of ['en', 'ar'] as const) {
    const labels = LABELS[language];

    test(`${language}: the interface language`, async () => {
      await page.evaluate((locale) => localStorage.setItem('strapi-admin-language', locale), language);
      await page.goto(`${session.base}/admin`);
      await page.waitForFunction((locale) => document.documentElement.lang === locale, language);
    });

    test(`${language}: Issue correction asks for the note and publishes it as a correction`, async () => {
      const story = await publishStory(`خبر للتصحيح ${language}`);
      await openAction(story.documentId, labels.correction, labels.more);
      await session.shot(`${language}-correction-dialog`);
      await page.getByRole('dialog').locator('textarea').fill('صُحّح اسم المدينة');
      await confirm();
      const entry = await publicEntry(story.documentId, '?populate=corrections').expect(200);
      expect(entry.body.data).toMatchObject({ version: 2, ednote: 'صُحّح اسم المدينة' });
      expect(entry.body.data.corrections.map(({ note }: { note: string }) => note)).toEqual(['صُحّح اسم المدينة']);
    });

    test(`${language}: Publish as an update of… picks the earlier story`, async () => {
      const earlier = await publishStory(`الخبر السابق ${language}`);
      const story = await publishStory(`الخبر اللاحق ${language}`);
      await openAction(story.documentId, labels.updateOf, labels.more);
      await page.getByRole('dialog').getByRole('combobox').click();
      await page.getByRole('option', { name: earlier.title }).click();
      await session.shot(`${language}-update-of-dialog`);
      await confirm();
      const entry = await publicEntry(story.documentId, '?populate=updates').expect(200);
      expect(entry.body.data.updates.documentId).toBe(earlier.documentId);
    });

    test(`${language}: Publish under embargo… asks for the time; until then the story is in no public read`, async () => {
      const story = await publishStory(`خبر تحت الحظر ${language}`);
      await publicEntry(story.documentId).expect(200);
      await openAction(story.documentId, labels.embargo, labels.more);
      const confirmButton = page.locator('[data-newsroom-action-confirm]');
      expect(await confirmButton.isDisabled()).toBe(true);
      // Tomorrow at this minute, as the browser's own clock and time zone write it.
      const [local, instant] = await page.evaluate(() => {
        const until = new Date(Date.now() + 24 * 60 * 60 * 1000);
        until.setSeconds(0, 0);
        const local = new Date(until.getTime() - until.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
        return [local, until.toISOString()];
      });
      await page.getByRole('dialog').locator('input[type="datetime-local"]').fill(local);
      await session.shot(`${language}-embargo-dialog`);
      await confirm();
      await publicEntry(story.documentId).expect(404);
      const list = await request(session.app.server).get('/api/articles?pagination[pageSize]=100').expect(200);
      expect(list.body.data.map((article: { documentId: string }) => article.documentId)).not.toContain(
        story.documentId,
      );
      const ninjs = await request(session.app.server).get('/api/syndication/ninjs?limit=100').expect(200);
      expect(ninjs.body.map((item: { uri: string }) => item.uri)).not.toContain(
        `urn:newsroom:article:${story.documentId}`,
      );
      const stored = await session.app.strapi
        .documents('plugin::newsroom.article')
        .findOne({ documentId: story.documentId, status: 'published' } as never);
      expect(stored).toMatchObject({ pubStatus: 'withheld' });
      expect(new Date((stored as { embargoedUntil: string }).embargoedUntil).toISOString()).toBe(instant);
      // The desk lists it with the time it lifts.
      await page.goto(`${session.base}/admin`);
      await page.locator(`[data-testid="newsroom-desk"] [data-newsroom-embargoed="${story.documentId}"]`).waitFor();
    });

    test(`${language}: Kill story asks for the reason; the story leaves public reads`, async () => {
      const story = await publishStory(`خبر للسحب ${language}`);
      await publicEntry(story.documentId).expect(200);
      await openAction(story.documentId, labels.kill, labels.more);
      const confirmButton = page.locator('[data-newsroom-action-confirm]');
      expect(await confirmButton.isDisabled()).toBe(true);
      await page.getByRole('dialog').locator('textarea').fill('سُحب لخطأ في هوية المتحدث');
      await session.shot(`${language}-kill-dialog`);
      await confirm();
      await publicEntry(story.documentId).expect(404);
      const ninjs = await request(session.app.server).get('/api/syndication/ninjs?limit=100').expect(200);
      expect(ninjs.body.find((item: { uri: string }) => item.uri.endsWith(story.documentId))).toMatchObject({
        pubStatus: 'canceled',
        edNote: 'سُحب لخطأ في هوية المتحدث',
      });
      // A killed story offers no lifecycle action any more.
      await page.locator('input[name="title"]').waitFor();
      const more = page.getByRole('button', { name: labels.more, exact: true });
      if (await more.isVisible()) {
        await more.click();
        await page.getByRole('menu').waitFor();
        expect(await page.getByRole('menuitem', { name: labels.kill }).count()).toBe(0);
        await page.keyboard.press('Escape');
      }
      expect(await page.getByRole('button', { name: labels.kill, exact: true }).count()).toBe(0);
      // The desk lists it with its reason while the kill notice runs.
      await page.goto(`${session.base}/admin`);
      const row = page.locator(`[data-testid="newsroom-desk"] [data-newsroom-killed="${story.documentId}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain('سُحب لخطأ في هوية المتحدث');
      await session.shot(`${language}-desk`);
    });
  }
});
