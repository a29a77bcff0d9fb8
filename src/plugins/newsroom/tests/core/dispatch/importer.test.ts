// The importer's parser on the test dispatches under tests/fixtures/dispatches: for each, the
// Article, Quotes and Sources it must produce (the seed is 01, checked in full in dispatch.test.ts).
import { readFileSync } from 'fs';
import path from 'path';
import { DispatchError, parseDispatch, type ParsedDispatch } from '#core/dispatch';
import { findArabicDate } from '#core/arabic-dates';
import { config } from '../../helpers/newsroom-config';

const FIXTURES = path.resolve(__dirname, '../../fixtures/dispatches');
const parse = (file: string) =>
  parseDispatch(readFileSync(path.join(FIXTURES, file), 'utf8'), config.knownOutlets, {
    houseDistributor: config.houseDistributor,
  });

// Credits and quote venues as readable names instead of outlet keys.
function readable(parsed: ParsedDispatch) {
  const name = (key?: string) => parsed.outlets.find((outlet) => outlet.key === key)?.name;
  return {
    title: parsed.title,
    dispatchDate: parsed.dispatchDate,
    paragraphs: parsed.paragraphs.length,
    credits: parsed.credits.map((credit) => [credit.role, name(credit.outlet)]),
    sources: parsed.outlets.map(({ name, kind, slug }) => (slug ? { name, kind, slug } : { name, kind })),
    // Whether a quote needs review is checked apart (see dispatch.test.ts and dispatch-batches.test.ts).
    quotes: parsed.quotes.map(({ venue, needsReview: _review, ...quote }) =>
      venue ? { ...quote, venue: name(venue) } : quote,
    ),
  };
}

const SPUTNIK = { name: 'سبوتنيك', kind: 'news-agency', slug: 'sputnik' };
const PPN = { name: 'پاکستان پوائنٹ نیوز', kind: 'news-agency', slug: 'pakistan-point-news' };
const HOUSE_AND_SPUTNIK = [
  ['distributor', 'پاکستان پوائنٹ نیوز'],
  ['originator', 'سبوتنيك'],
];

describe('the test dispatches', () => {
  test('01, the seed: paren dateline with publisher and agency', () => {
    const parsed = readable(parse('01-seed-paren-dateline.txt'));
    expect(parsed).toMatchObject({ dispatchDate: '2021-06-14', paragraphs: 11, credits: HOUSE_AND_SPUTNIK });
    expect(parsed.sources).toEqual([
      SPUTNIK,
      PPN,
      { name: 'ان بي سي', kind: 'broadcaster', slug: 'nbc' },
      { name: 'الدفاع الروسية', kind: 'government', slug: 'russian-ministry-of-defence' },
    ]);
    expect(parsed.quotes.map((quote) => quote.speaker)).toEqual([
      'فلاديمير بوتين',
      'فلاديمير بوتين',
      'فلاديمير بوتين',
      'فومين وقريشي',
      'دميتري شوغايف',
      'إيران',
    ]);
  });

  test('02: "City – Agency." dateline, a date only in the first paragraph gives none, «» quotes, وتابع continues', () => {
    const parsed = parse('02-city-dash-agency.txt');
    expect(parsed.city).toBe('موسكو');
    expect(parsed.paragraphs[0].startsWith('قال وزير الخارجية الروسي')).toBe(true);
    expect(readable(parsed)).toEqual({
      title: 'لافروف: موسكو منفتحة على الحوار مع واشنطن بشأن الاستقرار الاستراتيجي',
      dispatchDate: undefined, // the date is in the body, not the dateline
      paragraphs: 4,
      credits: HOUSE_AND_SPUTNIK,
      sources: [SPUTNIK, PPN],
      quotes: [
        {
          position: 1,
          text: 'نحن مستعدون للحوار على أساس الاحترام المتبادل ومراعاة مصالح الطرفين',
          speaker: 'سيرغي لافروف',
          speakerRole: 'وزير الخارجية الروسي',
          context: 'خلال مؤتمر صحفي في موسكو',
        },
        {
          position: 2,
          text: 'لم نتلق حتى الآن أي مقترحات ملموسة من الجانب الأمريكي',
          speaker: 'سيرغي لافروف',
          speakerRole: 'وزير الخارجية الروسي',
          context: 'خلال مؤتمر صحفي في موسكو',
        },
      ],
    });
  });

  test('03: "City (Agency) -" dateline, Arabic-Indic paired date, “” quotes, a ministry as Source', () => {
    const parsed = parse('03-city-paren-agency.txt');
    expect(parsed.city).toBe('القاهرة');
    expect(readable(parsed)).toEqual({
      title: 'مصر تدعو إلى وقف فوري لإطلاق النار في السودان',
      dispatchDate: undefined, // the date is in the body, not the dateline
      paragraphs: 3,
      credits: HOUSE_AND_SPUTNIK,
      sources: [SPUTNIK, PPN, { name: 'الخارجية المصرية', kind: 'government' }],
      quotes: [
        {
          position: 1,
          text: 'تتابع مصر بقلق بالغ التطورات الميدانية في السودان',
          speaker: 'أحمد أبو زيد',
          speakerRole: 'المتحدث باسم وزارة الخارجية المصرية',
          context: 'في بيان',
        },
        {
          position: 2,
          text: 'ندعو جميع الأطراف إلى تغليب لغة الحوار وحماية المدنيين',
          speaker: 'أحمد أبو زيد',
          speakerRole: 'المتحدث باسم وزارة الخارجية المصرية',
        },
      ],
    });
  });

  test('04: paren dateline naming only the agency, Levantine month, a channel as venue', () => {
    expect(readable(parse('04-paren-single-agency-levantine.txt'))).toEqual({
      title: 'الكرملين: لا خطط حاليا لعقد قمة روسية أمريكية',
      dispatchDate: '2022-06-03',
      paragraphs: 3,
      credits: HOUSE_AND_SPUTNIK,
      sources: [SPUTNIK, PPN, { name: 'روسيا 24', kind: 'broadcaster' }],
      quotes: [
        {
          position: 1,
          text: 'لا توجد أي خطط ملموسة لعقد مثل هذا اللقاء في الوقت الحالي',
          speaker: 'دميتري بيسكوف',
          speakerRole: 'المتحدث باسم الكرملين',
          context: 'في مقابلة مع قناة "روسيا 24"',
          venue: 'روسيا 24',
        },
      ],
    });
  });

  test('05: no quotes; an Arabic spelling of the house distributor reuses its Source', () => {
    expect(readable(parse('05-no-quotes-arabic-indic.txt'))).toEqual({
      title: 'ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية',
      dispatchDate: '2024-03-15',
      paragraphs: 2,
      credits: HOUSE_AND_SPUTNIK,
      sources: [SPUTNIK, PPN],
      quotes: [],
    });
  });

  test('06: another agency originates; the house distributes (publishing will be refused)', () => {
    expect(readable(parse('06-other-agency-becomes-draft.txt'))).toEqual({
      title: 'الأمم المتحدة تحذر من تفاقم الأزمة الإنسانية في غزة',
      dispatchDate: '2023-11-07',
      paragraphs: 2,
      credits: [
        ['distributor', 'پاکستان پوائنٹ نیوز'],
        ['originator', 'رويترز'],
      ],
      // Reuters is in the plugin's table of wire agencies: known by name, with its slug.
      sources: [{ name: 'رويترز', kind: 'news-agency', slug: 'reuters' }, PPN],
      quotes: [
        {
          position: 1,
          text: 'غزة تتحول إلى مقبرة للأطفال',
          speaker: 'أنطونيو غوتيريش',
          speakerRole: 'الأمين العام للأمم المتحدة',
          context: 'للصحفيين في نيويورك',
        },
      ],
    });
  });

  test('07: a quoted newspaper name and a quoted report title are not quotations', () => {
    expect(readable(parse('07-quoted-outlet-and-title.txt'))).toEqual({
      title: 'إزفستيا: موسكو تدرس إطلاق منصة إعلامية جديدة',
      dispatchDate: '2023-09-21',
      paragraphs: 2,
      credits: HOUSE_AND_SPUTNIK,
      sources: [SPUTNIK, PPN, { name: 'إزفستيا', kind: 'publisher' }, { name: 'صدى موسكو', kind: 'broadcaster' }],
      quotes: [
        {
          position: 1,
          text: 'نريد أن نقدم رواية مختلفة للأحداث',
          speaker: 'بيوتر فيدوروف',
          speakerRole: 'رئيس تحرير الصحيفة',
          context: 'في مقابلة مع إذاعة "صدى موسكو"',
          venue: 'صدى موسكو',
        },
      ],
    });
  });

  test('08: two speakers; وأضاف keeps the first, وتابع and مشيرا keep the second', () => {
    const parsed = readable(parse('08-continuations-two-speakers.txt'));
    expect(parsed).toMatchObject({ dispatchDate: '2023-07-04', credits: HOUSE_AND_SPUTNIK, sources: [SPUTNIK, PPN] });
    expect(parsed.quotes).toEqual([
      {
        position: 1,
        text: 'علاقاتنا مع روسيا استراتيجية وطويلة الأمد',
        speaker: 'علي باقري',
        speakerRole: 'وزير الخارجية الإيراني',
        context: 'في مؤتمر صحفي مشترك',
      },
      {
        position: 2,
        text: 'نعمل على زيادة التبادل التجاري بالعملات الوطنية',
        speaker: 'علي باقري',
        speakerRole: 'وزير الخارجية الإيراني',
        context: 'في مؤتمر صحفي مشترك',
      },
      {
        position: 3,
        text: 'نقدر موقف إيران المتوازن من الأزمة الأوكرانية',
        speaker: 'سيرغي لافروف',
        speakerRole: 'وزير الخارجية الروسي',
      },
      {
        position: 4,
        text: 'الغرب يحاول عزل البلدين دون جدوى',
        speaker: 'سيرغي لافروف',
        speakerRole: 'وزير الخارجية الروسي',
      },
      {
        position: 5,
        text: 'سنواصل التنسيق في المحافل الدولية',
        speaker: 'سيرغي لافروف',
        speakerRole: 'وزير الخارجية الروسي',
      },
    ]);
  });

  test('09: an unclosed dateline is refused with what to fix', () => {
    expect(() => parse('09-malformed-unclosed-dateline.txt')).toThrow(DispatchError);
    expect(() => parse('09-malformed-unclosed-dateline.txt')).toThrow(/never closes it/);
  });

  test('10: paired Levantine/Egyptian month with Arabic-Indic digits, "لشبكة" venue', () => {
    expect(readable(parse('10-paired-month-broadcaster-venue.txt'))).toEqual({
      title: 'روسيا تعلن استعدادها لاستئناف صفقة الحبوب بشروط',
      dispatchDate: '2023-10-02',
      paragraphs: 2,
      credits: HOUSE_AND_SPUTNIK,
      sources: [SPUTNIK, PPN, { name: 'سي إن إن', kind: 'broadcaster' }],
      quotes: [
        {
          position: 1,
          text: 'نحن لم نغلق الباب، لكن على الغرب أن يفي بالتزاماته',
          speaker: 'سيرغي فيرشينين',
          speakerRole: 'نائب وزير الخارجية الروسي',
          context: 'لشبكة "سي إن إن"',
          venue: 'سي إن إن',
        },
      ],
    });
  });

  test('11: "City - Agency." with a hyphen, Egyptian variant يونيه, a news agency as venue', () => {
    const parsed = parse('11-city-hyphen-agency-venue.txt');
    expect(parsed.city).toBe('بكين');
    expect(readable(parsed)).toEqual({
      title: 'بكين ترفض التدخل في شؤونها الداخلية',
      dispatchDate: undefined, // the date is in the body, not the dateline
      paragraphs: 2,
      credits: HOUSE_AND_SPUTNIK,
      sources: [SPUTNIK, PPN, { name: 'شينخوا', kind: 'news-agency', slug: 'xinhua' }],
      quotes: [
        {
          position: 1,
          text: 'الصين تعارض أي تدخل في شؤونها الداخلية',
          speaker: 'وانغ ون بين',
          speakerRole: 'المتحدث باسم الخارجية الصينية',
          context: 'في تصريح لوكالة "شينخوا"',
          venue: 'شينخوا',
        },
      ],
    });
  });
});

describe('parser details', () => {
  test('without a house distributor configured, only the dateline credits', () => {
    const parsed = parseDispatch('عنوان\n\nموسكو – سبوتنيك. نص الخبر.', config.knownOutlets);
    expect(parsed.credits.map((credit) => credit.role)).toEqual(['originator']);
  });

  test('a house distributor the gazetteer does not know is credited by its slug', () => {
    const parsed = parseDispatch('عنوان\n\n(سبوتنيك - 1 مايو 2023) نص.', [], { houseDistributor: 'our-desk' });
    expect(parsed.outlets[1]).toEqual({ key: 'our-desk', slug: 'our-desk', name: 'our-desk', kind: 'news-agency' });
  });

  test('an agency named with markup in the dateline becomes a Source name without it', () => {
    const parsed = parseDispatch('عنوان\n\n(<svg onload=alert`1`>وكالة الرافدين - 1 مايو 2023) نص الخبر.', []);
    expect(parsed.outlets.map((outlet) => outlet.name)).toEqual(['وكالة الرافدين']);
    expect(parsed.outlets[0].key).toBe('وكاله الرافدين');
    const bold = parseDispatch('عنوان\n\n(<b>الرافدين</b> - 1 مايو 2023) نص الخبر.', []);
    expect(bold.outlets.map((outlet) => outlet.name)).toEqual(['الرافدين']);
  });

  test('a first paragraph that opens with no dateline keeps all its words (the agency on a line of its own)', () => {
    const parsed = parseDispatch('عنوان\n\n(سبوتنيك)\nقال الوزير، اليوم، إن المحادثات مستمرة.', [
      { names: ['سبوتنيك'], nameLatin: 'Sputnik', kind: 'news-agency' },
    ]);
    expect(parsed.paragraphs[0]).toBe('قال الوزير، اليوم، إن المحادثات مستمرة.');
    expect(parsed.city).toBeUndefined();
  });

  test.each([
    ['٥ كانون الثاني/يناير ٢٠٢٤', '2024-01-05'],
    ['في 18 تشرين الأول/أكتوبر 2020', '2020-10-18'],
    ['۷ شباط 2022', '2022-02-07'],
    ['31 يونيو 2021', undefined],
  ])('findArabicDate(%s) is %s', (text, expected) => {
    expect(findArabicDate(text)).toBe(expected);
  });
});
