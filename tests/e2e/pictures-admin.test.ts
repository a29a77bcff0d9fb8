// An editor gives a story its lead picture and its subjects in the admin, in English and in Arabic:
// the picture block under the body in the writing column, an image uploaded through Strapi's media
// library, caption, credit and alt typed right to left, two subjects picked by their Arabic names,
// the story published and carried by every feed; a picture without alt refused in the editor's
// language, then published with it; the body editor at a reading size. Screenshots go to artifacts/e2e (pictures-*.png).
import request from 'supertest';
import type { Page } from 'playwright-core';
import { noisePng } from '../../src/plugins/newsroom/tests/helpers/png';
import {
  addCredit,
  closeSession,
  contentOf,
  dismissOverlays,
  EDITOR,
  e2eSuite,
  eventually,
  htmlDirection,
  logIn,
  notificationWith,
  openSession,
  textsInTheWrongLanguage,
  type Session,
  writeArticle,
} from './support';

const suite = e2eSuite('tests/e2e/pictures-admin.test.ts');
const STORY = 'ميناء كراتشي يستقبل أول سفينة حاويات صينية';
const HELD = 'صورة تنتظر نصها البديل';
const CAPTION = 'سفينة الحاويات عند رصيف ميناء كراتشي صباح الاثنين';
const CREDIT = 'سبوتنيك / أحمد علي';
const ALT = 'سفينة حاويات حمراء راسية بجانب رافعات الميناء';

interface PictureLabels {
  /** The empty picture block's button ("No entry yet. Click to add one."). */
  add: RegExp;
  /** The empty media input's button. */
  asset: RegExp;
  more: RegExp;
  upload: RegExp;
  finish: RegExp;
}

/** Add the picture block and upload an image into it through the media library's dialog. */
async function addPicture(page: Page, labels: PictureLabels, file: string) {
  // The picture block is the first empty component of the form (under the body).
  await page.locator('main').getByRole('button', { name: labels.add }).first().click();
  await page.locator('main').getByRole('button', { name: labels.asset }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: labels.more }).click();
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: file, mimeType: 'image/png', buffer: noisePng(30_000) });
  await dialog.getByRole('button', { name: labels.upload }).click();
  await dialog.getByRole('button', { name: labels.finish }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function pickSubject(page: Page, label: RegExp, name: string) {
  const box = page.getByRole('combobox', { name: label }).first();
  await box.click();
  await page.getByRole('option', { name }).first().click();
}

suite('a lead picture and subjects in the admin', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await openSession('pictures');
    page = session.page;
    await logIn(page, session.base);
  });
  afterAll(async () => {
    await closeSession(session);
  });

  test('1. the body reads at a reading size, and the picture block sits under it in the writing column', async () => {
    await writeArticle(session, STORY, 'رست أول سفينة حاويات صينية في ميناء كراتشي.');
    const body = page.locator('[data-testid="rtl-html-body"]');
    const size = await body.evaluate((element) => {
      const style = getComputedStyle(element);
      return { font: parseFloat(style.fontSize), line: parseFloat(style.lineHeight) / parseFloat(style.fontSize) };
    });
    expect(size.font).toBeGreaterThanOrEqual(16);
    expect(size.line).toBeGreaterThanOrEqual(1.7);
    expect(size.line).toBeLessThanOrEqual(1.9);
    const bodyBox = (await body.boundingBox())!;
    const pictureLabel = page
      .locator('main')
      .getByText(/^Lead picture/)
      .first();
    await pictureLabel.waitFor();
    const pictureBox = (await pictureLabel.boundingBox())!;
    expect(pictureBox.y).toBeGreaterThan(bodyBox.y + bodyBox.height - 1);
    expect(pictureBox.x).toBeGreaterThanOrEqual(bodyBox.x - 1);
    expect(pictureBox.x).toBeLessThan(bodyBox.x + bodyBox.width);
  });

  test('2. English: an image uploaded, caption, credit and alt right to left, two subjects, published', async () => {
    await addPicture(
      page,
      {
        add: /No entry yet/i,
        asset: /Click to add an asset/i,
        more: /^Add more assets$/,
        upload: /^Upload 1 asset to the library$/,
        finish: /^Finish$/,
      },
      'karachi-port.png',
    );
    for (const [name, value] of [
      ['picture.caption', CAPTION],
      ['picture.credit', CREDIT],
      ['picture.alt', ALT],
    ]) {
      const input = page.locator(`main input[name="${name}"]`);
      await input.fill(value);
      expect(await input.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    }
    await pickSubject(page, /^Subjects/, 'اقتصاد وأعمال ومال');
    await pickSubject(page, /^Subjects/, 'سياسة');
    const credits = { add: /No entry yet|Add an entry|Add/, source: /Source/, role: /Role/ };
    await addCredit(page, credits, 'پاکستان پوائنٹ نیوز', 'distributor');
    await addCredit(page, credits, 'سبوتنيك', 'originator');
    await session.shot('2a-picture-block');
    await page.getByRole('button', { name: /^publish$/i }).click();
    await notificationWith(page, /published/i);
    await session.shot('2b-published');

    const rss = await eventually(async () => {
      const response = await request(session.app.server).get('/api/syndication/rss?subject=politics');
      return response.text.includes(STORY) ? response.text : undefined;
    });
    expect(rss).toMatch(/<enclosure url="https?:\/\/[^"]+\.png" length="\d+" type="image\/png"\/>/);
    expect(rss).toContain(`<media:credit role="photographer">${CREDIT}</media:credit>`);
    const ninjs = (await request(session.app.server).get('/api/syndication/ninjs?subject=economy-business-and-finance'))
      .body;
    const item = ninjs.find((entry: { headlines: Array<{ value: string }> }) => entry.headlines[0].value === STORY);
    expect(item.associations[0]).toMatchObject({ name: 'picture', by: CREDIT });
    expect(item.associations[0].descriptions).toEqual([
      { role: 'caption', contentType: 'text/plain', value: CAPTION },
      { role: 'alt', contentType: 'text/plain', value: ALT },
    ]);
  });

  test('3. Arabic: the block mirrored, and a picture without alt is refused in Arabic, nothing published', async () => {
    await page.evaluate(() => window.localStorage.setItem('strapi-admin-language', 'ar'));
    await writeArticle(session, HELD, 'نص الخبر.');
    await page.reload();
    await page.locator('input[name="title"]').waitFor();
    await dismissOverlays(page);
    expect(await htmlDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.locator('input[name="title"]').fill(HELD);
    await page.locator('[data-testid="rtl-html-body"]').click();
    await page.keyboard.type('نص الخبر.');
    await addPicture(
      page,
      {
        add: /لا توجد عناصر بعد/,
        asset: /انقر لإضافة ملف/,
        more: /^إضافة مزيد/,
        upload: /^رفع/,
        finish: /^إنهاء$/,
      },
      'no-alt.png',
    );
    await page.locator('main input[name="picture.caption"]').fill('تعليق دون وصف');
    // The picture block and the media library speak Arabic: no interface label left in Latin letters.
    expect(
      await textsInTheWrongLanguage(page, {
        wrong: 'latin',
        content: [...(await contentOf(session, [STORY, HELD])), 'no-alt.png', 'karachi-port.png'],
        names: [EDITOR.name, EDITOR.email, 'Newsroom', 'NE', 'Super Admin', 'Strapi', 'API', 'PNG'],
      }),
    ).toEqual([]);
    const credits = { add: /لا توجد مادة بعد|إضافة مادة|إضافة/, source: /المصدر/, role: /الدور/ };
    await addCredit(page, credits, 'پاکستان پوائنٹ نیوز', 'الموزّع');
    await addCredit(page, credits, 'سبوتنيك', 'الوكالة المصدر');
    await page.getByRole('button', { name: /^نشر$/ }).click();
    const toast = await notificationWith(page, /النص البديل/);
    expect(await toast.innerText()).not.toMatch(/text alternative/);
    await session.shot('3-refused-ar');
    const published = await request(session.app.server)
      .get(`/api/articles?filters[title][$eq]=${encodeURIComponent(HELD)}`)
      .expect(200);
    expect(published.body.data).toEqual([]);
  });

  test('4. Arabic: with its alt and a subject, the story is published and the feeds carry its picture', async () => {
    const alt = page.locator('main input[name="picture.alt"]');
    await alt.fill('حقل زيتون تحت أشعة الشمس');
    expect(await alt.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await pickSubject(page, /^المواضيع/, 'بيئة');
    await page.getByRole('button', { name: /^نشر$/ }).click();
    const json = await eventually(async () => {
      const response = await request(session.app.server).get('/api/syndication/json?subject=environment');
      const item = response.body.items?.find((entry: { title: string }) => entry.title === HELD);
      return item;
    });
    expect(json.image).toMatch(/^https?:\/\/[^/]+\/uploads\/.+\.png$/);
    expect(json.tags).toEqual(['بيئة']);
    expect(json._newsroom.picture).toMatchObject({
      caption: 'تعليق دون وصف',
      alt: 'حقل زيتون تحت أشعة الشمس',
      dir: 'rtl',
    });
    await session.shot('4-published-ar');
  });
});
