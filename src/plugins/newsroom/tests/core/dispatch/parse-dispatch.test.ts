import { readFileSync } from 'fs';
import path from 'path';
import { outletKey, parseDispatch, DispatchError, WIRE_AGENCIES } from '#core/dispatch';
import { config } from '../../helpers/newsroom-config';

const SEED = readFileSync(path.resolve(__dirname, '../../fixtures/dispatches/01-seed-paren-dateline.txt'), 'utf8');

describe('parseDispatch on the seed dispatch', () => {
  const parsed = parseDispatch(SEED, config.knownOutlets);

  test('title line, dispatch date from the Arabic dateline, paragraphs without the dateline', () => {
    expect(parsed.title).toBe('بوتين: لدينا خطط للتعاون مع إيران عسكريا وفي مجالات أخرى');
    expect(parsed.dispatchDate).toBe('2021-06-14');
    expect(parsed.paragraphs).toHaveLength(11);
    expect(parsed.paragraphs[0].startsWith('قال الرئيس الروسي فلاديمير بوتين')).toBe(true);
    expect(parsed.paragraphs.join('\n')).not.toContain('14 يونيو 2021');
    expect(parsed.paragraphs[10].startsWith('وفشل مجلس الأمن الدولي')).toBe(true);
  });

  test('credits: Pakistan Point News distributes, Sputnik originates', () => {
    const byKey = new Map(parsed.outlets.map((outlet) => [outlet.key, outlet]));
    expect(parsed.credits.map((credit) => [byKey.get(credit.outlet)?.nameLatin, credit.role])).toEqual([
      ['Pakistan Point News', 'distributor'],
      ['Sputnik', 'originator'],
    ]);
  });

  test('one outlet for each the dispatch names, with its kind', () => {
    expect(parsed.outlets.map(({ name, nameLatin, kind }) => ({ name, nameLatin, kind }))).toEqual([
      { name: 'سبوتنيك', nameLatin: 'Sputnik', kind: 'news-agency' },
      { name: 'پاکستان پوائنٹ نیوز', nameLatin: 'Pakistan Point News', kind: 'news-agency' },
      { name: 'ان بي سي', nameLatin: 'NBC', kind: 'broadcaster' },
      { name: 'الدفاع الروسية', nameLatin: 'Russian Ministry of Defence', kind: 'government' },
    ]);
  });

  test('the people named with a title are sure; two speakers at once and a country are flagged for review', () => {
    expect(parsed.quotes.map((quote) => [quote.speaker, quote.needsReview])).toEqual([
      ['فلاديمير بوتين', false],
      ['فلاديمير بوتين', false],
      ['فلاديمير بوتين', false],
      ['فومين وقريشي', true],
      ['دميتري شوغايف', false],
      ['إيران', true],
    ]);
  });

  test('every direct quotation in order, words only, with speaker, role, context and venue', () => {
    const venue = (key?: string) => parsed.outlets.find((outlet) => outlet.key === key)?.nameLatin;
    expect(
      parsed.quotes.map(({ needsReview: _review, ...quote }) => ({ ...quote, venue: venue(quote.venue) })),
    ).toEqual([
      {
        position: 1,
        text: 'لدينا برامج محددة تتعلق بالأسلحة التقليدية',
        speaker: 'فلاديمير بوتين',
        speakerRole: 'الرئيس الروسي',
        context: 'خلال مقابلة مع شبكة "ان بي سي" الأميركية',
        venue: 'NBC',
      },
      {
        position: 2,
        text: 'ليس لدينا أي نوع من التعاون الحقيقي حاليا في مجال الأسلحة التقليدية',
        speaker: 'فلاديمير بوتين',
        speakerRole: 'الرئيس الروسي',
        context: 'خلال مقابلة مع شبكة "ان بي سي" الأميركية',
        venue: 'NBC',
      },
      expect.objectContaining({
        position: 3,
        speaker: 'فلاديمير بوتين',
        venue: 'NBC',
        text: expect.stringMatching(/^لدينا خطط للتعاون مع إيران في المجال العسكري والتكنولوجي\..*خطة العمل الشاملة$/),
      }),
      {
        position: 4,
        text: 'تعميق الحوار وتطوير الاتصالات في المجال الدفاعي',
        speaker: 'فومين وقريشي',
        context: 'بيان الدفاع الروسية',
        venue: 'Russian Ministry of Defence',
      },
      expect.objectContaining({
        position: 5,
        speaker: 'دميتري شوغايف',
        speakerRole: 'مدير الوكالة الفدرالية الروسية للتعاون العسكري التقني',
        context: 'للصحفيين',
        text: expect.stringMatching(/^لدينا علاقات قديمة جداً مع إيران.*ليست موجهة ضد أحد$/),
      }),
      {
        position: 6,
        text: 'انتهاء الحظر التسليحي عليها لا يحتاج لبيان أو قرار جديد من قبل مجلس الأمن الدولي',
        speaker: 'إيران',
        context: 'في الـ18 من تشرين الأول/أكتوبر 2020',
        venue: undefined,
      },
    ]);
  });

  test('a quoted outlet name is not a quotation', () => {
    expect(parsed.quotes.map((quote) => quote.text)).not.toContain('ان بي سي');
  });
});

describe('parseDispatch on other shapes', () => {
  test('a title alone is refused with a message an editor can act on', () => {
    expect(() => parseDispatch('عنوان فقط\n\n')).toThrow(DispatchError);
  });

  test('without a date in the dateline there is no date: never one found in the body', () => {
    const parsed = parseDispatch(
      'عنوان\n\nدمشق-سانا قال الوزير أحمد علي في 3 حزيران 2022 إن المحادثات مستمرة.',
      WIRE_AGENCIES,
    );
    expect(parsed.dispatchDate).toBeUndefined();
    expect(parsed.credits).toEqual([{ outlet: 'سانا', role: 'originator' }]);
  });

  test('a dispatch that names no agency is refused, in English and Arabic, not stored credit-less', () => {
    for (const text of [
      'عنوان\n\nقال الوزير أحمد علي في 3 حزيران 2022 إن المحادثات مستمرة.',
      'عنوان\n\nغزة، 5 مايو 2024 - قال الوزير إن المحادثات مستمرة.',
      'عنوان\n\nنواكشوط (مراسلنا) - قال الوزير إن المحادثات مستمرة.',
    ]) {
      expect(() => parseDispatch(text, WIRE_AGENCIES)).toThrow(
        /No agency is named in the dateline.*لم يُذكر اسم وكالة/s,
      );
    }
  });

  test.each([
    [
      '(پاکستان پوائنٹ نیوز / الأناضول - 3 مارس 2024ء) نص الخبر.',
      ['Pakistan Point News', 'Anadolu Agency'],
      '2024-03-03',
    ],
    ['موسكو – سبوتنيك. نص الخبر في 3 مارس 2024.', ['Sputnik'], undefined],
    ['القاهرة (أ ش أ) - نص الخبر في 3 مارس 2024.', ['MENA'], undefined],
    ['القاهرة - (أ.ش.أ) - نص الخبر في 3 مارس 2024.', ['MENA'], undefined],
    ['دمشق-سانا نص الخبر في 3 مارس 2024.', ['SANA'], undefined],
    ['عمّان - (بترا) - نص الخبر في 3 مارس 2024.', ['Petra'], undefined],
    ['الرياض 12 مارس 2024 (واس) - نص الخبر.', ['SPA'], '2024-03-12'],
    ['الرباط 24 شتنبر 2024 (لاماب) - نص الخبر.', ['MAP'], '2024-09-24'],
    ['بغداد (رويترز) – نص الخبر يوم الاثنين 15 يناير كانون الثاني 2024.', ['Reuters'], undefined],
    ['الكويت - كونا: نص الخبر في 3 مارس 2024.', ['KUNA'], undefined],
  ] as Array<[string, string[], string | undefined]>)(
    'the dateline %s credits %j (a date only from the dateline)',
    (first, agencies, date) => {
      const parsed = parseDispatch(`عنوان\n\n${first}`, WIRE_AGENCIES, { houseDistributor: 'pakistan-point-news' });
      const latin = parsed.credits.map(
        (credit) => parsed.outlets.find((outlet) => outlet.key === credit.outlet)?.nameLatin,
      );
      expect(latin).toEqual(agencies.length === 1 ? ['Pakistan Point News', ...agencies] : agencies);
      expect(parsed.dispatchDate).toBe(date);
      expect(parsed.paragraphs[0]).toMatch(/^نص الخبر/);
    },
  );

  test('a dateline and a byline on lines of their own never reach the body', () => {
    const parsed = parseDispatch('عنوان\n\nكتب: أحمد سالم\nعمان/ بترا\nنص الخبر في 3 مارس 2024.', WIRE_AGENCIES);
    expect(parsed.byline).toBe('أحمد سالم');
    expect(parsed.paragraphs).toEqual(['نص الخبر في 3 مارس 2024.']);
    expect(parsed.outlets.map((outlet) => outlet.nameLatin)).toEqual(['Petra']);
  });

  test('«» and “” quotations, Arabic-Indic digits, a continuation keeping the speaker', () => {
    const parsed = parseDispatch(
      'عنوان\n\n(وكالة الأنباء / سبوتنيك - ٥ أيار ٢٠٢٣ء) قال وزير الخارجية سامي علي للصحفيين: «نحن مستعدون للحوار».\n\nوتابع: “لن نتراجع”.',
    );
    expect(parsed.dispatchDate).toBe('2023-05-05');
    expect(parsed.quotes).toEqual([
      expect.objectContaining({
        text: 'نحن مستعدون للحوار',
        speaker: 'سامي علي',
        speakerRole: 'وزير الخارجية',
        context: 'للصحفيين',
      }),
      expect.objectContaining({ text: 'لن نتراجع', speaker: 'سامي علي', position: 2 }),
    ]);
  });

  test('outlet names fold alef, ya and ta-marbuta variants', () => {
    expect(outletKey('وكالة الأنباء')).toBe(outletKey('وكاله الانباء'));
    // Persian kaf (U+06A9) and Persian yeh (U+06CC), as Urdu and Persian writers spell the agency.
    expect('سبوتنيک').not.toBe('سبوتنيك');
    expect(outletKey('سبوتنيک')).toBe(outletKey('سبوتنيك'));
    expect(outletKey('سبوتنیك')).toBe(outletKey('سبوتنيك'));
  });
});

describe('a date on a line of its own above the dateline ("03.04.2024", then "إسطنبول/ مصطفى دلي/ الأناضول")', () => {
  const dates: Array<[string, string]> = [
    ['03.04.2024', '2024-04-03'],
    ['3-4-2024', '2024-04-03'],
    ['03 أبريل 2024', '2024-04-03'],
  ];
  const datelines: Array<[string, string]> = [
    ['إسطنبول/ مصطفى دلي/ الأناضول', 'Anadolu Agency'],
    ['أنقرة/ الأناضول', 'Anadolu Agency'],
    ['الرياض/ واس', 'SPA'],
  ];
  for (const [date, iso] of dates) {
    for (const [dateline, agency] of datelines) {
      test(`${date} / ${dateline}: the agency credited, the date read, neither in the body`, () => {
        const parsed = parseDispatch(
          ['عنوان', date, dateline, 'استقبل المطار نحو 18 مليون مسافر.', 'وقال الوزير: "النمو مستمر هذا العام".'].join(
            '\n\n',
          ),
          config.knownOutlets,
        );
        const originator = parsed.credits.find((credit) => credit.role === 'originator');
        expect(parsed.outlets.find((outlet) => outlet.key === originator?.outlet)?.nameLatin).toBe(agency);
        expect(parsed.dispatchDate).toBe(iso);
        expect(parsed.paragraphs[0]).toBe('استقبل المطار نحو 18 مليون مسافر.');
      });
    }
  }
});
