import { assertAttribution, prepareArticle, prepareQuote, prepareSource, RuleViolation } from '#core/rules';
import { formatDateline } from '#core/dateline';
import { describeAgency, missingAgencies } from '#core/attribution';
import { findArabicDate, formatDatelineDate } from '#core/arabic-dates';
import { MAX_MARKUP_NESTING } from '#core/markup-nesting';
import { config } from '../helpers/newsroom-config';

const SPUTNIK = { name: 'سبوتنيك', slug: 'sputnik', nameLatin: 'Sputnik' };
const PPN = { name: 'پاکستان پوائنٹ نیوز', slug: 'pakistan-point-news', nameLatin: 'Pakistan Point News' };
const fresh = { published: false, config };

function refusal(write: () => unknown): RuleViolation {
  try {
    write();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('dateline', () => {
  test('reproduces the seed dispatch dateline from its credits and date', () => {
    const credits = [
      { role: 'distributor', source: PPN },
      { role: 'originator', source: SPUTNIK },
    ];
    expect(formatDateline(credits, '2021-06-14')).toBe('(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)');
  });

  test("the city of the dispatch's dateline comes first, in the republisher's form", () => {
    const credits = [
      { role: 'distributor', source: PPN },
      { role: 'originator', source: SPUTNIK },
    ];
    expect(formatDateline(credits, '2021-06-14', 'دمشق')).toBe('دمشق (پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء)');
    expect(formatDateline(credits, null, ' موسكو ')).toBe('موسكو (پاکستان پوائنٹ نیوز / سبوتنيك)');
    expect(formatDateline(credits, null, '')).toBe('(پاکستان پوائنٹ نیوز / سبوتنيك)');
  });

  test('distributor first whatever the order; contributors left out; partial datelines', () => {
    const credits = [
      { role: 'contributor', source: { name: 'ان بي سي' } },
      { role: 'originator', source: SPUTNIK },
      { role: 'distributor', source: PPN },
    ];
    expect(formatDateline(credits, '2020-10-01')).toBe('(پاکستان پوائنٹ نیوز / سبوتنيك - 1 أكتوبر 2020ء)');
    expect(formatDateline([{ role: 'originator', source: SPUTNIK }], null)).toBe('(سبوتنيك)');
    expect(formatDateline([], '2021-01-05')).toBe('(5 يناير 2021ء)');
    expect(formatDateline([], null)).toBeNull();
  });

  test('Arabic dates: both month series, paired forms, Arabic-Indic digits; invalid dates refused', () => {
    expect(findArabicDate('في 18 تشرين الأول/أكتوبر 2020')).toBe('2020-10-18');
    expect(findArabicDate('في ٥ أيار ٢٠٢٣')).toBe('2023-05-05');
    expect(findArabicDate('1 أغسطس/ آب 2020')).toBe('2020-08-01');
    expect(findArabicDate('31 فبراير 2021')).toBeUndefined();
    expect(formatDatelineDate('2021-02-30')).toBeUndefined();
  });
});

describe('attribution', () => {
  test('names each missing required agency', () => {
    expect(missingAgencies([{ role: 'originator', source: SPUTNIK }], config.requiredAgencies)).toEqual([
      'pakistan-point-news',
    ]);
    expect(describeAgency('sputnik', [SPUTNIK])).toBe('Sputnik (سبوتنيك)');
    expect(describeAgency('unknown-agency', [])).toBe('unknown-agency');
    const error = refusal(() => assertAttribution([], config, [SPUTNIK, PPN]));
    expect(error.violations[0]).toMatchObject({ field: 'credits', rule: 'required-agency-missing' });
    expect(error.message).toContain('Sputnik (سبوتنيك)');
    expect(error.message).toContain('Pakistan Point News');
    expect(() =>
      assertAttribution(
        [
          { role: 'originator', source: SPUTNIK },
          { role: 'distributor', source: PPN },
        ],
        config,
        [],
      ),
    ).not.toThrow();
  });
});

describe('prepareArticle', () => {
  test('derives lang and dir, cleans the title, drops a typed dateline, makes a slug', () => {
    const data = prepareArticle({ title: ' بوتين\u202E: خطط ', dateline: 'typed', body: '<p>نص</p>' }, fresh);
    expect(data).toEqual({
      title: 'بوتين: خطط',
      body: '<p dir="rtl" lang="ar">نص</p>',
      lang: 'ar',
      dir: 'rtl',
      slug: 'bwtyn-khtt',
    });
  });

  test('the city is a one-line name: bidi controls and markup go, empty is none', () => {
    expect(prepareArticle({ title: 'عنوان', city: ' دمشق\u202E <b>القديمة</b> ' }, fresh).city).toBe('دمشق القديمة');
    expect(prepareArticle({ title: 'عنوان', city: '  ' }, fresh).city).toBeNull();
    expect(() => prepareArticle({ title: 'عنوان', city: 5 }, fresh)).toThrow();
  });

  test('refuses a contradicting dir with the field, the rule and both languages', () => {
    const error = refusal(() => prepareArticle({ title: 'عنوان', dir: 'ltr' }, fresh));
    expect(error.violations[0]).toMatchObject({ field: 'dir', rule: 'contradicts-text' });
    expect(error.message).toMatch(/contradicts/);
    expect(error.message).toMatch(/تخالف/);
  });

  test('keeps the slug of a published article and refuses a new one', () => {
    const existing = { title: 'قديم', slug: 'qdym', lang: 'ar', dir: 'rtl' };
    expect(prepareArticle({ title: 'جديد' }, { existing, published: true, config }).slug).toBe('qdym');
    expect(
      refusal(() => prepareArticle({ slug: 'other' }, { existing, published: true, config })).violations[0].rule,
    ).toBe('slug-stable-once-published');
  });

  test('re-derives lang and dir when the text changes and none are given', () => {
    const existing = { title: 'عنوان', lang: 'ar', dir: 'rtl' };
    expect(prepareArticle({ title: 'English title' }, { existing, published: false, config })).toMatchObject({
      lang: 'en',
      dir: 'ltr',
    });
  });

  test('refuses a body over the limit with 413, and non-text values', () => {
    const error = refusal(() => prepareArticle({ body: 'x'.repeat(config.maxBodyBytes + 1) }, fresh));
    expect(error.status).toBe(413);
    expect(refusal(() => prepareArticle({ title: { $ne: 1 } }, fresh)).violations[0].field).toBe('title');
  });

  test('refuses a body nested deeper than the limit with a 400 naming body, in both languages', () => {
    const levels = MAX_MARKUP_NESTING + 1;
    const error = refusal(() =>
      prepareArticle({ title: 'عنوان', body: `${'<span>'.repeat(levels)}نص${'</span>'.repeat(levels)}` }, fresh),
    );
    expect(error.status).toBe(400);
    expect(error.violations[0]).toMatchObject({ field: 'body', rule: 'body-too-deep' });
    expect(error.violations[0].messages.en).toMatch(String(MAX_MARKUP_NESTING));
    expect(error.violations[0].messages.ar).toMatch(/التداخل/);
  });

  test('refuses a 960 KB body of nested spans (under the size limit) without parsing it', () => {
    const levels = 75_000;
    const body = `${'<span>'.repeat(levels)}نص${'</span>'.repeat(levels)}`;
    expect(Buffer.byteLength(body)).toBeLessThan(config.maxBodyBytes);
    expect(refusal(() => prepareArticle({ title: 'عنوان', body }, fresh)).violations[0].rule).toBe('body-too-deep');
  });

  test('keeps a body nested as deep as the limit', () => {
    const levels = MAX_MARKUP_NESTING - 1;
    const body = `<p>${'<span>'.repeat(levels)}نص${'</span>'.repeat(levels)}</p>`;
    expect(prepareArticle({ title: 'عنوان', body }, fresh).body).toContain('نص');
  });

  test('C1 controls (U+0080–U+009F) leave the title and the body', () => {
    const data = prepareArticle({ title: 'عنوان\u009B31m خبر', body: '<p>نص\u009B2\u0085 &#x81;آخر</p>' }, fresh);
    expect(data.title).toBe('عنوان31m خبر');
    expect(data.body).toBe('<p dir="rtl" lang="ar">نص2 آخر</p>');
  });
});

describe('prepareQuote and prepareSource', () => {
  test('a quote needs a speaker, even as a draft', () => {
    expect(refusal(() => prepareQuote({ text: 'نص' }, fresh)).violations[0]).toMatchObject({
      field: 'speaker',
      rule: 'speaker-required',
    });
    expect(prepareQuote({ text: 'نص', speaker: 'بوتين\u2069' }, fresh)).toMatchObject({
      speaker: 'بوتين',
      lang: 'ar',
      dir: 'rtl',
    });
    expect(() =>
      prepareQuote({ context: 'للصحفيين' }, { existing: { speaker: 'بوتين', text: 'نص' }, published: true, config }),
    ).not.toThrow();
  });

  test('a source takes lang from its name (Urdu is ur) and its slug from the Latin name', () => {
    expect(prepareSource({ name: 'پاکستان پوائنٹ نیوز', nameLatin: 'Pakistan Point News' }, fresh)).toMatchObject({
      lang: 'ur',
      dir: 'rtl',
      slug: 'pakistan-point-news',
    });
    expect(prepareSource({ name: 'سبوتنيك' }, fresh)).toMatchObject({ lang: 'ar', slug: 'sbwtnyk' });
    expect(refusal(() => prepareSource({ name: 'x', url: 'javascript:alert(1)' }, fresh)).violations[0].field).toBe(
      'url',
    );
  });

  test('markup leaves the names of sources and speakers', () => {
    expect(prepareSource({ name: 'سبوتنيك<svg onload=alert(1)>', nameLatin: '<b>Sputnik</b>' }, fresh)).toMatchObject({
      name: 'سبوتنيك',
      nameLatin: 'Sputnik',
    });
    expect(prepareSource({ name: '<img src=x onerror=alert(1)>وكالة <script>x</script>سانا <svg' }, fresh).name).toBe(
      'وكالة xسانا',
    );
    expect(prepareQuote({ text: 'نص', speaker: '<i>بوتين</i>', speakerRole: 'الرئيس<br/>' }, fresh)).toMatchObject({
      speaker: 'بوتين',
      speakerRole: 'الرئيس',
    });
  });

  test('a name that is only markup is refused as empty', () => {
    expect(
      refusal(() => prepareQuote({ text: 'نص', speaker: '<svg onload=alert(1)>' }, fresh)).violations[0],
    ).toMatchObject({ field: 'speaker', rule: 'speaker-required' });
  });

  test('C1 controls leave names, speakers and quotation text', () => {
    expect(prepareSource({ name: 'سبوتنيك\u009B' }, fresh).name).toBe('سبوتنيك');
    expect(prepareQuote({ text: 'نص\u0090', speaker: 'بوتين\u009F' }, fresh)).toMatchObject({
      text: 'نص',
      speaker: 'بوتين',
    });
  });
});
