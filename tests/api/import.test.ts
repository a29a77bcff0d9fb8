// The importer on the real Strapi: the test dispatches folder through the same function the CLI
// and the bootstrap seed use, on a throwaway database.
import fs from 'fs';
import os from 'os';
import path from 'path';
import iconv from 'iconv-lite';
import request from 'supertest';
import { newsroomService, rowCounts, startStrapi, type TestApp } from '../helpers/strapi';
import type {
  ImportReport,
  importDispatchFiles as ImportDispatchFiles,
} from '../../src/plugins/newsroom/server/src/services/importer';

const FIXTURES = path.resolve(__dirname, '../../src/plugins/newsroom/tests/fixtures/dispatches');
const ARTICLE = 'plugin::newsroom.article';
let app: TestApp;
type ImportFiles = typeof ImportDispatchFiles;
let importDispatchFiles: ImportFiles;

beforeAll(async () => {
  app = await startStrapi();
  // The plugin's importer service, which the CLI and the seed run, not a second copy compiled by ts-jest.
  const importer = newsroomService(app.strapi, 'importer');
  importDispatchFiles = (strapi, paths, options, onProgress) => importer.importFiles(paths, options, onProgress);
});
afterAll(async () => {
  await app?.stop();
});

const byOutcome = (report: ImportReport, outcome: string) =>
  report.results.filter((result) => result.outcome === outcome).map((result) => path.basename(result.file));

describe('importing the test dispatches folder', () => {
  test('a dry run reports what it would create and changes no row', async () => {
    const before = await rowCounts(app.strapi);
    const report = await importDispatchFiles(app.strapi, [FIXTURES], { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, created: 9, skipped: 1, failed: 1, drafted: 1 });
    expect(await rowCounts(app.strapi)).toEqual(before);
  });

  test('creates 9, skips the seed already imported at boot, fails the malformed one with a message', async () => {
    const before = await rowCounts(app.strapi);
    const report = await importDispatchFiles(app.strapi, [FIXTURES], { status: 'published' });
    expect(report).toMatchObject({ created: 9, skipped: 1, failed: 1, drafted: 1 });
    expect(byOutcome(report, 'skipped')).toEqual(['01-seed-paren-dateline.txt']);
    const [failure] = report.results.filter((result) => result.outcome === 'failed');
    expect(path.basename(failure.file)).toBe('09-malformed-unclosed-dateline.txt');
    expect(failure.message).toMatch(/dateline opens "\(" but never closes it/);
    const after = await rowCounts(app.strapi);
    expect(after['plugin::newsroom.article']).toBeGreaterThan(before['plugin::newsroom.article']);
  });

  test('a dispatch refused publication by a rule is kept as a draft with the rule message', async () => {
    const report = await importDispatchFiles(app.strapi, [path.join(FIXTURES, '06-other-agency-becomes-draft.txt')]);
    expect(report).toMatchObject({ created: 0, skipped: 1 });
    const drafts = await app.strapi.documents(ARTICLE).findMany({
      status: 'draft',
      filters: { title: 'الأمم المتحدة تحذر من تفاقم الأزمة الإنسانية في غزة' },
    } as never);
    expect(drafts).toHaveLength(1);
    const published = await app.strapi.documents(ARTICLE).findMany({
      status: 'published',
      filters: { documentId: drafts[0].documentId },
    } as never);
    expect(published).toHaveLength(0);
  });

  test('published articles carry the house distributor and the originator, one Source per outlet', async () => {
    const { body } = await request(app.server)
      .get('/api/articles?populate[credits][populate][source]=true&pagination[pageSize]=50&sort=id:asc')
      .expect(200);
    expect(body.data).toHaveLength(9); // the seed and 8 imported; the Reuters one is a draft
    for (const article of body.data) {
      expect(article.credits.map((credit: any) => [credit.role, credit.source.slug])).toEqual([
        ['distributor', 'pakistan-point-news'],
        ['originator', 'sputnik'],
      ]);
      // Dated when the dispatch's own dateline is (a date in its lead sentence is not its dateline's),
      // after the dateline's city when it named one.
      const city = article.city ? `${article.city} ` : '';
      if (article.dispatchDate) {
        expect(article.dateline.startsWith(city)).toBe(true);
        expect(article.dateline.slice(city.length)).toMatch(
          /^\(پاکستان پوائنٹ نیوز \/ سبوتنيك - \d{1,2} \S+ \d{4}ء\)$/,
        );
      } else {
        expect(article.dateline).toBe(`${city}(پاکستان پوائنٹ نیوز / سبوتنيك)`);
      }
    }
    // The three "city - agency." dispatches have no date in their dateline; the others all do.
    expect(body.data.filter((article: any) => !article.dispatchDate)).toHaveLength(3);
    // The cities of "موسكو – سبوتنيك.", "القاهرة (سبوتنيك)" and "بكين - سبوتنيك." are kept.
    const cities = body.data.map((article: any) => article.city).filter(Boolean);
    expect(cities).toEqual(expect.arrayContaining(['موسكو', 'القاهرة', 'بكين']));
    const moscow = body.data.find((article: any) => article.city === 'موسكو');
    expect(moscow.dateline).toBe('موسكو (پاکستان پوائنٹ نیوز / سبوتنيك)');
    const ninjs = await request(app.server).get(`/api/syndication/ninjs/${moscow.slug}`).expect(200);
    expect(ninjs.body.located).toBe('موسكو');
    // The agency's own date of a dated dispatch is ninjs firstCreated; ours is versionCreated.
    const dated = await request(app.server)
      .get(`/api/syndication/ninjs/${levantineSlug(body.data)}`)
      .expect(200);
    expect(dated.body.firstCreated).toBe('2023-10-02T00:00:00Z');
    expect(dated.body.versionCreated).not.toBe(dated.body.firstCreated);
    const levantine = body.data.find((article: any) => article.dispatchDate === '2023-10-02');
    expect(levantine.dateline).toBe('(پاکستان پوائنٹ نیوز / سبوتنيك - 2 أكتوبر 2023ء)');

    const sources = await app.strapi.documents('plugin::newsroom.source').findMany({ limit: -1 } as never);
    const slugs = sources.map((source: any) => source.slug).sort();
    expect(slugs.filter((slug: string) => slug.startsWith('sputnik'))).toEqual(['sputnik']);
    expect(slugs.filter((slug: string) => slug.startsWith('pakistan-point-news'))).toEqual(['pakistan-point-news']);
    const kinds = Object.fromEntries(sources.map((source: any) => [source.name, source.kind]));
    expect(kinds).toMatchObject({
      رويترز: 'news-agency',
      'روسيا 24': 'broadcaster',
      'سي إن إن': 'broadcaster',
      إزفستيا: 'publisher',
      'الخارجية المصرية': 'government',
      شينخوا: 'news-agency',
    });
  });

  test('quotes keep speaker, continuation and venue through the Document Service', async () => {
    const { body } = await request(app.server)
      .get(
        '/api/quotes?populate[venue]=true&populate[article]=true&filters[article][dispatchDate][$eq]=2023-07-04&sort=position:asc',
      )
      .expect(200);
    expect(body.data.map((quote: any) => [quote.position, quote.speaker])).toEqual([
      [1, 'علي باقري'],
      [2, 'علي باقري'],
      [3, 'سيرغي لافروف'],
      [4, 'سيرغي لافروف'],
      [5, 'سيرغي لافروف'],
    ]);
    const cnn = await request(app.server)
      .get('/api/quotes?populate[venue]=true&filters[speaker][$eq]=سيرغي فيرشينين')
      .expect(200);
    expect(cnn.body.data[0].venue.name).toBe('سي إن إن');
  });

  test('importing the same folder again creates nothing', async () => {
    const before = await rowCounts(app.strapi);
    const report = await importDispatchFiles(app.strapi, [FIXTURES], { status: 'published' });
    expect(report).toMatchObject({ created: 0, skipped: 10, failed: 1 });
    expect(await rowCounts(app.strapi)).toEqual(before);
  });

  test('a dispatch naming no agency is refused with a message, a Windows-1256 one imported, a binary refused', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-'));
    try {
      const noAgency = path.join(folder, 'a-no-agency.txt');
      fs.writeFileSync(noAgency, 'خبر بلا وكالة\n\nغزة، 5 مايو 2024 - قال الوزير إن "المحادثات مستمرة".\n');
      const legacy = path.join(folder, 'b-windows-1256.txt');
      const title = 'وزير الطاقة: الشبكة تعمل بكامل طاقتها';
      fs.writeFileSync(
        legacy,
        iconv.encode(
          `${title}\n\nعمّان - (بترا) - قال وزير الطاقة سامر العبادي، اليوم الأحد 5 مايو 2024، إن "الشبكة تعمل بكامل طاقتها".\n`,
          'windows-1256',
        ),
      );
      const binary = path.join(folder, 'c-binary.txt');
      fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
      const before = await rowCounts(app.strapi);
      const report = await importDispatchFiles(app.strapi, [folder], { status: 'published' });
      // This host requires Sputnik on every published article: the Petra dispatch is kept as a draft.
      expect(report).toMatchObject({ created: 1, failed: 2, drafted: 1 });
      const [refused, , notText] = report.results;
      expect(refused.outcome).toBe('failed');
      expect(refused.message).toMatch(/No agency is named in the dateline.*لم يُذكر اسم وكالة/s);
      expect(notText.message).toMatch(/not text.*ليس نصًا/s);
      const after = await rowCounts(app.strapi);
      expect(after[ARTICLE]).toBe(before[ARTICLE] + 1);
      const [imported] = await app.strapi.documents(ARTICLE).findMany({
        status: 'draft',
        filters: { title },
        populate: { credits: { populate: { source: true } }, quotes: true },
      } as never);
      const credited = (imported as unknown as { credits: Array<{ source: { slug: string } }> }).credits;
      expect(credited.map((credit) => credit.source.slug).sort()).toEqual(['pakistan-point-news', 'petra']);
      expect((imported as unknown as { quotes: Array<{ speaker: string }> }).quotes[0].speaker).toBe('سامر العبادي');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a missing path fails alone and the other files still import', async () => {
    const report = await importDispatchFiles(app.strapi, [
      path.join(FIXTURES, 'no-such-dispatch.txt'),
      path.join(FIXTURES, '02-city-dash-agency.txt'),
    ]);
    expect(report).toMatchObject({ created: 0, skipped: 1, failed: 1 });
    expect(report.results[0].message).toMatch(/no such file or folder/);
  });
});

function levantineSlug(articles: any[]): string {
  return articles.find((article) => article.dispatchDate === '2023-10-02').slug;
}
