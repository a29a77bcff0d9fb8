// The Content Manager's search box on the newsroom's lists, in English and then in Arabic (right to
// left): an editor types a word as it comes to hand and finds it however the record spells it.
// `ايران` (no hamza) finds the story titled `مُحَمَّد يزور إيران` and not the trip to Ireland, `محمد`
// (no harakat) finds it too; the same on the Quote list (text and speaker), and on the Source list
// `سپوتنیک` in Urdu letters finds Sputnik, named `سبوتنيك`. Each search is typed into the list's
// box; the rows shown are checked against the answer the box's request got, then against the
// records the test wrote. Screenshots go to artifacts/e2e (search-*.png).
import request from 'supertest';
import type { Page, Response } from 'playwright-core';
import { apiToken, requiredCredits, sourceId } from '../helpers/strapi';
import {
  ARTICLES,
  closeSession,
  dismissOverlays,
  e2eSuite,
  htmlDirection,
  logIn,
  openSession,
  type Session,
} from './support';

const suite = e2eSuite('tests/e2e/search-admin.test.ts');

const COLLECTIONS = '/admin/content-manager/collection-types';
const LISTS = {
  article: { uid: 'plugin::newsroom.article', path: ARTICLES },
  quote: { uid: 'plugin::newsroom.quote', path: `${COLLECTIONS}/plugin::newsroom.quote` },
  source: { uid: 'plugin::newsroom.source', path: `${COLLECTIONS}/plugin::newsroom.source` },
} as const;
type List = (typeof LISTS)[keyof typeof LISTS];

// The list's search button, as Strapi's English and the newsroom's Arabic name it.
const SEARCH_BUTTON = { en: 'Search', ar: 'بحث' } as const;

const IRAN_TITLE = 'مُحَمَّد يزور إيران';
const IRELAND_TITLE = 'رحلة إلى ايرلندا';
const IRAN_QUOTE = { text: 'إيران لا تسعى إلى التصعيد في المنطقة', speaker: 'مُحَمَّد جواد ظريف' };
const IRELAND_QUOTE = { text: 'ايرلندا جميلة في الربيع', speaker: 'سائح من دبلن' };
const SPUTNIK_NAME = 'سبوتنيك';
const PPN_NAME = 'پاکستان پوائنٹ نیوز';

interface Found {
  /** The documentIds the search box's request answered, in order. */
  answered: string[];
  /** The documentIds of the rows the list shows. */
  shown: string[];
}

suite("the admin's search box on the newsroom's lists, in English and in Arabic", () => {
  let session: Session;
  let page: Page;
  const ids = { iran: '', ireland: '', iranQuote: '', irelandQuote: '', sputnik: '', ppn: '' };

  beforeAll(async () => {
    session = await openSession('search');
    page = session.page;
    const { strapi, server } = session.app;
    const token = await apiToken(strapi, 'full-access');
    const credits = await requiredCredits(strapi);
    const create = async (path: string, data: Record<string, unknown>) => {
      const response = await request(server)
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .send({ data })
        .expect(201);
      return response.body.data.documentId as string;
    };
    ids.iran = await create('/api/articles', { title: IRAN_TITLE, body: '<p>زيارة رسمية.</p>', credits });
    ids.ireland = await create('/api/articles', { title: IRELAND_TITLE, body: '<p>رحلة سياحية.</p>', credits });
    ids.iranQuote = await create('/api/quotes', { ...IRAN_QUOTE, article: ids.iran });
    ids.irelandQuote = await create('/api/quotes', { ...IRELAND_QUOTE, article: ids.ireland });
    ids.sputnik = await sourceId(strapi, 'sputnik');
    ids.ppn = await sourceId(strapi, 'pakistan-point-news');
    // The seed's names are what the Source rows below are recognised by.
    const names = await strapi.db.query('plugin::newsroom.source').findMany({ select: ['documentId', 'name'] });
    expect(names).toEqual(
      expect.arrayContaining([
        { documentId: ids.sputnik, name: SPUTNIK_NAME },
        { documentId: ids.ppn, name: PPN_NAME },
      ]),
    );
    await logIn(page, session.base);
  });
  afterAll(async () => {
    await closeSession(session);
  });

  const isListRequest = (response: Response, list: List, q: string) => {
    const url = new URL(response.url());
    if (response.request().method() !== 'GET') return false;
    if (decodeURIComponent(url.pathname) !== `/content-manager/collection-types/${list.uid}`) return false;
    const asked = url.searchParams.get('_q');
    if (asked === null) return false;
    let decoded = asked;
    try {
      decoded = decodeURIComponent(asked);
    } catch {
      // Not encoded twice: the parameter is the text itself.
    }
    return asked === q || decoded === q;
  };

  // The documentIds of the rows the list shows: each row links to its own edit view.
  const shownRows = (list: List) =>
    page.evaluate((prefix) => {
      const found: string[] = [];
      for (const row of Array.from(document.querySelectorAll('tbody tr'))) {
        const link = Array.from(row.querySelectorAll('a[href]'))
          .map((anchor) => decodeURIComponent(new URL((anchor as HTMLAnchorElement).href).pathname))
          .find((pathname) => pathname.startsWith(prefix));
        if (link) found.push(link.slice(prefix.length).split('/')[0]);
      }
      return found;
    }, `${list.path}/`);

  /**
   * Type `q` into the list's search box and press Enter, as an editor does; once the list shows
   * the rows its request was answered with, what was answered and what is shown.
   */
  async function search(list: List, q: string, language: 'en' | 'ar'): Promise<Found> {
    if (!new URL(page.url()).pathname.endsWith(list.path.split('/').pop()!)) {
      await page.goto(`${session.base}${list.path}`);
      await page.locator('tbody tr').first().waitFor();
      await dismissOverlays(page);
    }
    const box = page.locator('input[name="search"]');
    if (!(await box.isVisible()))
      await page.getByRole('button', { name: SEARCH_BUTTON[language], exact: true }).click();
    await box.fill(q);
    const answered = page.waitForResponse((response) => isListRequest(response, list, q));
    await box.press('Enter');
    const response = await answered;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { results: Array<Record<string, unknown>> };
    // The normalised text is the index's: the admin never receives it.
    for (const row of body.results) expect(row).not.toHaveProperty('searchText');
    const answeredIds = body.results.map((row) => row.documentId as string);
    const expected = [...answeredIds].sort().join(',');
    // A wait on the list showing that answer, not on a time.
    await page.waitForFunction(
      ({ prefix, expected }) => {
        const found: string[] = [];
        for (const row of Array.from(document.querySelectorAll('tbody tr'))) {
          const link = Array.from(row.querySelectorAll('a[href]'))
            .map((anchor) => decodeURIComponent(new URL((anchor as HTMLAnchorElement).href).pathname))
            .find((pathname) => pathname.startsWith(prefix));
          if (link) found.push(link.slice(prefix.length).split('/')[0]);
        }
        return found.sort().join(',') === expected;
      },
      { prefix: `${list.path}/`, expected },
    );
    expect(new URL(page.url()).searchParams.get('_q')).toBe(q);
    expect(await box.inputValue()).toBe(q);
    return { answered: answeredIds, shown: await shownRows(list) };
  }

  const row = (text: string) => page.locator('tbody tr').filter({ hasText: text });

  async function expectShown(found: Found, documentId: string, text: string) {
    expect(found.answered).toContain(documentId);
    expect(found.shown).toContain(documentId);
    expect(await row(text).count()).toBe(1);
    expect(await row(text).isVisible()).toBe(true);
  }

  async function expectNotShown(found: Found, documentId: string, text: string) {
    expect(found.answered).not.toContain(documentId);
    expect(found.shown).not.toContain(documentId);
    expect(await row(text).count()).toBe(0);
  }

  for (const language of ['en', 'ar'] as const) {
    test(`${language}: the interface language`, async () => {
      await page.evaluate((locale) => localStorage.setItem('strapi-admin-language', locale), language);
      await page.goto(`${session.base}/admin`);
      await page.waitForFunction((locale) => document.documentElement.lang === locale, language);
      expect(await htmlDirection(page)).toEqual({ dir: language === 'ar' ? 'rtl' : 'ltr', lang: language });
    });

    test(`${language}: Articles: ايران finds ${IRAN_TITLE} and not the trip to Ireland; محمد finds it too`, async () => {
      await page.goto(`${session.base}${LISTS.article.path}`);
      await page.locator('tbody tr').first().waitFor();
      // Before a search the list holds both stories: what the search leaves out, it filtered.
      expect(await shownRows(LISTS.article)).toEqual(expect.arrayContaining([ids.iran, ids.ireland]));
      // The private search column is not one of the list's columns.
      expect(await page.locator('thead').innerText()).not.toMatch(/search ?text/i);

      const iran = await search(LISTS.article, 'ايران', language);
      await expectShown(iran, ids.iran, IRAN_TITLE);
      await expectNotShown(iran, ids.ireland, IRELAND_TITLE);
      expect(await htmlDirection(page)).toEqual({ dir: language === 'ar' ? 'rtl' : 'ltr', lang: language });
      await session.shot(`${language}-article-iran`);

      const mohammad = await search(LISTS.article, 'محمد', language);
      await expectShown(mohammad, ids.iran, IRAN_TITLE);
      await expectNotShown(mohammad, ids.ireland, IRELAND_TITLE);
      await session.shot(`${language}-article-mohammad`);

      // The other way round: the box tells the two apart, it does not merely find everything.
      const ireland = await search(LISTS.article, 'ايرلندا', language);
      await expectShown(ireland, ids.ireland, IRELAND_TITLE);
      await expectNotShown(ireland, ids.iran, IRAN_TITLE);
    });

    test(`${language}: Quotes: ايران finds the quotation by its text, محمد by its speaker`, async () => {
      await page.goto(`${session.base}${LISTS.quote.path}`);
      await page.locator('tbody tr').first().waitFor();
      expect(await shownRows(LISTS.quote)).toEqual(expect.arrayContaining([ids.iranQuote, ids.irelandQuote]));

      const iran = await search(LISTS.quote, 'ايران', language);
      await expectShown(iran, ids.iranQuote, IRAN_QUOTE.speaker);
      await expectNotShown(iran, ids.irelandQuote, IRELAND_QUOTE.speaker);
      await session.shot(`${language}-quote-iran`);

      const mohammad = await search(LISTS.quote, 'محمد', language);
      await expectShown(mohammad, ids.iranQuote, IRAN_QUOTE.speaker);
      await expectNotShown(mohammad, ids.irelandQuote, IRELAND_QUOTE.speaker);
      await session.shot(`${language}-quote-mohammad`);
    });

    test(`${language}: Sources: سپوتنیک in Urdu letters finds ${SPUTNIK_NAME}`, async () => {
      await page.goto(`${session.base}${LISTS.source.path}`);
      await page.locator('tbody tr').first().waitFor();
      expect(await shownRows(LISTS.source)).toEqual(expect.arrayContaining([ids.sputnik, ids.ppn]));

      const sputnik = await search(LISTS.source, 'سپوتنیک', language);
      await expectShown(sputnik, ids.sputnik, SPUTNIK_NAME);
      await expectNotShown(sputnik, ids.ppn, PPN_NAME);
      await session.shot(`${language}-source-sputnik`);
    });
  }
});
