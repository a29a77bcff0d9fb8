// The editors' admin panel in English: left to right, the menu on the left, labels in English
// alone (no Arabic glued to them), Arabic content still right to left, the body editor full width,
// derived fields read-only in the side panel, a refusal in English only, the desk listing the draft
// it held back and a quotation whose speaker needs review (until an editor's save confirms it), and
// a publish with direction in the stored HTML. Screenshots go to artifacts/e2e (en-*.png).
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import type { Page } from 'playwright-core';
import {
  addCredit,
  ARTICLES,
  closeSession,
  contentOf,
  dismissOverlays,
  e2eSuite,
  htmlDirection,
  logIn,
  navigationBox,
  notificationWith,
  openSession,
  SEED_DATELINE,
  SEED_TITLE,
  textsInTheWrongLanguage,
  type Session,
  writeArticle,
} from './support';

const suite = e2eSuite('tests/e2e/admin.test.ts');
const CREDIT_LABELS = { add: /No entry yet|Add an entry/i, source: /Source/, role: /Role/ };
const HELD_TITLE = 'خبر بلا سبوتنيك للاختبار';
const PUBLISHED_TITLE = 'اختبار المحرر: شبكة NBC تنقل الخبر';
const REVIEW_TITLE = 'باكستان ترفع مخصصات التعليم في الميزانية الجديدة';
// The spokesman is never named: the importer's guess of the speaker waits for an editor.
const REVIEW_DISPATCH = `${REVIEW_TITLE}

(پاکستان پوائنٹ نیوز / سبوتنيك - 3 مارس 2024ء) قال وزير المالية الباكستاني محمد أورنجزيب، اليوم الأحد، إن الميزانية الجديدة تركز على التعليم والصحة.

وقال أورنجزيب للصحفيين في إسلام آباد: "سنرفع مخصصات التعليم بنسبة عشرين بالمئة هذا العام".

وقال المتحدث: "لن تفرض الحكومة ضرائب جديدة على الرواتب".
`;

suite('the admin panel for editors, in English', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await openSession('en');
    page = session.page;
  });
  afterAll(async () => {
    await closeSession(session);
  });

  test('1. an editor logs in: the admin runs left to right, the menu on the left, the list in English', async () => {
    await logIn(page, session.base);
    expect(await htmlDirection(page)).toEqual({ dir: 'ltr', lang: 'en' });
    expect((await navigationBox(page)).x).toBeLessThan(1440 / 2);
    await page.goto(`${session.base}${ARTICLES}`);
    await page.getByText(SEED_TITLE).first().waitFor();
    await dismissOverlays(page);
    const row = page.getByRole('row').filter({ hasText: SEED_TITLE });
    await row
      .getByText(/published/i)
      .first()
      .waitFor();
    for (const header of ['Title', 'Dispatch date', 'Credits']) {
      await page.locator('thead').getByText(header, { exact: true }).waitFor();
    }
    expect(
      await textsInTheWrongLanguage(page, {
        wrong: 'arabic',
        content: await contentOf(session, [HELD_TITLE, PUBLISHED_TITLE]),
      }),
    ).toEqual([]);
    // A truncated Arabic title keeps its beginning: the first letter lies inside the box that
    // clips the text (left-to-right truncation would push it past the right edge).
    const firstLetter = await row
      .getByText(SEED_TITLE)
      .first()
      .evaluate((element) => {
        let clip: Element = element;
        while (clip.parentElement && getComputedStyle(clip).overflow === 'visible') clip = clip.parentElement;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const text = walker.nextNode() as Text;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        const letter = range.getBoundingClientRect();
        const box = clip.getBoundingClientRect();
        return { letterLeft: letter.left, letterRight: letter.right, boxLeft: box.left, boxRight: box.right };
      });
    expect(firstLetter.letterRight).toBeLessThanOrEqual(firstLetter.boxRight + 1);
    expect(firstLetter.letterLeft).toBeGreaterThanOrEqual(firstLetter.boxLeft - 1);
    await session.shot('1-article-list');
  });

  test('2. the edit view: English labels, Arabic content right to left, the body full width, derived fields aside', async () => {
    await page.getByText(SEED_TITLE).first().click();
    const title = page.locator('input[name="title"]');
    await title.waitFor();
    await dismissOverlays(page);
    expect(await title.inputValue()).toBe(SEED_TITLE);
    expect(await title.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    const editor = page.locator('[data-testid="rtl-html-body"]');
    await editor.waitFor();
    expect(await editor.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await editor.innerText()).toContain('قال الرئيس الروسي فلاديمير بوتين');
    for (const label of ['Title', 'Dispatch date', 'Body', 'Credits', 'Quotes']) {
      await page
        .locator('main label')
        .filter({ hasText: new RegExp(`^${label}(\\s\\(\\d+\\))?\\*?$`) })
        .first()
        .waitFor();
    }
    for (const name of ['dateline', 'slug', 'lang', 'dir'])
      expect(await page.locator(`main [name="${name}"]`).count()).toBe(0);
    const panel = page.locator('[data-testid="newsroom-derived-fields"]');
    expect(await panel.locator('[data-newsroom-derived="dateline"]').innerText()).toBe(SEED_DATELINE);
    expect(await panel.locator('[data-newsroom-derived="lang"]').innerText()).toBe('Arabic (ar)');
    const editorBox = await editor.boundingBox();
    const titleBox = await title.boundingBox();
    expect(editorBox!.width).toBeGreaterThan(titleBox!.width * 0.95);
    expect(editorBox!.width).toBeGreaterThan(600);
    expect(
      await textsInTheWrongLanguage(page, {
        wrong: 'arabic',
        content: await contentOf(session, [HELD_TITLE, PUBLISHED_TITLE]),
      }),
    ).toEqual([]);
    await session.shot('2-edit-view');
  });

  test('3. a new article credited to both agencies is published with direction in its HTML', async () => {
    await writeArticle(session, PUBLISHED_TITLE, 'قالت شبكة NBC الأميركية إن المحادثات مستمرة');
    await addCredit(page, CREDIT_LABELS, 'پاکستان پوائنٹ نیوز', 'distributor');
    await addCredit(page, CREDIT_LABELS, 'سبوتنيك', 'originator');
    await session.shot('3a-new-article');
    await page.getByRole('button', { name: /^publish$/i }).click();
    await notificationWith(page, /published/i);
    await session.shot('3b-published');
    const response = await request(session.app.server)
      .get(
        `/api/articles?filters[title][$eq]=${encodeURIComponent(PUBLISHED_TITLE)}&populate[credits][populate][source]=true`,
      )
      .expect(200);
    expect(response.body.data).toHaveLength(1);
    const [article] = response.body.data;
    expect(article).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(article.body).toContain('<p dir="rtl" lang="ar">');
    expect(article.body).toContain('<bdi dir="ltr">NBC</bdi>');
    expect(article.credits.map((credit: any) => credit.source.slug).sort()).toEqual(['pakistan-point-news', 'sputnik']);
  });

  test('4. publishing without the Sputnik credit is refused in English only, and publishes nothing', async () => {
    await writeArticle(session, HELD_TITLE, 'نص الخبر');
    await addCredit(page, CREDIT_LABELS, 'پاکستان پوائنٹ نیوز', 'distributor');
    await page.getByRole('button', { name: /^save$/i }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    await page.getByRole('button', { name: /^publish$/i }).click();
    const toast = await notificationWith(page, /Sputnik/);
    const text = await toast.innerText();
    expect(text).toContain('credits: a published article must credit Sputnik');
    // Only the agency's own name is in Arabic, isolated inside the English sentence.
    expect(text.replace('سبوتنيك', '')).not.toMatch(/\p{Script=Arabic}/u);
    expect(await toast.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    await session.shot('4-refused');
    const published = await request(session.app.server)
      .get(`/api/articles?filters[title][$eq]=${encodeURIComponent(HELD_TITLE)}`)
      .expect(200);
    expect(published.body.data).toHaveLength(0);
  });

  test('5. the desk on the home page lists the draft held back, with the rule in English', async () => {
    await page.goto(`${session.base}/admin`);
    const held = page.locator('[data-testid="newsroom-desk"] [data-newsroom-held]').filter({ hasText: HELD_TITLE });
    await held.waitFor();
    const rule = await held.locator('[data-newsroom-rule="required-agency-missing"]').innerText();
    expect(rule).toContain('must credit Sputnik');
    await session.shot('5-desk');
  });

  test('6. the desk lists a quotation whose speaker needs review; the editor confirms it and it leaves the list', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-review-'));
    const file = path.join(folder, 'review.txt');
    writeFileSync(file, REVIEW_DISPATCH);
    try {
      const report = await session.app.strapi
        .plugin('newsroom')
        .service('importer')
        .importFiles([file], { status: 'published' });
      expect(report.created).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await page.goto(`${session.base}/admin`);
    const review = page
      .locator('[data-testid="newsroom-desk"] [data-newsroom-review]')
      .filter({ hasText: 'لن تفرض الحكومة ضرائب جديدة' });
    await review.waitFor();
    expect(await review.innerText()).toContain(REVIEW_TITLE);
    await session.shot('6a-desk-review');
    await review.getByRole('link').first().click();
    const panel = page.locator('[data-testid="newsroom-derived-fields"]');
    await panel.locator('[data-newsroom-derived="needsReview"][data-value="true"]').waitFor();
    expect(await page.locator('main [name="needsReview"]').count()).toBe(0);
    await dismissOverlays(page);
    await page.locator('input[name="speaker"]').fill('متحدث باسم وزارة المالية الباكستانية');
    await page.getByRole('button', { name: /^save$/i }).click();
    await panel.locator('[data-newsroom-derived="needsReview"][data-value="false"]').waitFor();
    await session.shot('6b-quote-confirmed');
    await page.goto(`${session.base}/admin`);
    await page.locator('[data-testid="newsroom-desk"]').waitFor();
    await page.locator('[data-testid="newsroom-desk"] [data-newsroom-import]').first().waitFor();
    expect(await review.count()).toBe(0);
  });
});
