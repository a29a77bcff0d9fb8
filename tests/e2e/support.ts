// What the admin's end-to-end suites share: Debian's Chromium driven by playwright-core against the
// built admin on a throwaway database, logging in, and reading what an editor sees.
import { existsSync, mkdirSync } from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestApp } from '../helpers/strapi';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');
export const SEED_TITLE = 'بوتين: لدينا خطط للتعاون مع إيران عسكريا وفي مجالات أخرى';
export const SEED_DATELINE = '(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)';
export const ARTICLES = '/admin/content-manager/collection-types/plugin::newsroom.article';
export const EDITOR = { email: 'editor@newsroom.test', password: 'Editor-Desk-2021', name: 'Newsroom Editor' };

const missing = !existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
  : !existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))
    ? 'the admin panel is not built (npm run build; npm test builds it when Chromium is there)'
    : '';

/** `describe`, or `describe.skip` with a clear message when Chromium or the built admin is missing (never under CI). */
export function e2eSuite(file: string): jest.Describe {
  if (missing && !process.env.CI) {
    process.stdout.write(`\nSKIPPED ${file}: ${missing}.\n`);
    return describe.skip;
  }
  return describe;
}

export interface Session {
  app: TestApp;
  browser: Browser;
  page: Page;
  base: string;
  shot(name: string): Promise<void>;
}

/** One Strapi with its admin panel and one Chromium page, for a whole test file. */
export async function openSession(prefix: string): Promise<Session> {
  if (missing) throw new Error(`e2e prerequisites missing under CI: ${missing}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  process.env.NEWSROOM_ADMIN_EMAIL = EDITOR.email;
  process.env.NEWSROOM_ADMIN_PASSWORD = EDITOR.password;
  const app = await startStrapi({ admin: true });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  page.setDefaultTimeout(30000);
  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(ARTIFACTS, `${prefix}-${name}.png`), fullPage: true });
  };
  return { app, browser, page, base, shot };
}

export async function closeSession(session: Session | undefined): Promise<void> {
  delete process.env.NEWSROOM_ADMIN_EMAIL;
  delete process.env.NEWSROOM_ADMIN_PASSWORD;
  await session?.browser?.close();
  await session?.app?.stop();
}

/** Close the guided tour and the Media Library banner when they show. */
export async function dismissOverlays(page: Page): Promise<void> {
  await page
    .locator('[data-strapi-tour-close], button:has-text("Skip"), button:has-text("تخطٍّ")')
    .first()
    .click({ timeout: 500 })
    .catch(() => undefined);
}

/** Log in from the login page. */
export async function logIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(EDITOR.email);
  await page.locator('input[name="password"]').fill(EDITOR.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
}

export const htmlDirection = (page: Page) =>
  page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

/**
 * Every visible text node of the page that is written in `wrong` letters (Latin in the Arabic
 * admin, Arabic in the English one), leaving out what is content: inputs and the body editor,
 * the derived values, and any text that is part of one of the `content` strings (titles, names).
 */
export async function textsInTheWrongLanguage(
  page: Page,
  { wrong, content, names = [] }: { wrong: 'latin' | 'arabic'; content: string[]; names?: string[] },
): Promise<string[]> {
  return page.evaluate(
    ({ wrong, content, names }) => {
      const letters = wrong === 'latin' ? /[A-Za-z]{2,}/ : /\p{Script=Arabic}/u;
      const skip =
        'input, textarea, script, style, [contenteditable="true"], [data-testid^="rtl-html"], [data-newsroom-derived]';
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.nodeValue ?? '').trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest(skip) || parent.closest('[aria-hidden="true"]')) continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const rects = parent.getClientRects();
        if (rects.length === 0 || Array.from(rects).every((rect) => rect.width === 0 || rect.height === 0)) continue;
        let rest = text;
        for (const part of [...content, ...names]) if (part) rest = rest.split(part).join(' ');
        if (content.some((part) => part.includes(text))) continue;
        if (letters.test(rest)) found.push(text);
      }
      return [...new Set(found)];
    },
    { wrong, content, names },
  );
}

/** The bounding box of the admin's main navigation (the icons bar). */
export async function navigationBox(page: Page) {
  const box = await page.locator('nav').first().boundingBox();
  if (!box) throw new Error('no navigation');
  return box;
}

/** The text and layout of a notification (toast) that contains `text`. */
export async function notificationWith(page: Page, text: string | RegExp) {
  const toast = page.locator('[role="alert"], [role="status"]').filter({ hasText: text }).last();
  await toast.waitFor();
  return toast;
}

/** What an editor reads that is content, not interface: the titles and words of the newsroom's records. */
export async function contentOf(session: Session, titles: string[]): Promise<string[]> {
  const { db } = session.app.strapi;
  const quotes = await db
    .query('plugin::newsroom.quote')
    .findMany({ select: ['text', 'speaker'], where: { publishedAt: null } });
  const sources = await db.query('plugin::newsroom.source').findMany({ select: ['name'] });
  return [
    SEED_TITLE,
    SEED_DATELINE,
    '000_a1a02bb52c60af29.txt',
    ...titles,
    ...quotes.flatMap((quote: { text: string; speaker: string }) => [quote.text, quote.speaker]),
    ...sources.map((source: { name: string }) => source.name),
  ];
}

/** Open a new Article, give it a title and type a paragraph into the body editor. */
export async function writeArticle(session: Session, title: string, paragraph: string): Promise<void> {
  const { page, base } = session;
  await page.goto(`${base}${ARTICLES}/create`);
  await page.locator('input[name="title"]').waitFor();
  await dismissOverlays(page);
  await page.locator('input[name="title"]').fill(title);
  await page.locator('[data-testid="rtl-html-body"]').click();
  await page.keyboard.type(paragraph);
}

/** Add a credit in the edit view: the Source by name, the role by its label in the interface language. */
export async function addCredit(
  page: Page,
  labels: { add: RegExp; source: RegExp; role: RegExp },
  sourceName: string,
  roleLabel: string,
): Promise<void> {
  await page.getByRole('button', { name: labels.add }).last().click();
  const sourceBox = page.getByRole('combobox', { name: labels.source }).last();
  await sourceBox.waitFor();
  await sourceBox.click();
  await page.getByRole('option', { name: sourceName }).first().click();
  await page.getByRole('combobox', { name: labels.role }).last().click();
  await page.getByRole('option', { name: roleLabel, exact: true }).click();
}

/** The first truthy value `read` gives, polled until `timeoutMs`: a wait on a condition, not a sleep. */
export async function eventually<T>(read: () => Promise<T | null | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
