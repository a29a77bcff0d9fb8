// An Arabic-speaking editor's whole day in the admin, in Arabic: the interface language chosen on
// the login page, a mirrored admin (<html dir="rtl">, the menu on the right, arrows pointing the
// reading way), no English label left in the list and the edit view, the body editor full width,
// derived fields read-only in the side panel, a refusal in Arabic only and in reading order, the
// desk listing the draft it held back, a publish, and back to English without a reload.
// Screenshots of each step go to artifacts/e2e (ar-*.png).
import request from 'supertest';
import type { Page } from 'playwright-core';
import {
  addCredit,
  ARTICLES,
  closeSession,
  contentOf,
  dismissOverlays,
  e2eSuite,
  EDITOR,
  eventually,
  htmlDirection,
  navigationBox,
  notificationWith,
  openSession,
  SEED_DATELINE,
  SEED_TITLE,
  textsInTheWrongLanguage,
  type Session,
  writeArticle,
} from './support';

const suite = e2eSuite('tests/e2e/admin-ar.test.ts');
const CREDIT_LABELS = { add: /لا توجد مادة بعد|إضافة مادة|إضافة/, source: /المصدر/, role: /الدور/ };
const HELD_TITLE = 'خبر محتجز: وكالة سبوتنيك غائبة عن الإسناد';
const PUBLISHED_TITLE = 'خبر كامل الإسناد: شبكة NBC تنقل التصريح';
// Content an editor wrote or a dispatch brought: names, titles and quotations, not interface.
// Product names stay Latin (Strapi Cloud, API); an admin's e-mail and role are records too.
const NAMES = [EDITOR.name, EDITOR.email, 'Newsroom', 'NE', 'Super Admin', 'Strapi Cloud', 'Strapi', 'API', 'NBC'];

suite('the admin in Arabic, right to left', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await openSession('ar');
    page = session.page;
  });
  afterAll(async () => {
    await closeSession(session);
  });

  // Visible interface text in Latin letters, leaving out content, names and product names.
  const latinLabels = async () =>
    textsInTheWrongLanguage(page, {
      wrong: 'latin',
      content: await contentOf(session, [HELD_TITLE, PUBLISHED_TITLE]),
      names: NAMES,
    });

  test('1. the login page in Arabic: chosen there, the page turns right to left, no English label', async () => {
    await page.goto(`${session.base}/admin/auth/login`);
    await page.locator('input[name="email"]').waitFor();
    expect(await htmlDirection(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await page.getByRole('combobox').first().click();
    await page.getByRole('option', { name: /العربية/ }).click();
    await page.getByRole('button', { name: 'تسجيل الدخول' }).waitFor();
    expect(await htmlDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await textsInTheWrongLanguage(page, { wrong: 'latin', content: [], names: NAMES })).toEqual([]);
    await session.shot('1-login');
  });

  test('2. the home page: mirrored, the menu on the right, the desk first', async () => {
    await page.locator('input[name="email"]').fill(EDITOR.email);
    await page.locator('input[name="password"]').fill(EDITOR.password);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    await page.getByText('مكتب التحرير').first().waitFor();
    await dismissOverlays(page);
    expect(await htmlDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    const nav = await navigationBox(page);
    expect(nav.x).toBeGreaterThan(1440 / 2);
    await page.locator('[data-testid="newsroom-desk"]').waitFor();
    expect(await latinLabels()).toEqual([]);
    await session.shot('2-home');
  });

  test('3. the article list: every label in Arabic, a long title keeps its beginning', async () => {
    await page.goto(`${session.base}${ARTICLES}`);
    await page.getByText(SEED_TITLE).first().waitFor();
    await dismissOverlays(page);
    for (const header of ['العنوان', 'تاريخ البرقية', 'الإسناد', 'الحالة']) {
      await page.locator('thead').getByText(header, { exact: true }).waitFor();
    }
    await page.getByRole('link', { name: /إنشاء مادة جديدة/ }).waitFor();
    expect(await latinLabels()).toEqual([]);
    // The back arrow points the reading way: mirrored.
    const arrow = await page
      .getByRole('link', { name: 'رجوع' })
      .locator('svg')
      .first()
      .evaluate((svg) => getComputedStyle(svg).transform);
    expect(arrow).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    await session.shot('3-list');
  });

  test('4. the edit view: Arabic labels, the body full width, derived fields read-only in the side panel', async () => {
    await page.getByText(SEED_TITLE).first().click();
    const title = page.locator('input[name="title"]');
    await title.waitFor();
    await page.locator('[data-testid="rtl-html-body"]').waitFor();
    await dismissOverlays(page);
    for (const label of ['العنوان', 'تاريخ البرقية', 'نص الخبر', 'الإسناد', 'الاقتباسات']) {
      await page
        .locator('main label')
        .filter({ hasText: new RegExp(`^${label}(\\s\\(\\d+\\))?\\*?$`) })
        .first()
        .waitFor();
    }
    // The credits' roles read in Arabic in their collapsed rows.
    await page.getByRole('button', { name: 'الموزّع' }).first().waitFor();
    // Derived fields are not in the form; the panel shows them.
    for (const name of ['dateline', 'slug', 'lang', 'dir'])
      expect(await page.locator(`main [name="${name}"]`).count()).toBe(0);
    const panel = page.locator('[data-testid="newsroom-derived-fields"]');
    await panel.waitFor();
    expect(await panel.locator('[data-newsroom-derived="dateline"]').innerText()).toBe(SEED_DATELINE);
    expect(await panel.locator('[data-newsroom-derived="dir"]').innerText()).toBe('من اليمين إلى اليسار');
    expect(await panel.locator('[data-newsroom-derived="lang"]').innerText()).toBe('العربية (ar)');
    // The body editor takes the form's whole width, as wide as the title.
    const editorBox = await page.locator('[data-testid="rtl-html-body"]').boundingBox();
    const titleBox = await title.boundingBox();
    expect(editorBox!.width).toBeGreaterThan(titleBox!.width * 0.95);
    expect(editorBox!.width).toBeGreaterThan(600);
    // The article's quotations are listed on its page, and one can be added from there.
    await page.getByText('فلاديمير بوتين').first().waitFor();
    expect(await latinLabels()).toEqual([]);
    await session.shot('4-edit-view');
  });

  test("4b. a quotation is added from the article's own page", async () => {
    const text = 'سنواصل التعاون مع إيران في كل المجالات';
    const seed = await session.app.strapi.db
      .query('plugin::newsroom.article')
      .findOne({ select: ['documentId'], where: { title: SEED_TITLE } });
    const quotes = page.locator('input[name="quotes"]');
    await quotes.scrollIntoViewIfNeeded();
    await quotes.click();
    await page.getByRole('option', { name: 'إنشاء علاقة' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name="text"]').fill(text);
    await dialog.locator('input[name="speaker"]').fill('فلاديمير بوتين');
    // Nothing hidden off the left edge makes a right-to-left page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    await session.shot('4b-quote-form');
    await dialog.getByRole('button', { name: 'حفظ', exact: true }).click();
    // The modal creates the quotation, then the article's save connects it: wait for the
    // connection, not for a time.
    const saved = await eventually(async () => {
      const quote = await session.app.strapi.db
        .query('plugin::newsroom.quote')
        .findOne({ where: { text }, populate: { article: { select: ['documentId'] } } });
      return quote?.article ? quote : null;
    });
    expect(saved.article?.documentId).toBe(seed.documentId);
    expect(saved).toMatchObject({ speaker: 'فلاديمير بوتين', lang: 'ar', dir: 'rtl' });
    await session.shot('4b-quote-added');
  });

  test('5. publishing without Sputnik is refused in Arabic only, in reading order, and publishes nothing', async () => {
    await writeArticle(session, HELD_TITLE, 'نص الخبر المحتجز');
    await addCredit(page, CREDIT_LABELS, 'پاکستان پوائنٹ نیوز', 'الموزّع');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    const toast = await notificationWith(page, 'سبوتنيك');
    const text = await toast.innerText();
    expect(text).toContain('يجب أن يُنسب الخبر المنشور إلى سبوتنيك');
    expect(text).not.toMatch(/must|credit|draft/i);
    // Reading order: the message starts at the right edge, and "سبوتنيك" comes before (to the
    // right of) "Sputnik" in its parentheses.
    const order = await toast.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        if (!value.includes('سبوتنيك')) continue;
        const box = (word: string) => {
          const range = document.createRange();
          const at = value.indexOf(word);
          range.setStart(node!, at);
          range.setEnd(node!, at + word.length);
          return range.getBoundingClientRect();
        };
        const first = box('الإسناد');
        const arabic = box('سبوتنيك');
        const latin = box('Sputnik');
        const whole = node.parentElement!.getBoundingClientRect();
        return {
          firstAtRight: whole.right - first.right,
          sameLine: Math.abs(arabic.top - latin.top) < 2,
          arabicRightOfLatin: arabic.left >= latin.right - 1,
          direction: getComputedStyle(node.parentElement!).direction,
        };
      }
      return null;
    });
    expect(order).not.toBeNull();
    expect(order!.direction).toBe('rtl');
    expect(order!.firstAtRight).toBeLessThan(4);
    if (order!.sameLine) expect(order!.arabicRightOfLatin).toBe(true);
    await session.shot('5-refused');
    const published = await request(session.app.server)
      .get(`/api/articles?filters[title][$eq]=${encodeURIComponent(HELD_TITLE)}`)
      .expect(200);
    expect(published.body.data).toHaveLength(0);
  });

  test('6. the desk on the home page lists the draft held back, with the rule in Arabic', async () => {
    await page.goto(`${session.base}/admin`);
    const held = page.locator('[data-testid="newsroom-desk"] [data-newsroom-held]').filter({ hasText: HELD_TITLE });
    await held.waitFor();
    const rule = await held.locator('[data-newsroom-rule="required-agency-missing"]').innerText();
    expect(rule).toContain('سبوتنيك');
    expect(rule).not.toMatch(/must|credit/i);
    await page
      .locator('[data-testid="newsroom-desk"] [data-newsroom-import]')
      .filter({ hasText: SEED_TITLE })
      .waitFor();
    await session.shot('6-desk');
  });

  test('7. an article credited to both agencies is written and published in Arabic', async () => {
    await writeArticle(session, PUBLISHED_TITLE, 'قالت شبكة NBC الأميركية إن المحادثات مستمرة');
    await addCredit(page, CREDIT_LABELS, 'پاکستان پوائنٹ نیوز', 'الموزّع');
    await addCredit(page, CREDIT_LABELS, 'سبوتنيك', 'الوكالة المصدر');
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await notificationWith(page, /نُشر|منشور|تم النشر/);
    await session.shot('7-published');
    const response = await request(session.app.server)
      .get(`/api/articles?filters[title][$eq]=${encodeURIComponent(PUBLISHED_TITLE)}`)
      .expect(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0]).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(response.body.data[0].body).toContain('<bdi dir="ltr">NBC</bdi>');
  });

  test('8. switching to English turns the admin left to right, without a reload', async () => {
    await page.goto(`${session.base}/admin/me`);
    await page.getByText('لغة الواجهة').first().waitFor();
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole('combobox', { name: /لغة الواجهة/ }).click();
    await page.getByRole('option', { name: /English/ }).click();
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await htmlDirection(page)).toEqual({ dir: 'ltr', lang: 'en' });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const nav = await navigationBox(page);
    expect(nav.x).toBeLessThan(1440 / 2);
    await session.shot('8-english-again');
  });
});
