// The editors' admin panel in a real browser: Debian's Chromium driven by playwright-core against
// the built admin on a throwaway database. Screenshots go to artifacts/e2e (git-ignored).
import { existsSync, mkdirSync } from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestApp } from '../helpers/strapi';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');
const SEED_TITLE = 'بوتين: لدينا خطط للتعاون مع إيران عسكريا وفي مجالات أخرى';
const SEED_DATELINE = '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)';
const EMAIL = 'editor@newsroom.test';
const PASSWORD = 'Editor-Desk-2021';
const ARTICLES = '/admin/content-manager/collection-types/plugin::newsroom.article';

const missing = !existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
  : !existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))
    ? 'the admin panel is not built (npm run build)'
    : '';

if (missing && !process.env.CI) {
  process.stdout.write(`\nSKIPPED tests/e2e: ${missing}.\n`);
}

const suite = missing && !process.env.CI ? describe.skip : describe;

suite('the admin panel for editors', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    if (missing) throw new Error(`e2e prerequisites missing under CI: ${missing}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    process.env.NEWSROOM_ADMIN_EMAIL = EMAIL;
    process.env.NEWSROOM_ADMIN_PASSWORD = PASSWORD;
    app = await startStrapi({ admin: true });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    page.setDefaultTimeout(30000);
  });

  afterAll(async () => {
    delete process.env.NEWSROOM_ADMIN_EMAIL;
    delete process.env.NEWSROOM_ADMIN_PASSWORD;
    await browser?.close();
    await app?.stop();
  });

  async function dismissTour() {
    for (const name of [/skip/i, /got it/i, /close/i]) {
      const button = page.getByRole('button', { name }).first();
      if (await button.isVisible().catch(() => false)) await button.click().catch(() => undefined);
    }
  }

  async function addCredit(sourceName: string, role: 'originator' | 'distributor', index: number) {
    const addButton = page.getByRole('button', { name: /No entry yet|Add an entry/i }).last();
    await addButton.click();
    const sourceBox = page.getByRole('combobox', { name: /Source/ }).last();
    await sourceBox.waitFor();
    await sourceBox.click();
    await page.getByRole('option', { name: sourceName }).first().click();
    const roleBox = page.getByRole('combobox', { name: /Role/ }).last();
    await roleBox.click();
    await page.getByRole('option', { name: role, exact: true }).click();
  }

  async function fillNewArticle(title: string, paragraph: string) {
    await page.goto(`${base}${ARTICLES}/create`);
    await page.locator('input[name="title"]').waitFor();
    await dismissTour();
    await page.locator('input[name="title"]').fill(title);
    const editor = page.locator('[data-testid="rtl-html-body"]');
    await editor.click();
    await page.keyboard.type(paragraph);
  }

  test('1. an editor logs in and sees the seeded article in the list', async () => {
    await page.goto(`${base}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(EMAIL);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: /log ?in/i }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    await page.goto(`${base}${ARTICLES}`);
    await page.getByText(SEED_TITLE).first().waitFor();
    await dismissTour();
    const row = page.getByRole('row').filter({ hasText: SEED_TITLE });
    await row
      .getByText(/published/i)
      .first()
      .waitFor();
    await page
      .locator('thead')
      .getByText(/Dispatch date/i)
      .waitFor();
    await page
      .locator('thead')
      .getByText(/Credits/i)
      .waitFor();
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
    await shot('1-article-list');
  });

  test('2. the edit view runs right-to-left and shows the dateline read-only', async () => {
    await page.getByText(SEED_TITLE).first().click();
    const title = page.locator('input[name="title"]');
    await title.waitFor();
    await dismissTour();
    expect(await title.inputValue()).toBe(SEED_TITLE);
    expect(await title.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    const editor = page.locator('[data-testid="rtl-html-body"]');
    await editor.waitFor();
    expect(await editor.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await editor.innerText()).toContain('قال الرئيس الروسي فلاديمير بوتين');
    const dateline = page.locator('input[name="dateline"]');
    expect(await dateline.inputValue()).toBe(SEED_DATELINE);
    expect(await dateline.isEditable()).toBe(false);
    await shot('2-edit-view');
  });

  test('3. a new article credited to both agencies is published with direction in its HTML', async () => {
    const title = 'اختبار المحرر: شبكة NBC تنقل الخبر';
    await fillNewArticle(title, 'قالت شبكة NBC الأميركية إن المحادثات مستمرة');
    await addCredit('پاکستان پوائنٹ نیوز', 'distributor', 0);
    await addCredit('سبوتنيك', 'originator', 1);
    await shot('3a-new-article');
    await page.getByRole('button', { name: /^publish$/i }).click();
    await page
      .getByText(/published/i)
      .first()
      .waitFor();
    await shot('3b-published');
    const response = await request(app.server)
      .get(`/api/articles?filters[title][$eq]=${encodeURIComponent(title)}&populate[credits][populate][source]=true`)
      .expect(200);
    expect(response.body.data).toHaveLength(1);
    const [article] = response.body.data;
    expect(article).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(article.body).toContain('<p dir="rtl" lang="ar">');
    expect(article.body).toContain('<bdi dir="ltr">NBC</bdi>');
    expect(article.credits.map((credit: any) => credit.source.slug).sort()).toEqual(['pakistan-point-news', 'sputnik']);
  });

  test('4. publishing without the Sputnik credit shows the refusal naming Sputnik, and publishes nothing', async () => {
    const title = 'خبر بلا سبوتنيك للاختبار';
    await fillNewArticle(title, 'نص الخبر');
    await addCredit('پاکستان پوائنٹ نیوز', 'distributor', 0);
    await page.getByRole('button', { name: /^publish$/i }).click();
    await page
      .getByText(/Sputnik/)
      .first()
      .waitFor();
    await shot('4-refused');
    const published = await request(app.server)
      .get(`/api/articles?filters[title][$eq]=${encodeURIComponent(title)}`)
      .expect(200);
    expect(published.body.data).toHaveLength(0);
  });
});
