// Who said a quotation, on dispatches generated from the shapes of Arabic news writing (templates ×
// names × reporting verbs × positions), not from one dispatch's phrase. Every case also holds the
// product's rule: a speaker is either the right one or flagged for an editor (needsReview).
import { parseDispatch, type ParsedQuote } from '#core/dispatch';
import { config } from '../../helpers/newsroom-config';

const dispatch = (...paragraphs: string[]) =>
  parseDispatch(
    ['عنوان الخبر', `الرياض 5 مارس 2024 (واس) - ${paragraphs[0]}`, ...paragraphs.slice(1)].join('\n\n'),
    config.knownOutlets,
  );

const speakers = (quotes: ParsedQuote[]) => quotes.map((quote) => quote.speaker);
/** Right, or flagged: the one error that must never happen is a wrong speaker nobody is told to check. */
const rightOrFlagged = (quotes: ParsedQuote[], expected: string) =>
  quotes.every((quote) => quote.speaker === expected || quote.needsReview);

// Role, given name, surname; masculine and feminine, Arab and foreign names.
const PEOPLE = [
  { role: 'وزير الخارجية', given: 'ناصر', surname: 'كنعاني', feminine: false },
  { role: 'النائبة الديمقراطية', given: 'لورا', surname: 'سانتياغو', feminine: true },
  { role: 'رئيس الهيئة', given: 'خالد', surname: 'العبيدي', feminine: false },
  { role: 'وزيرة التخطيط', given: 'هالة', surname: 'السعيد', feminine: true },
  { role: 'المتحدث باسم الحكومة', given: 'أنتوني', surname: 'بلينكن', feminine: false },
];
const QUOTE = 'لن نسمح بأن تتحول هذه الحزمة إلى ورقة مساومة سياسية';
const QUOTE2 = 'وضع الخلافات الحزبية جانبا';

describe('a circumstantial participle after the speaker (داعيا، محذرا، مشيرا…) is no part of the name', () => {
  const participles = ['داعيا', 'محذرا', 'منوها', 'مشيرا', 'معربا عن أمله في'];
  for (const person of PEOPLE) {
    for (const participle of participles) {
      const said = person.feminine ? 'قالت' : 'قال';
      const form = person.feminine ? participle.replace(/^(\S+)ا/u, '$1ة') : participle;
      const name = `${person.given} ${person.surname}`;
      test(`"…"، ${said} ${person.role} ${name} في بيان، ${form} … "…"`, () => {
        const parsed = dispatch(
          `أعلنت الحكومة خطة جديدة للمساعدات.`,
          `"${QUOTE}"، ${said} ${person.role} ${name} في بيان منفصل، ${form} قيادة المجلس إلى "${QUOTE2}".`,
        );
        expect(speakers(parsed.quotes)).toEqual([name, name]);
      });
    }
  }
});

describe('a role with a possessive pronoun (ومديره، ونائبها) is a role, not the name', () => {
  const roles = [
    ['ممثل برنامج الأغذية العالمي ومديره القطري في السودان', 'إيدي رو'],
    ['رئيس المجلس ونائبه الأول', 'سامر العبادي'],
    ['مؤسس الجمعية ومديرها التنفيذي', 'منى الحسيني'],
  ];
  const verbs = ['قال', 'وقال', 'فيما قال', 'وأضاف', 'وأكد'];
  for (const [role, name] of roles) {
    for (const verb of verbs) {
      test(`${verb} ${role} ${name}: "…"`, () => {
        const parsed = dispatch(`أعلنت الهيئة وصول القافلة.`, `${verb} ${role} ${name}: "${QUOTE}".`);
        expect(parsed.quotes).toHaveLength(1);
        expect(parsed.quotes[0].speaker).not.toMatch(/^و?(?:مدير|نائب)/u);
        expect(rightOrFlagged(parsed.quotes, name)).toBe(true);
      });
    }
  }
});

describe('a surname is completed from where the article introduces the person, not from a verb before it', () => {
  // Sentences that put a verb, an adverb or a sentence start next to the surname later in the article.
  const laterMentions = [
    (surname: string) => `ويتوجه ${surname} لاحقا إلى الهند في إطار جولة آسيوية.`,
    (surname: string) => `وفي ما يخص العلاقات مع دول الجوار، وصف ${surname} الجولة الإقليمية بأنها مثمرة.`,
    (surname: string) => `ويلتقي ${surname} غدا نظراءه في المنطقة.`,
  ];
  const verbs = ['قال', 'وقال', 'وأضاف', 'وتابع', 'وأوضح', 'وشدد', 'ولفت'];
  for (const person of PEOPLE.filter((candidate) => !candidate.surname.startsWith('ال'))) {
    const name = `${person.given} ${person.surname}`;
    for (const later of laterMentions) {
      for (const verb of verbs) {
        const said = person.feminine ? `${verb}ت` : verb;
        test(`${person.role} ${name} … ${said} ${person.surname}: "…" … ${later(person.surname).slice(0, 20)}`, () => {
          const parsed = dispatch(
            `أعلن ${person.role} ${name} اليوم خطة جديدة.`,
            `${said} ${person.surname}: "${QUOTE}".`,
            later(person.surname),
          );
          expect(speakers(parsed.quotes)).toEqual([name]);
        });
        test(`"…"، ${said.replace(/^و/u, '')} ${person.surname} للصحفيين … (attribution after the quotation)`, () => {
          const parsed = dispatch(
            `أعلن ${person.role} ${name} اليوم خطة جديدة.`,
            `"${QUOTE}"، ${said.replace(/^و/u, '')} ${person.surname} للصحفيين.`,
            later(person.surname),
          );
          expect(rightOrFlagged(parsed.quotes, name)).toBe(true);
        });
      }
    }
  }
});

describe('a name named in part is completed from the article: nasab, compound given names, given names on either side', () => {
  // The full name as the lead introduces it, and the part a later paragraph repeats.
  const names: Array<[full: string, part: string]> = [
    ['بدرية بنت سعيد الراشدية', 'الراشدية'],
    ['عزة بنت سليمان الزدجالية', 'الزدجالية'],
    ['حسن عبد الكاظم الربيعي', 'الربيعي'],
    ['سهى عبد الرحيم حمدان', 'حمدان'],
    ['فاطمة الزهراء عمور', 'عمور'],
    ['فاطمة ثابت شيبوب', 'ثابت شيبوب'],
    ['نور عائشة عبد الرحمن', 'نور عائشة'],
    ['أحمد فوزي إسماعيل', 'أحمد فوزي'],
    ['محمد بن عبدالله آل خليفة', 'محمد بن عبدالله آل خليفة'],
  ];
  const introductions = [
    (full: string) => `أكدت وزيرة الصناعة، ${full}، أن الخطة تسير وفق الجدول.`,
    (full: string) => `أوضحت المديرة العامة للاستثمار بالهيئة ${full} أن الخطة تسير وفق الجدول.`,
    (full: string) => `قالت الدكتورة ${full} إن الخطة تسير وفق الجدول.`,
  ];
  const later = ['وأضافت', 'وقالت', 'وتابعت', 'وأوضحت', 'وأشارت'];
  for (const [full, part] of names) {
    for (const introduce of introductions) {
      for (const verb of later) {
        test(`${introduce(full).slice(0, 30)}… ${verb} ${part}: "…"`, () => {
          const parsed = dispatch(introduce(full), `${verb} ${part}: "${QUOTE}".`);
          expect(speakers(parsed.quotes)).toEqual([full]);
        });
      }
    }
  }
});

describe('an honorific (سعادتها، سموه) is the last person honoured of its gender', () => {
  const women = ['هند بنت ناصر العطية', 'لولوة الخاطر'];
  const men = ['أحمد فيصل بن عبد الرحمن', 'خالد العبيدي'];
  for (const woman of women) {
    for (const man of men) {
      for (const courtesy of ['سعادة', 'معالي']) {
        const lead = `اجتمعت ${courtesy} السيدة ${woman} وزير الدولة، اليوم، مع ${courtesy} السيد ${man} وزير الخارجية.`;
        const pronoun = courtesy === 'سعادة' ? 'سعادت' : 'معالي';
        test(`${lead.slice(0, 40)}… وقالت ${pronoun}ها: "…" / وقال ${pronoun}ه: "…"`, () => {
          const parsed = dispatch(lead, `وقالت ${pronoun}ها: "${QUOTE}".`, `وقال ${pronoun}ه: "${QUOTE2} في المنطقة".`);
          expect(speakers(parsed.quotes)).toEqual([woman, man]);
        });
      }
    }
  }
});

describe('a title standing for a person named earlier with it (وأضاف الوزير) is that person, or flagged', () => {
  const verbs = ['وأضاف', 'وتابع', 'وأكد', 'وأوضح', 'وشدد', 'ولفت'];
  const pairs: Array<[string, string, string, string]> = [
    // [first person's role, name, second person's role, name]: the same title, two countries.
    ['وزير الخارجية الأمريكي', 'أنتوني بلينكن', 'وزيرة الخارجية اليابانية', 'يوكو كاميكاوا'],
    ['وزير الخارجية الأردني', 'أيمن الصفدي', 'وزير الخارجية الكويتي', 'عبدالله اليحيا'],
    ['وزير المالية', 'محمد معيط', 'وزير التخطيط', 'هالة السعيد'],
  ];
  for (const [role1, name1, role2, name2] of pairs) {
    for (const verb of verbs) {
      test(`${role1} ${name1} … ${role2} ${name2} … ${verb} ${role1}: "…" is ${name1}`, () => {
        const parsed = dispatch(
          `التقى ${role1} ${name1} اليوم ${role2} ${name2} في العاصمة.`,
          `${verb} ${role1}: "${QUOTE}".`,
        );
        expect(speakers(parsed.quotes)).toEqual([name1]);
      });
      test(`${role1} ${name1} … ${role2} ${name2} … ${verb} الوزير: "…" is right or flagged`, () => {
        const parsed = dispatch(
          `التقى ${role1} ${name1} اليوم ${role2} ${name2} في العاصمة.`,
          `${verb} الوزير: "${QUOTE}".`,
        );
        expect(parsed.quotes).toHaveLength(1);
        // Two ministers: flagged; a "وزيرة" is never "الوزير", so with one minister left it is sure.
        expect(rightOrFlagged(parsed.quotes, name1)).toBe(true);
        if (!role2.startsWith('وزيرة')) expect(parsed.quotes[0].needsReview).toBe(true);
      });
    }
  }
  test('one minister named: the title is that minister, sure', () => {
    const parsed = dispatch(`قال وزير المالية محمد معيط إن الموازنة جاهزة.`, `وأضاف الوزير: "${QUOTE}".`);
    expect(parsed.quotes.map((quote) => [quote.speaker, quote.needsReview])).toEqual([['محمد معيط', false]]);
  });
});

describe('an epithet (الدبلوماسية الروسية، المسؤولة) is the last speaker, flagged; an institution named short is named in full', () => {
  const epithets = ['الدبلوماسية الروسية', 'المسؤولة الأممية', 'المسؤولة', 'الوزيرة المنتمية إلى الحزب الاشتراكي'];
  const verbs = ['وأضافت', 'وتابعت', 'وقالت', 'وأكدت'];
  for (const epithet of epithets) {
    for (const verb of verbs) {
      test(`قالت المتحدثة ماريا زاخاروفا: "…" … ${verb} ${epithet}: "…"`, () => {
        const parsed = dispatch(
          `قالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا: "${QUOTE}".`,
          `${verb} ${epithet}: "${QUOTE2} في المنطقة".`,
        );
        expect(speakers(parsed.quotes)).toEqual(['ماريا زاخاروفا', 'ماريا زاخاروفا']);
        expect(rightOrFlagged(parsed.quotes, 'ماريا زاخاروفا')).toBe(true);
      });
    }
  }
  const institutions: Array<[string, string]> = [
    ['وزارة الخارجية الروسية', 'الوزارة'],
    ['الهيئة السعودية للسياحة', 'الهيئة السعودية'],
    ['المنظمة العالمية للأرصاد الجوية', 'المنظمة العالمية'],
    ['خلية الإعلام الأمني', 'الخلية'],
  ];
  for (const [full, short] of institutions) {
    for (const verb of ['وأضافت', 'وقالت', 'وأكدت']) {
      test(`أصدرت ${full} بيانا … ${verb} ${short} أن "…"`, () => {
        const parsed = dispatch(`أصدرت ${full} بيانا اليوم حول التطورات.`, `${verb} ${short} أن "${QUOTE}".`);
        expect(speakers(parsed.quotes)).toEqual([full]);
      });
    }
  }
});

describe('a relayed statement (نقلت الوكالة عن فلان قوله) is the one quoted, not the outlet', () => {
  const outlets = ['وكالة أنباء الشرق الأوسط الرسمية', 'وكالة الأنباء الماليزية', 'صحيفة الأهرام', 'التلفزيون الرسمي'];
  const speakers_: Array<[string, string]> = [
    ['عن وزير الخارجية بدر عبد العاطي', 'بدر عبد العاطي'],
    ['عن مسؤول حكومي', 'مسؤول حكومي'],
    ['عن الوزير وانغ يي', 'وانغ يي'],
  ];
  for (const outlet of outlets) {
    for (const [source, expected] of speakers_) {
      for (const verb of ['ونقلت', 'نقلت', 'كما نقلت']) {
        for (const said of ['قوله إن', 'قوله', 'أن']) {
          test(`${verb} ${outlet} ${source} ${said} "…"`, () => {
            const parsed = dispatch(`عقد الجانبان اجتماعا اليوم.`, `${verb} ${outlet} ${source} ${said} "${QUOTE}".`);
            expect(parsed.quotes).toHaveLength(1);
            expect(parsed.quotes[0].speaker).toBe(expected);
          });
        }
      }
    }
  }
});

describe('an anonymous source keeps the body it speaks from; an indefinite spokesperson is kept as written', () => {
  const sources = [
    'مصدر في الشركة العامة لموانئ العراق',
    'مصدر بوزارة التجارة وتنمية الصادرات',
    'مصدر بإدارة مشروع الجزيرة',
    'مصدر في جمعية الفنادق الأردنية',
    'مصدر أمني',
    'مصادر دبلوماسية',
  ];
  const spokespeople = ['متحدث باسم الحكومة البولندية', 'متحدثة باسم الحكومة الألمانية', 'ناطق باسم الجيش اللبناني'];
  for (const source of [...sources, ...spokespeople]) {
    for (const [before, after] of [
      ['وقال', ': '],
      ['وقال', ' إن '],
      ['وأكد', ' أن '],
      ['وأوضح', ' لوكالة الأنباء أن '],
    ]) {
      const verb = /^(?:متحدثة|مصادر)/u.test(source) ? `${before}ت` : before;
      test(`${verb} ${source}${after}"…"`, () => {
        const parsed = dispatch(`عقد الجانبان اجتماعا اليوم.`, `${verb} ${source}${after}"${QUOTE}".`);
        expect(speakers(parsed.quotes)).toEqual([source]);
      });
    }
  }
});

describe('reporting verbs in all their forms find the quotation and its speaker', () => {
  const forms = ['وبين', 'وبينت', 'بين', 'وتوقع', 'وتوقعت', 'توقع'];
  const people_ = [
    ['وزير السياحة مكرم القيسي', 'مكرم القيسي'],
    ['مديرة الهيئة رنا الحياري', 'رنا الحياري'],
  ];
  for (const form of forms) {
    for (const [subject, name] of people_) {
      for (const link of [' أن ', ': ']) {
        test(`${form} ${subject}${link}"…"`, () => {
          const parsed = dispatch(`عقد الجانبان اجتماعا اليوم.`, `${form} ${subject}${link}"${QUOTE}".`);
          expect(speakers(parsed.quotes)).toEqual([name]);
        });
      }
    }
  }
  test('"بين" the preposition introduces nothing', () => {
    const parsed = dispatch(`عقد الجانبان اجتماعا اليوم.`, `وتوزعت الفعاليات بين "مسار الأنباط الجديد للزوار".`);
    expect(parsed.quotes).toEqual([]);
  });
});

describe('an ellipsis inside the lead is no sentence end: the verb before it still introduces the quotation', () => {
  for (const verb of ['وأضاف', 'وقال', 'وأكد']) {
    test(`${verb} الوزير، خلال إطلاق حملة "الأردن... أرض الحكايات"، أن "…"`, () => {
      const parsed = dispatch(
        `قال وزير السياحة مكرم القيسي إن الموسم واعد.`,
        `${verb} الوزير، خلال رعايته إطلاق حملة "الأردن... أرض الحكايات" الترويجية، أن "${QUOTE}".`,
      );
      expect(parsed.quotes.map((quote) => [quote.text, quote.speaker])).toEqual([[QUOTE, 'مكرم القيسي']]);
    });
  }
});

describe('a short quotation governed by a reporting participle or verb (داعيا إلى "…") is a quotation', () => {
  for (const governor of ['داعية الطرفين إلى', 'محذرا من', 'ودعا الحكومة إلى', 'مشيرة إلى']) {
    test(`… ${governor} "العودة إلى الوساطة"`, () => {
      const parsed = dispatch(
        `قالت المتحدثة باسم الحكومة زابينه مولر إن الحكومة "لن تتدخل في المفاوضة الجماعية"، ${governor} "العودة إلى الوساطة".`,
      );
      expect(parsed.quotes.map((quote) => quote.text)).toEqual(['لن تتدخل في المفاوضة الجماعية', 'العودة إلى الوساطة']);
    });
  }
  test('a short quoted title after a noun is not one ("حملة "قطرة تكفي"")', () => {
    const parsed = dispatch(`أطلقت الوزارة حملة توعية بعنوان "قطرة تكفي" في المدارس.`);
    expect(parsed.quotes).toEqual([]);
  });
});

describe('a statement (وجاء في بيان …) is the body that issued it', () => {
  const bodies: Array<[lead: string, said: string, speaker: string]> = [
    [
      'أعلنت وزارة الخارجية الروسية موقفها.',
      'وجاء في بيان نشرته وزارة الخارجية الروسية على موقعها الإلكتروني:',
      'وزارة الخارجية الروسية',
    ],
    ['أعلنت مؤسسة "روس آتوم" الحكومية اكتمال المرحلة.', 'وجاء في بيان المؤسسة:', 'مؤسسة روس آتوم'],
    [
      'أعلنت الهيئة العامة للطيران المدني فتح الأجواء.',
      'وجاء في بيان الهيئة العامة للطيران المدني:',
      'الهيئة العامة للطيران المدني',
    ],
  ];
  for (const [lead, said, speaker] of bodies) {
    test(`${said} "…"`, () => {
      const parsed = dispatch(lead, `${said} "${QUOTE}".`);
      expect(speakers(parsed.quotes)).toEqual([speaker]);
    });
  }
});

describe('verbs written without hamza (واضاف، اكد، اشار) and "ان" for أن report as the others do', () => {
  const forms = ['واضاف', 'واكد', 'واوضح', 'واشار', 'اضاف', 'اكدت', 'واعلن'];
  for (const form of forms) {
    for (const [subject, name] of [
      ['اليحيا', 'عبدالله اليحيا'],
      ['الصفدي', 'ايمن الصفدي'],
    ]) {
      test(`${form} ${subject} ان المباحثات تناولت …، مؤكدا ان "…"`, () => {
        const parsed = dispatch(
          `التقى وزير الخارجية الكويتي عبدالله اليحيا نظيره الاردني ايمن الصفدي.`,
          `${form} ${subject} ان المباحثات تناولت سبل تعزيز العلاقات الثنائية مؤكدا ان "${QUOTE}".`,
        );
        expect(speakers(parsed.quotes)).toEqual([name]);
      });
    }
  }
});

describe('a role that holds a courtesy word (وزير الفلاحة) or a nasab (عزة بنت سليمان) still finds its name', () => {
  const people_: Array<[string, string]> = [
    ['وزير الفلاحة والصيد البحري والتنمية القروية', 'عبد الحق بنمنصور'],
    ['وزيرة الفلاحة', 'نادية الإدريسي'],
    ['المديرة العامة للترويج السياحي بالوزارة', 'عزة بنت سليمان الزدجالية'],
    ['وكيلة الوزارة', 'بدرية بنت سعيد الراشدية'],
  ];
  for (const [role, name] of people_) {
    for (const form of ['قال', 'وقالت', 'وأكد', 'وأوضحت']) {
      test(`${form} ${role} ${name}: "…" and then "الوزير"/"المديرة"`, () => {
        const parsed = dispatch(`${form} ${role} ${name}: "${QUOTE}".`);
        expect(speakers(parsed.quotes)).toEqual([name]);
      });
    }
  }
  test('وزير الفلاحة, named with commas, is "الوزير" later even when a pronoun noun follows it', () => {
    const parsed = dispatch(
      `أكد وزير الفلاحة والصيد البحري والتنمية القروية والمياه والغابات، عبد الحق بنمنصور، اليوم أن البرنامج يتقدم.`,
      `وقال الوزير، لدى مخاطبته اليوم احتفالا بالموسم، إن "${QUOTE}".`,
    );
    expect(speakers(parsed.quotes)).toEqual(['عبد الحق بنمنصور']);
  });
});

describe('whom a statement was made to (لمراسلة سانا) is no part of the speaker', () => {
  for (const to of ['لمراسلة سانا', 'لمراسل وكالة الأنباء', 'لوكالة الأنباء الألمانية']) {
    for (const speaker of ['إحدى الزائرات', 'مصدر أمني', 'متحدث باسم الحكومة البولندية']) {
      test(`وقالت ${speaker} ${to}: "…"`, () => {
        const parsed = dispatch(`افتتح المعرض اليوم.`, `وقالت ${speaker} ${to}: "${QUOTE}".`);
        expect(speakers(parsed.quotes)).toEqual([speaker]);
      });
    }
  }
});

describe('an honorific with two people of its gender honoured before it is flagged', () => {
  for (const [first, second] of [
    ['خالد العبيدي', 'أحمد فيصل بن عبد الرحمن'],
    ['سامر العبادي', 'فهد الراشد'],
  ]) {
    for (const pronoun of ['سعادته', 'معاليه', 'سموه']) {
      test(`سعادة السيد ${first} … سعادة السيد ${second} … وقال ${pronoun}: "…"`, () => {
        const parsed = dispatch(
          `اجتمع سعادة السيد ${first} وزير الدولة، اليوم، مع سعادة السيد ${second} وزير الخارجية.`,
          `وقال ${pronoun}: "${QUOTE}".`,
        );
        expect(parsed.quotes.map((quote) => quote.needsReview)).toEqual([true]);
      });
    }
  }
});

describe('a verb with no subject keeps the last speaker only when its gender agrees', () => {
  // [the verb that names her or him, the verb with no subject, a woman?, the genders agree?]
  const pairs: Array<[string, string, boolean, boolean]> = [
    ['قال', 'وأضاف', false, true],
    ['قالت', 'وأضافت', true, true],
    ['قال', 'وأضافت', false, false],
    ['قالت', 'وتابع', true, false],
    ['أكد', 'ولفتت', false, false],
    ['أكدت', 'ولفت', true, false],
    ['أكد', 'ولفت', false, true],
  ];
  for (const [said, then, feminine, agrees] of pairs) {
    const name = feminine ? 'هالة السعيد' : 'خالد العبيدي';
    const role = feminine ? 'وزيرة التخطيط' : 'وزير التخطيط';
    test(`${said} ${role} ${name}: "…" … ${then}: "…" ${agrees ? 'keeps the speaker' : 'is flagged'}`, () => {
      const parsed = dispatch(`${said} ${role} ${name}: "${QUOTE}".`, `${then}: "${QUOTE2} في المنطقة".`);
      expect(parsed.quotes.map((quote) => [quote.speaker, quote.needsReview])).toEqual([
        [name, false],
        [name, !agrees],
      ]);
    });
  }
});

describe('a complementizer (أن، إن) ends a title subject: "وأوضح الوزير أن …، وقال:" is the minister', () => {
  const ministers = [
    ['وزير المياه', 'خالد بن إبراهيم العبدالكريم'],
    ['وزير الاقتصاد', 'سامر العبادي'],
  ];
  const complements = [
    'أن الطاقة الإنتاجية لمحطات التحلية في المملكة شهدت نموا',
    'إن القدرة التشغيلية للموانئ في البلاد تضاعفت',
  ];
  for (const [role, name] of ministers) {
    for (const complement of complements) {
      for (const said of ['وقال', 'وأضاف', 'وتابع']) {
        test(`${role} ${name} … وأوضح الوزير ${complement.slice(0, 12)}…، ${said}: "…"`, () => {
          const parsed = dispatch(
            `أكد ${role} ${name} التزام الحكومة بخطتها.`,
            `وأوضح الوزير ${complement} غير مسبوق، ${said}: "${QUOTE}".`,
          );
          expect(parsed.quotes).toHaveLength(1);
          expect(parsed.quotes[0].speaker).toBe(name);
        });
      }
    }
  }
});

describe('the gender of a participle holds while the same person speaks: a feminine bare verb after him is flagged', () => {
  const men = [
    ['وزير الأشغال', 'غسان درويش'],
    ['رئيس الهيئة', 'خالد العبيدي'],
  ];
  const women = [
    ['مديرة التخطيط', 'لينا حداد'],
    ['رئيسة الجمعية', 'منى الحسيني'],
  ];
  for (const [role, man] of men) {
    for (const [womanRole, woman] of women) {
      for (const participle of ['مضيفا', 'مؤكدا', 'مشيرا']) {
        test(`${man} … ${participle} "…"؛ بينت ${womanRole} ${woman} أن …، وقالت: "…"`, () => {
          const parsed = dispatch(
            `بدأت أعمال المشروع السكني.`,
            `تفقد ${role} ${man} سير العمل في المشروع، ${participle} أن "${QUOTE2}".`,
            `بدورها، بينت ${womanRole} المهندسة ${woman} أن نسبة الإنجاز في المشروع بلغت 68 بالمئة وأن الأعمال مستمرة في المواقع كافة، وقالت: "${QUOTE}".`,
          );
          expect(parsed.quotes).toHaveLength(2);
          expect(parsed.quotes[0].speaker).toBe(man);
          expect(rightOrFlagged([parsed.quotes[1]], woman)).toBe(true);
        });
      }
    }
  }
});

describe('an indefinite role noun governs the word after it: "رئيسة بلدية أنطاكيا جانان أوزتورك" is جانان أوزتورك', () => {
  const roles = [
    ['رئيسة بلدية', 'أنطاكيا', 'قالت', 'وتابعت'],
    ['مدير مستشفى', 'كسلا', 'قال', 'وتابع'],
    ['محافظ ولاية', 'الخرطوم', 'قال', 'وأضاف'],
  ];
  const names = [
    ['جانان', 'أوزتورك'],
    ['فيكتور', 'مارتينيز'],
    ['لطيف', 'بوزيد'],
  ];
  for (const [role, place, said, again] of roles) {
    for (const [given, surname] of names) {
      const name = `${given} ${surname}`;
      test(`${said} ${role} ${place} ${name}: "…" … ${again} ${surname}: "…"`, () => {
        const parsed = dispatch(
          `أعلنت السلطات افتتاح المشروع.`,
          `من جهته، ${said} ${role} ${place} ${name} للصحفيين: "${QUOTE}".`,
          `${again} ${surname}: "${QUOTE2}".`,
        );
        expect(parsed.quotes).toHaveLength(2);
        expect(parsed.quotes.map((quote) => quote.speaker).every((speaker) => !speaker.includes(place))).toBe(true);
        expect(rightOrFlagged(parsed.quotes, name)).toBe(true);
      });
    }
  }
});

describe('a name is not lengthened by the verb beside it: "تراقب ريما", "الشناوي يتفحص نموذجا"', () => {
  const leads = [
    (given: string, surname: string) => `وقف رجل الأعمال ${given} ${surname} يتفحص نموذجا مصغرا لمحطة طاقة.`,
    (given: string, surname: string) => `على شرفة منزلها، تراقب ${given} مؤشر البطارية، قبل أن تلتقي ${surname} جارها.`,
  ];
  const people = [
    ['أحمد', 'الشناوي'],
    ['ريما', 'الخطيب'],
    ['سعاد', 'المهيري'],
  ];
  for (const [given, surname] of people) {
    test(`…${given} ${surname} يتفحص… "…"، قال ${surname}`, () => {
      const parsed = dispatch(leads[0](given, surname), `"${QUOTE}"، قال ${surname} لوكالة الأنباء.`);
      expect(parsed.quotes[0].speaker).toBe(`${given} ${surname}`);
    });
    test(`…تراقب ${given}… "…"، تقول ${given}`, () => {
      const parsed = dispatch(leads[1](given, surname), `"${QUOTE}"، تقول ${given} لوكالة الأنباء.`);
      expect(parsed.quotes[0].speaker).not.toMatch(/تراقب/u);
      expect(rightOrFlagged(parsed.quotes, given)).toBe(true);
    });
  }
});

describe("an anonymous source in an indefinite institution keeps the institution's name; a dual source is anonymous", () => {
  const phrases = [
    ['مسؤول في مديرية كهرباء البصرة', 'طلب عدم ذكر اسمه'],
    ['مصدر طبي بمستشفى كسلا التعليمي', 'فضل عدم الكشف عن هويته'],
    ['مصدر في مجلس محافظة حمص', 'طلب عدم نشر اسمه'],
    ['مصدران مصرفيان', 'طلبا عدم نشر اسميهما'],
  ];
  for (const [phrase, aside] of phrases) {
    test(`وقال ${phrase}، ${aside}، إن "…"`, () => {
      const parsed = dispatch(`أعلنت السلطات خطة طوارئ.`, `وقال ${phrase}، ${aside}، لوكالة الأنباء إن "${QUOTE}".`);
      expect(parsed.quotes).toHaveLength(1);
      expect(parsed.quotes[0].speaker).toBe(phrase);
    });
  }
  test('an institution cut short ("مسؤول في مديرية") is flagged', () => {
    const parsed = dispatch(`أعلنت السلطات خطة طوارئ.`, `وقال مسؤول في مديرية، طلب عدم ذكر اسمه، إن "${QUOTE}".`);
    expect(parsed.quotes[0].needsReview).toBe(true);
  });
});

describe('when it was said is no part of the subject: "وقال صندوق النقد الدولي الشهر الماضي إن"', () => {
  const subjects = ['صندوق النقد الدولي', 'البنك الدولي', 'وزارة المالية المصرية'];
  const times = ['الشهر الماضي', 'الأسبوع الماضي', 'العام الماضي', 'الشهر الجاري'];
  for (const subject of subjects) {
    for (const time of times) {
      test(`وقال ${subject} ${time} إن "…"`, () => {
        const parsed = dispatch(`تراجع التضخم في البلاد.`, `وقال ${subject} ${time} إن "${QUOTE}".`);
        expect(parsed.quotes[0].speaker).toBe(subject);
      });
    }
  }
});

describe('a courtesy before a given name opens the name; a later one (دولة الكويت) is the sentence', () => {
  const people = [
    ['وزير النفط الكويتي', 'الدكتور', 'بدر عبدالله الرشيدي', 'التزام دولة الكويت الكامل بقرارات أوبك'],
    ['وزيرة التنمية', 'الدكتورة', 'هالة السعيد', 'حرص دولة الإمارات على التعاون'],
    ['سفير المملكة', 'السيد', 'فيصل الغامدي', 'دعم دولة قطر للمبادرة'],
  ];
  for (const [role, courtesy, name, rest] of people) {
    const title = role.split(' ')[0].replace(/^/u, 'ال');
    test(`أكد ${role} ${courtesy} ${name} ${rest.slice(0, 12)}… وقال ${title}: "…"`, () => {
      const parsed = dispatch(`أكد ${role} ${courtesy} ${name} ${rest}.`, `وقال ${title} في تصريح صحفي إن "${QUOTE}".`);
      expect(parsed.quotes[0].speaker).toBe(name);
    });
  }
});

describe('a courtesy of pilgrimage or a Malay honorific (الحاجة، هاجة، داتوك سري) is no part of the name', () => {
  const people: Array<[string, string, string, string]> = [
    ['قالت', 'وزيرة المرأة', 'داتوك سري هاجة', 'نانسي شكري'],
    ['قالت', 'رئيسة الجمعية', 'الحاجة', 'سعاد الساعدي'],
    ['قالت', 'المديرة', 'هاجة', 'زريدة كمال الدين'],
    ['قال', 'رئيس الغرفة', 'الحاج', 'سليم العلي'],
  ];
  for (const [verb, role, courtesy, name] of people) {
    const given = name.split(' ')[0];
    test(`${verb} ${role} ${courtesy} ${name} إن …، ${verb} ${given}: "…"`, () => {
      const parsed = dispatch(
        `${verb} ${role} ${courtesy} ${name} إن العمل جار على خطة جديدة.`,
        `و${verb} ${given}: "${QUOTE}".`,
      );
      expect(parsed.quotes).toHaveLength(1);
      expect(parsed.quotes[0].speaker).toBe(name);
    });
  }
});

describe("a role's complement with ل (المبعوث الخاص لقضية الشرق الأوسط) is the role's, and the name follows it", () => {
  const roles = ['المبعوث الصيني الخاص', 'المنسق الأممي الخاص', 'المستشار الأول'];
  const complements = ['لقضية الشرق الأوسط', 'لشؤون الشرق الأوسط', 'لعملية السلام'];
  const names = ['تشانغ وي مينغ', 'تور وينسلاند', 'مارتن غريفيث'];
  for (const role of roles)
    for (const complement of complements)
      for (const name of names) {
        test(`وقال ${role} ${complement} ${name}، إن "…"`, () => {
          const parsed = dispatch(`عقد اجتماع بشأن الأزمة.`, `وقال ${role} ${complement} ${name}، إن "${QUOTE}".`);
          expect(parsed.quotes).toHaveLength(1);
          expect(parsed.quotes[0].speaker).toBe(name);
        });
      }
});

describe('"وقال المصدر" is the anonymous source as introduced, with its qualifiers (مصدر أمني مطلع، مصدر أمني في محافظة كركوك)', () => {
  const nisbas = ['أمني', 'دبلوماسي', 'حكومي', 'عسكري'];
  const qualified = (nisba: string) => [
    [`مصدر ${nisba} مطلع`, `ونقلت صحيفة "الغد" عن مصدر ${nisba} مطلع قوله إن الزيارة كانت مقررة منذ أسابيع.`],
    [`مصدر ${nisba} رفيع`, `وأفاد مصدر ${nisba} رفيع بأن اللقاء سيعقد الأسبوع المقبل.`],
    [`مصدر ${nisba} في محافظة كركوك`, `وأفاد مصدر ${nisba} في محافظة كركوك بأن القوات فرضت طوقا حول القرى.`],
  ];
  for (const nisba of nisbas)
    for (const [phrase, introduced] of qualified(nisba)) {
      test(`${introduced.slice(0, 40)}… وقال المصدر: "…"`, () => {
        const parsed = dispatch(`عقد اجتماع أمني موسع.`, introduced, `وقال المصدر للصحيفة: "${QUOTE}".`);
        expect(parsed.quotes).toHaveLength(1);
        expect(parsed.quotes[0].speaker).toBe(phrase);
      });
    }
});

describe('"الوزير الأردني" after "وزير الخارجية المصري X مع نظيره الأردني Y" is Y, and "الوزير المصري" X', () => {
  const pairs: Array<[string, string, string, string, string]> = [
    ['وزير الخارجية', 'المصري', 'حسام الدين عبد الرحيم', 'الأردني', 'فيصل العدوان'],
    ['وزير الدفاع', 'التركي', 'خلوصي أكار', 'الأذربيجاني', 'ذاكر حسنوف'],
    ['وزير الطاقة', 'السعودي', 'عبدالعزيز بن سلمان', 'الروسي', 'ألكسندر نوفاك'],
  ];
  for (const [role, ownNation, own, otherNation, other] of pairs) {
    const title = role.split(' ')[0].replace(/^/u, 'ال');
    test(`${role} ${ownNation} ${own} مع نظيره ${otherNation} ${other}… وقال ${title} ${otherNation}: "…"`, () => {
      const parsed = dispatch(
        `بحث ${role} ${ownNation} ${own} مع نظيره ${otherNation} ${other} مستجدات الأوضاع في المنطقة.`,
        `وقال ${title} ${otherNation}، في مؤتمر صحفي مشترك: "${QUOTE}".`,
        `من جانبه، قال ${title} ${ownNation}: "${QUOTE2}".`,
      );
      expect(parsed.quotes.map((quote) => quote.speaker)).toEqual([other, own]);
      expect(parsed.quotes[0].needsReview ?? false).toBe(false);
    });
  }
});

describe('a time adverb (حينها، آنذاك) or the station spoken to (لمحطة) after a name is no part of it', () => {
  const people = [
    ['وزير الخارجية الروسي', 'سيرغي لافروف', 'لافروف'],
    ['زعيم المعارضة', 'فريدريش ميرتس', 'ميرتس'],
    ['رئيس الحكومة', 'كمال الدين يوسف', 'يوسف'],
  ];
  const afters = ['حينها', 'آنذاك', 'لمحطة "إيه آر دي" التلفزيونية'];
  for (const [role, name, surname] of people)
    for (const after of afters) {
      test(`${role} ${name}… وقال ${surname} ${after}: "…"`, () => {
        const parsed = dispatch(`انتقد ${role} ${name} الخطة الجديدة.`, `وقال ${surname} ${after}: "${QUOTE}".`);
        expect(parsed.quotes).toHaveLength(1);
        expect(parsed.quotes[0].speaker).toBe(name);
      });
    }
});

describe('what is written on a banner (لافتات كتب عليها "…") is no quotation', () => {
  const things = [
    ['لافتات', 'عليها'],
    ['يافطات', 'عليها'],
    ['قماشا أبيض', 'عليه'],
    ['لوحة كبيرة', 'عليها'],
  ];
  const slogans = ['لن نرحل', 'القدس عاصمة فلسطين الأبدية', 'الشعب يريد الحياة'];
  for (const [thing, on] of things)
    for (const slogan of slogans) {
      test(`رفع المشاركون ${thing} كتب ${on} "${slogan}"`, () => {
        const parsed = dispatch(
          `شارك المئات في وقفة احتجاجية، وقال محافظ المدينة محمود العالول: "${QUOTE2}".`,
          `ورفع المشاركون ${thing} كتب ${on} "لا للتهجير" و"${slogan}"، وصور الأسرى.`,
          `وقال رئيس اللجنة خالد المصري: "${QUOTE}".`,
        );
        expect(parsed.quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
          [QUOTE2, 'محمود العالول'],
          [QUOTE, 'خالد المصري'],
        ]);
      });
    }
});

describe('a family name alone (قالت البلوشي) is the whole name the article gave, even after و (وفاطمة حسن البلوشي)', () => {
  const people: Array<[string, string, string, boolean]> = [
    ['مديرة المنصة', 'فاطمة حسن البلوشي', 'البلوشي', true],
    ['النائب', 'عمر الزيود', 'الزيود', false],
    ['رئيس الهيئة', 'سالم راشد الكعبي', 'الكعبي', false],
  ];
  for (const [role, name, family, feminine] of people) {
    const said = feminine ? 'قالت' : 'قال';
    test(`${role} ${name}… «…»، ${said} ${family}`, () => {
      const parsed = dispatch(
        `افتتح المنتدى بحضور وزير الزراعة خالد المري.`,
        `وشهد المنتدى جلسة شارك فيها راشد عبيد المزروعي، المدير العام للهيئة، و${name}، ${role}.`,
        `وأوضح المدير العام أن الإنتاج ارتفع خلال العام.`,
        `«${QUOTE}»، ${said} ${family}، مشيرا إلى الأرقام.`,
      );
      expect(parsed.quotes).toHaveLength(1);
      expect(parsed.quotes[0].speaker).toBe(name);
    });
  }
});

describe('a title two people bear (النائب) goes, after a verb of one gender (وردت النائب بالقول), to the one of that gender', () => {
  const pairs: Array<[string, string, string]> = [
    ['النائب', 'ريم العبادي', 'عمر الزيود'],
    ['المحامي', 'هالة المصري', 'سامر الخطيب'],
    ['العضو', 'سناء الحسيني', 'خالد الرفاعي'],
  ];
  for (const [title, woman, man] of pairs) {
    for (const [verb, expected] of [
      ['وردت', woman],
      ['ورد', man],
    ] as const) {
      test(`قالت ${title} ${woman}… وقال ${title} ${man}… ${verb} ${title} على ذلك بالقول: "…"`, () => {
        const parsed = dispatch(
          `وفي الجلسة، قالت ${title} ${woman} إن "${QUOTE2}".`,
          `في المقابل، قال ${title} ${man}: "سبق أن سمعنا الكلام ذاته".`,
          `${verb} ${title} على ذلك بالقول: "${QUOTE}".`,
        );
        expect(parsed.quotes[2].speaker).toBe(expected);
      });
    }
  }
});

describe('a participle whose tanween is written before the alef (مبينًا) introduces a quotation', () => {
  for (const participle of ['مبينًا', 'مؤكدًا', 'مشيرًا', 'مضيفًا']) {
    test(`وأضاف الوزير أن …، ${participle} أن "…"`, () => {
      const parsed = dispatch(
        `أعلن وزير البيئة التركي أوميت أيدن إنجاز المشروع.`,
        `وأضاف الوزير التركي أن المشروع يستهدف 450 ألف وحدة، ${participle} أن "${QUOTE}".`,
      );
      expect(parsed.quotes).toHaveLength(1);
      expect(parsed.quotes[0].speaker).toBe('أوميت أيدن');
    });
  }
});

describe('reporting verbs in the present (تقول، يضيف، تؤكد) introduce a quotation as the past does', () => {
  const verbs = [
    ['يقول', 'تقول'],
    ['يضيف', 'تضيف'],
    ['يؤكد', 'تؤكد'],
    ['يوضح', 'توضح'],
    ['يروي', 'تروي'],
  ];
  for (const person of PEOPLE) {
    for (const [masculine, feminine] of verbs) {
      const verb = person.feminine ? feminine : masculine;
      const name = `${person.given} ${person.surname}`;
      test(`${verb} ${person.role} ${name}: "…"`, () => {
        const parsed = dispatch(`أعلنت الحكومة خطة جديدة.`, `و${verb} ${person.role} ${name}: "${QUOTE}".`);
        expect(parsed.quotes).toHaveLength(1);
        expect(parsed.quotes[0].speaker).toBe(name);
      });
    }
  }
  test("a quotation after a present verb with no subject, nobody quoted before: the sentence's subject, flagged", () => {
    const parsed = dispatch(`تقف فاطمة المسماري كل صباح أمام البحر في درنة، وتقول «${QUOTE}».`);
    expect(parsed.quotes).toHaveLength(1);
    expect(parsed.quotes[0]).toMatchObject({ speaker: 'فاطمة المسماري', needsReview: true });
  });
});

describe('the outlet a statement was made to (لرويترز، لبي بي سي، لفرانس برس) is never part of a name', () => {
  const outlets = ['لرويترز', 'لبي بي سي', 'لفرانس برس', 'لأسوشيتد برس', 'لوكالة الأناضول'];
  const people = [
    ['زينب', 'كاظم'],
    ['جورج', 'خوري'],
    ['شيرين', 'كريم'],
  ];
  for (const outlet of outlets) {
    for (const [given, surname] of people) {
      test(`تجلس ${given} ${surname}… تقول ${given} ${outlet}: "…"`, () => {
        const parsed = dispatch(
          `تجلس ${given} ${surname}، وهي معلمة، في منزلها بانتظار التيار.`,
          `تقول ${given} ${outlet}: "${QUOTE}".`,
        );
        expect(parsed.quotes[0].speaker).not.toContain(outlet.slice(1, 4));
        expect(rightOrFlagged(parsed.quotes, `${given} ${surname}`)).toBe(true);
      });
      test(`لكن رئيس الغرفة، ${given} ${surname}، قال ${outlet} إن "…"`, () => {
        const parsed = dispatch(
          `ارتفعت الأسعار.`,
          `لكن رئيس الغرفة الوطنية، ${given} ${surname}، قال ${outlet} إن "${QUOTE}".`,
        );
        expect(parsed.quotes[0].speaker).toBe(`${given} ${surname}`);
      });
    }
  }
});

describe('"المصدر ذاته", "المسؤول نفسه" is the one who spoke last', () => {
  for (const phrase of ['المصدر ذاته', 'المصدر نفسه', 'المسؤول ذاته', 'المتحدثة نفسها']) {
    test(`… وأضاف ${phrase} أن "…"`, () => {
      const parsed = dispatch(
        `أعلنت السلطات خطة طوارئ.`,
        `وقال مدير الوكالة عبد الرحيم الوزاني إن "${QUOTE2}".`,
        `وأضاف ${phrase} أن "${QUOTE}".`,
      );
      expect(speakers(parsed.quotes)).toEqual(['عبد الرحيم الوزاني', 'عبد الرحيم الوزاني']);
    });
  }
});

describe('an institution that announces something speaks; the verbal noun after it is what it said', () => {
  const bodies = ['وزارة الصحة الاتحادية', 'هيئة الطيران المدني', 'شركة زاغروس للطاقة', 'مديرية الحماية المدنية'];
  const objects = ['تسجيل 47 إصابة جديدة', 'إخماد الحريق', 'استئناف الرحلات'];
  for (const body of bodies) {
    for (const object of objects) {
      test(`أعلنت ${body} ${object}… وأضافت: "…"`, () => {
        const parsed = dispatch(`أعلنت ${body} ${object} في ولايتين.`, `وأضافت: "${QUOTE}".`);
        expect(parsed.quotes[0].speaker).toBe(body);
      });
    }
  }
});

describe('"…، الذي قال إن": the relative pronoun stands for the person before it', () => {
  const people = [
    ['قائد عمليات كركوك اللواء', 'ماجد الساعدي', 'تحدث'],
    ['مدير الشرطة العميد', 'نوزاد حسين', 'حضر'],
  ];
  for (const [role, name, verb] of people) {
    test(`… ${verb} ${role} ${name}، الذي قال إن "…"`, () => {
      const parsed = dispatch(
        `أعلنت الوزارة انتهاء العملية.`,
        `وقال المتحدث باسم الوزارة العميد حيدر الكناني: "${QUOTE2}".`,
        `وإلى جانب الكناني، ${verb} ${role} ${name}، الذي قال إن "${QUOTE}".`,
      );
      expect(parsed.quotes[1].speaker).toBe(name);
    });
  }
});

describe('a bare verb after someone else was named since the last quotation keeps the last speaker only flagged', () => {
  for (const said of ['وتابع', 'وأضاف', 'وقال']) {
    test(`"…" قال الأول … وعاد الثاني ليشير إلى … الدكتور … ${said}: "…"`, () => {
      const parsed = dispatch(
        `أطلقت الوزارة حملة التطعيم.`,
        `وقال المدير العام الدكتور ماجد بن ناصر الدوسري: "${QUOTE2}".`,
        `وعاد المتحدث ليشير إلى التنسيق مع الدكتور عبدالرحمن بن صالح المالكي. ${said}: "${QUOTE}".`,
      );
      expect(parsed.quotes[1].needsReview).toBe(true);
    });
  }
});

describe('two single letters of an abbreviation (أ ب) name an agency only spaced or dotted: "آب" is a month', () => {
  for (const dateline of ['صنعاء – 28 آب/أغسطس 2023', 'بيروت 3 آب 2024', 'دمشق - آب 2024']) {
    test(`${dateline} with no agency is refused`, () => {
      expect(() =>
        parseDispatch(
          ['عنوان الخبر', dateline, 'أعلنت السلطات الصحية ارتفاع الحالات.'].join('\n\n'),
          config.knownOutlets,
        ),
      ).toThrow(/No agency/);
    });
  }
  for (const written of ['أ ب', 'أ.ب', '(أ ب)']) {
    test(`واشنطن 3 آب 2024 (${written}) reads as Associated Press`, () => {
      const parsed = parseDispatch(
        [
          'عنوان الخبر',
          `واشنطن 3 آب 2024 ${written.startsWith('(') ? written : `(${written})`} - أعلنت السلطات خطة.`,
        ].join('\n\n'),
        config.knownOutlets,
      );
      expect(parsed.outlets.map((outlet) => outlet.nameLatin)).toContain('Associated Press');
    });
  }
});

describe('a title in apposition after the name ("شيخة سالم الكتبي، رئيسة المجلس") stands for that name later', () => {
  const people = [
    ['الدكتورة', 'شيخة سالم الكتبي', 'رئيسة مجلس أمناء الجائزة', 'وأضافت رئيسة مجلس الأمناء'],
    ['السيد', 'خالد حسن العبيدي', 'رئيس اتحاد الغرف التجارية', 'وأضاف رئيس الاتحاد'],
    ['', 'منى سعد الحسيني', 'مديرة المركز الوطني للبحوث', 'وتابعت مديرة المركز'],
  ];
  for (const [courtesy, name, role, later] of people) {
    test(`قال ${courtesy} ${name}، ${role}: "…" … ${later} أن …، وأن … "…"`, () => {
      const said = role.endsWith('ة') || role.startsWith('رئيسة') || role.startsWith('مديرة') ? 'وقالت' : 'وقال';
      const parsed = dispatch(
        `أعلنت اللجنة أسماء الفائزين.`,
        `${said} ${courtesy} ${name}، ${role}: «${QUOTE2}».`,
        `${later} أن عدد المشاركات بلغ 1240 عملاً من 38 دولة، وأن الجائزة ستستحدث فئة جديدة لترجمة أدب الطفل "${QUOTE}"، وفق تعبيرها.`,
      );
      expect(parsed.quotes).toHaveLength(2);
      expect(rightOrFlagged(parsed.quotes, name)).toBe(true);
      expect(parsed.quotes[1].speaker).toBe(name);
    });
  }
});

describe('everyday roles (مدربة، حارسة المرمى، شاهد العيان، أحد سكان الحي) come before the name, never in it', () => {
  const roles = [
    ['قالت', 'حارسة المرمى', 'ميار خليل'],
    ['قالت', 'مدربة المنتخب اللبناني', 'ريتا خوري'],
    ['قال', 'مدرب الوداد الفرنسي', 'جان ماري دوبوا'],
    ['قال', 'شاهد العيان', 'حسن دمير'],
    ['قال', 'أحد سكان الحي', 'محمود قدور'],
    ['قال', 'سائق الحافلة', 'كمال يلدز'],
  ];
  for (const [said, role, name] of roles) {
    test(`${said} ${role} ${name}: "…"`, () => {
      const parsed = dispatch(`وقع الحادث صباح اليوم.`, `و${said} ${role} ${name} للصحفيين: "${QUOTE}".`);
      expect(parsed.quotes[0].speaker).toBe(name);
    });
  }
  test('"إحدى ساكنات المبنى، وتدعى يلينا كوزنيتسوفا،": what she is called is her name', () => {
    const parsed = dispatch(
      `وقع الانفجار فجرا.`,
      `وقالت إحدى ساكنات المبنى، وتدعى يلينا كوزنيتسوفا، في تصريحات صحفية: "${QUOTE}".`,
    );
    expect(parsed.quotes[0].speaker).toBe('يلينا كوزنيتسوفا');
  });
  test('"أحد المصادر", "إحدى الزائرات" keep the noun "one of" takes', () => {
    const parsed = dispatch(`افتتح المعرض.`, `وقالت إحدى الزائرات لمراسلة الوكالة: "${QUOTE}".`);
    expect(parsed.quotes[0].speaker).toBe('إحدى الزائرات');
  });
});

describe('a courtesy word after a name is a family name ("مريم خليل السيد")', () => {
  for (const name of ['مريم خليل السيد', 'محمد السيد الشربيني', 'أحمد علي الشيخ']) {
    test(`ترى صاحبة الشركة، ${name}، أن "…"`, () => {
      const parsed = dispatch(`ارتفع التوظيف.`, `بينما ترى صاحبة شركة ناشئة، ${name}، أن "${QUOTE}".`);
      expect(parsed.quotes[0].speaker).toBe(name);
    });
  }
});

describe('verbs joined by و share the subject of the sentence\'s first verb ("وتجولت سعاد، …، وقالت")', () => {
  const people = [
    ['وتجولت', 'سعاد', 'وهي ربة منزل في الأربعين من عمرها', 'وقالت'],
    ['كانت', 'الحاجة فاطمة', '68 عاما', 'وقالت'],
    ['ووقف', 'المزارع خالد العبيدي', 'وهو يتفقد أشجاره', 'وقال'],
  ];
  for (const [verb, subject, aside, said] of people) {
    test(`${verb} ${subject}، ${aside}، بين المحال… قبل أن…، ${said}: «…»`, () => {
      const parsed = dispatch(
        `ازدحمت الأسواق قبل رمضان.`,
        `${verb} ${subject}، ${aside}، بين المحال لأكثر من ساعة قبل أن تختار فانوسا، ${said}: «${QUOTE}».`,
      );
      const name = subject.replace(/^(?:الحاجة|المزارع)\s+/u, '');
      expect(parsed.quotes[0].speaker).toBe(name);
    });
  }
});

describe('a verbal noun and its object end a name: "سجل المهاجم سيف الدين حمدي هدف التقدم"', () => {
  for (const [verb, name, object] of [
    ['وسجل المهاجم', 'سيف الدين حمدي', 'هدف التقدم'],
    ['وأعلن الوزير', 'أوميت أيدن', 'إنجاز المشروع'],
  ]) {
    test(`${verb} ${name} ${object}… وقال ${name.split(' ').pop()}: "…"`, () => {
      const surname = name.split(' ').pop() as string;
      const parsed = dispatch(
        `انتهت المباراة.`,
        `${verb} ${name} ${object} في الدقيقة 12.`,
        `وقال ${surname}: "${QUOTE}".`,
      );
      expect(parsed.quotes[0].speaker).toBe(name);
    });
  }
});

describe('the quoted name of a plan, a summit or a strategy is no quotation', () => {
  const names = [
    'مبادرة الملك سلمان للطاقة المتجددة',
    'قمة إسطنبول للموارد الطبيعية',
    'الخطة الرئيسية للصناعة الحلال 2030',
    'الاستراتيجية الوطنية للصحة 2023-2025',
    'برنامج الأمن المائي',
  ];
  for (const name of names) {
    test(`… ضمن "${name}" … وقال الوزير: "…"`, () => {
      const parsed = dispatch(
        `أطلقت الحكومة المشروع ضمن "${name}" التي أعلنت العام الماضي.`,
        `وقال وزير الطاقة خالد العبيدي: "${QUOTE}".`,
      );
      expect(parsed.quotes.map((quote) => quote.text)).toEqual([QUOTE]);
    });
  }
});

describe('a name the article wrote in full is completed from its given and family names ("سالم الصباح")', () => {
  for (const [full, short] of [
    ['سالم عبدالله الجابر الصباح', 'سالم الصباح'],
    ['محمد بن عبد الجليل الفاسي', 'محمد الفاسي'],
    ['خالد حسن العبيدي', 'خالد العبيدي'],
  ]) {
    test(`${full} … وقال الشيخ ${short}: "…"`, () => {
      const parsed = dispatch(
        `بحث وزير الخارجية الشيخ ${full} مع نظيره العلاقات.`,
        `وقال الشيخ ${short} للصحفيين: "${QUOTE}".`,
      );
      expect(parsed.quotes[0].speaker).toBe(full);
    });
  }
});

describe('a nasab runs a name past four words; a title after a name ends it', () => {
  test('السيد محمد بن عبد الجليل الفاسي, in apposition', () => {
    const parsed = dispatch(
      `افتتح المهرجان.`,
      `وقال رئيس جمعية فاس للتراث، السيد محمد بن عبد الجليل الفاسي، في تصريح صحفي: "${QUOTE}".`,
    );
    expect(parsed.quotes[0].speaker).toBe('محمد بن عبد الجليل الفاسي');
  });
  for (const title of ['المتحدث باسم مجلس النواب', 'الناطق الرسمي باسم الحكومة', 'المدير العام للهيئة']) {
    test(`قال خالد بوزيد ${title} إن "…"`, () => {
      const parsed = dispatch(`عقد المجلس جلسة طارئة.`, `وقال خالد بوزيد ${title} إن "${QUOTE}".`);
      expect(parsed.quotes[0].speaker).toBe('خالد بوزيد');
    });
  }
});

describe('a role of many words, then the name after a comma ("…المشتركة بين إيران وروسيا، حميد رضا قاسمي نجاد")', () => {
  test('the name after the last comma, with بين X وY in the role', () => {
    const parsed = dispatch(
      `ارتفع التبادل التجاري.`,
      `وقال مساعد محافظ البنك المركزي للشؤون الدولية ورئيس اللجنة المصرفية المشتركة بين إيران وروسيا، حميد رضا قاسمي نجاد: "${QUOTE}".`,
    );
    expect(parsed.quotes[0].speaker).toBe('حميد رضا قاسمي نجاد');
  });
  test("a name an institution governs through a preposition (لشركة خطوط …) is flagged or the person's", () => {
    const parsed = dispatch(
      `ارتفع الطلب على الغاز.`,
      `وقالت المديرة العامة لشركة خطوط أنابيب النفط التركية ميرال يلدز، إن الشركة "${QUOTE}".`,
    );
    expect(rightOrFlagged(parsed.quotes, 'ميرال يلدز')).toBe(true);
  });
});

describe('a country in parentheses after the city is no agency', () => {
  for (const [city, country] of [
    ['أدري', 'تشاد'],
    ['درنة', 'ليبيا'],
    ['جبلة', 'سوريا'],
  ]) {
    test(`${city} (${country}) - … with no agency is refused`, () => {
      expect(() =>
        parseDispatch(
          ['عنوان الخبر', `${city} (${country}) - أعلنت السلطات ارتفاع الحالات.`].join('\n\n'),
          config.knownOutlets,
        ),
      ).toThrow(/No agency/);
    });
  }
});

describe('abbreviations, ranks and asides around a name', () => {
  test('"د. عثمان محمد الأمين": a letter and a dot abbreviate a title, they end no sentence', () => {
    const parsed = dispatch(`ارتفعت الإصابات.`, `وقال وزير الصحة د. عثمان محمد الأمين في مؤتمر صحفي: "${QUOTE}".`);
    expect(parsed.quotes[0].speaker).toBe('عثمان محمد الأمين');
  });
  for (const rank of ['الملازم أول', 'النقيب', 'المقدم', 'العقيد الركن']) {
    test(`المكلف بالإعلام بالمديرية العامة، ${rank} كمال بن عمر، أن "…"`, () => {
      const parsed = dispatch(
        `اندلعت الحرائق.`,
        `من جهته، أكد المكلف بالإعلام بالمديرية العامة للحماية المدنية، ${rank} كمال بن عمر، أن "${QUOTE}".`,
      );
      expect(parsed.quotes[0].speaker).toBe('كمال بن عمر');
    });
  }
  test('"طالبا عدم نشر اسمه": asking not to be named reports nothing; the source speaks', () => {
    const parsed = dispatch(
      `ارتفع التضخم.`,
      `وقال مصدر حكومي لرويترز، طالبا عدم نشر اسمه لأنه غير مخول بالحديث لوسائل الإعلام، إن "${QUOTE}".`,
    );
    expect(parsed.quotes[0].speaker).toBe('مصدر حكومي');
  });
  for (const phrase of ['مصدر مقرب من النادي', 'أحد السكان']) {
    test(`"${phrase}، وهو …": the phrase, whole and no further`, () => {
      const parsed = dispatch(`اندلع الحريق.`, `وقال ${phrase} وهو يتابع الوضع: "${QUOTE}".`);
      expect(parsed.quotes[0].speaker).toBe(phrase);
    });
  }
  for (const role of ['أخصائية الأرصاد في المركز الوطني', 'استاذة الاقتصاد في جامعة الكويت']) {
    test(`قالت ${role} نورة العتيبي: "…"`, () => {
      const parsed = dispatch(`تغير الطقس.`, `وقالت ${role} نورة العتيبي: "${QUOTE}".`);
      expect(parsed.quotes[0].speaker).toBe('نورة العتيبي');
    });
  }
  test('a long role after the quotation (more than ninety letters) still ends with the whole name', () => {
    const parsed = dispatch(
      `ارتفعت أسعار الزيت.`,
      `«${QUOTE}»، قالت عضو المكتب التنفيذي للاتحاد التونسي للفلاحة والصيد البحري المكلفة بالإنتاج النباتي فاطمة العياري.`,
    );
    expect(rightOrFlagged(parsed.quotes, 'فاطمة العياري')).toBe(true);
    expect(parsed.quotes[0].speaker).not.toMatch(/ال$/u);
  });
  test('an outlet addressed after a name ("لوكالة الأنباء الكويتية (كونا)") never reads as an apposition', () => {
    const parsed = dispatch(
      `توقعت الإدارة طقسا مغبرا.`,
      `وقال مدير إدارة الأرصاد الجوية بالإنابة بدر الرشيدي لوكالة الأنباء الكويتية (كونا) اليوم إن البلاد ستتأثر بمنخفض جوي.`,
      `واضاف "${QUOTE}".`,
    );
    expect(parsed.quotes[0].speaker).toBe('بدر الرشيدي');
  });
});

describe('carrying a speaker over: "نقلا عن", the last woman who spoke, the person the sentence before introduced', () => {
  test('"قال المتحدث، رستم نظروف، نقلا عن وكالة "خوفار"، إن": citing is not saying', () => {
    const parsed = dispatch(
      `عبر جنود الحدود.`,
      `من جهته، قال المتحدث باسم قوات حرس الحدود، رستم نظروف، نقلا عن وكالة "خوفار" الرسمية، إن "${QUOTE}".`,
    );
    expect(parsed.quotes[0].speaker).toBe('رستم نظروف');
  });
  test('"وأشارت إلى أن" after a man\'s words is the last woman who spoke, flagged', () => {
    const parsed = dispatch(
      `ناقش المجلس القانون.`,
      `وقالت النائبة مريم الرشيدي إن "${QUOTE2}".`,
      `من جانبه قال النائب عبدالله الفضلي إن "${QUOTE}".`,
      `وأشارت إلى أن "الأسر تنتظر من هذه التعديلات الكثير".`,
    );
    expect(parsed.quotes[2]).toMatchObject({ speaker: 'مريم الرشيدي', needsReview: true });
  });
  test('a bare verb after a sentence that introduces someone new: that person, flagged', () => {
    const parsed = dispatch(
      `نزح الآلاف.`,
      `وقالت المسؤولة زينب خليل: "${QUOTE2}".`,
      `في الغرفة المجاورة، يجلس حسن (63 عاما)، وهو مزارع تبغ، على كرسي قرب النافذة. ويقول "${QUOTE}".`,
    );
    expect(parsed.quotes[1]).toMatchObject({ speaker: 'حسن', needsReview: true });
  });
  test('"فيما ردت الأمينة العامة المهندسة سهى المجالي بأن "…"": replied is a reporting verb', () => {
    const parsed = dispatch(`ناقشت اللجنة المشروع.`, `فيما ردت أمينة عام الوزارة المهندسة سهى المجالي بأن "${QUOTE}".`);
    expect(parsed.quotes[0].speaker).toBe('سهى المجالي');
  });
});

describe('foreign names are not cut by their letters, and what a speaker expressed is no part of the name', () => {
  for (const name of ['ليو يوي تشينغ', 'تشو مينغ يوان', 'وانغ يي']) {
    test(`قالت المتحدثة ${name} اليوم (الخميس) إن … وأضافت ${name.split(' ')[0]}: "…"`, () => {
      const parsed = dispatch(
        `قالت المتحدثة باسم وزارة الخارجية ${name} اليوم (الخميس) إن بلادها مستعدة للعمل.`,
        `وأضافت ${name.split(' ')[0]} في مؤتمر صحفي: "${QUOTE}".`,
      );
      expect(parsed.quotes[0].speaker).toBe(name);
    });
  }
  for (const object of ['قلقه', 'ارتياحه', 'أمله']) {
    test(`أبدى المزارع محمد طاهر أوشيك ${object} من …، وقال: "…"`, () => {
      const parsed = dispatch(
        `انتشر الجراد.`,
        `وأبدى المزارع محمد طاهر أوشيك ${object} من تكرار الأعوام السابقة، وقال: "${QUOTE}".`,
      );
      expect(parsed.quotes[0].speaker).toBe('محمد طاهر أوشيك');
    });
  }
});

describe('closing words, relays by a masdar, coordinated roles and places named after people', () => {
  for (const [verb, object] of [
    ['واختتمت المتحدثة باسم الخارجية ماريا زاخاروفا', 'إحاطتها'],
    ['وختم وزير الحج توفيق الربيعة', 'تصريحه'],
  ]) {
    test(`${verb} ${object} بالقول: "…"`, () => {
      const parsed = dispatch(`عقدت الوزارة مؤتمرا.`, `${verb} ${object} بالقول: "${QUOTE}".`);
      const name = verb.split(' ').slice(-2).join(' ');
      expect(rightOrFlagged(parsed.quotes, name)).toBe(true);
      expect(parsed.quotes[0].speaker).not.toMatch(/إحاطتها|تصريحه|بالقول/u);
    });
  }
  test('"نقل الوزير عن الرئيس الأسد تأكيده … أن "…"": the one relayed speaks', () => {
    const parsed = dispatch(
      `استقبل الرئيس الوزير الزائر.`,
      `ونقل الوزير فيصل المقداد عن الرئيس الأسد تأكيده خلال استقباله الوزير الضيف صباح اليوم أن "${QUOTE}".`,
    );
    expect(rightOrFlagged(parsed.quotes, 'الأسد')).toBe(true);
    expect(parsed.quotes[0].speaker).not.toMatch(/المقداد/u);
  });
  test('two ministers in one phrase ("وزير الصحة خالد عبد الغفار ووزير التعليم العالي أيمن عاشور")', () => {
    const parsed = dispatch(
      `افتتح وزير الصحة والسكان خالد عبد الغفار ووزير التعليم العالي أيمن عاشور المستشفى الجديد.`,
      `وأكد وزير الصحة والسكان أن الوزارة أنهت التجهيزات، وقال: «${QUOTE}».`,
    );
    expect(rightOrFlagged(parsed.quotes, 'خالد عبد الغفار')).toBe(true);
  });
  test('an institution with complements after ل and و ("الشركة الوطنية لاستغلال وتوزيع المياه")', () => {
    const parsed = dispatch(
      `انقطعت المياه.`,
      `وأعلنت الشركة الوطنية لاستغلال وتوزيع المياه تقسيط التوزيع، وأضافت: "${QUOTE}".`,
    );
    expect(rightOrFlagged(parsed.quotes, 'الشركة الوطنية لاستغلال وتوزيع المياه')).toBe(true);
  });
  test('a given name is not completed from a place named after someone ("ميناء محمد الخامس")', () => {
    const parsed = dispatch(`عبر المسافرون مطار محمد الخامس الدولي.`, `"${QUOTE}"، يقول محمد، وهو سائق شاحنة.`);
    expect(parsed.quotes[0].speaker).toBe('محمد');
  });
});

describe('bodies spoken for, names set off by commas or opened by a courtesy, nisbas that point at a person', () => {
  const BODIES = ['يونيفيل', 'الأونروا', 'حماس', 'اليونيسف'];
  const FOREIGN = [
    ['كلوديا', 'ماريني'],
    ['ستيفان', 'دوجاريك'],
    ['نيكولا', 'روسو'],
  ];
  for (const body of BODIES) {
    for (const [given, surname] of FOREIGN) {
      test(`"المتحدثة باسم ${body} ${given} ${surname}", then "وتابعت ${surname}": the body is no part of the name`, () => {
        const parsed = dispatch(
          `وقالت المتحدثة باسم ${body} ${given} ${surname} لوكالة فرانس برس إن "${QUOTE}".`,
          `وتابعت ${surname} أن القوة باقية، مضيفة "${QUOTE2}".`,
        );
        expect(speakers(parsed.quotes)).toEqual([`${given} ${surname}`, `${given} ${surname}`]);
      });
    }
  }

  for (const [name, surname] of [
    ['محمد العلوي الإدريسي', 'العلوي الإدريسي'],
    ['سعيد بن حمد الظاهري', 'الظاهري'],
    ['فاطمة الزهراء المنصوري', 'المنصوري'],
  ]) {
    test(`"وزير الداخلية، السيد ${name}، ونظيره …", then "وأضاف وزير الداخلية": the whole name set off by commas`, () => {
      const parsed = dispatch(
        `أكد وزير الداخلية، السيد ${name}، ونظيره الإسباني، السيد خافيير مونتيرو، عزم البلدين على التعاون.`,
        `وقال السيد ${surname}، في ندوة صحفية، إن «${QUOTE}».`,
        `وأضاف وزير الداخلية أن المصالح أحبطت محاولات كثيرة، مبرزا أن «${QUOTE2}».`,
        `وتابع المسؤول الإسباني: «منذ الإعلان المشترك تراجعت الوصولات غير النظامية».`,
      );
      expect(speakers(parsed.quotes)).toEqual([name, name, 'خافيير مونتيرو']);
    });
  }

  for (const courtesy of ['معالي', 'سعادة', 'الدكتور']) {
    test(`"${courtesy} فلان وزير …، و${courtesy} فلان وزير … في جمهورية كازاخستان", then "الوزير الكازاخستاني"`, () => {
      const parsed = dispatch(
        `عقد مؤتمرا اليوم ${courtesy} سعيد بن حمد الظاهري وزير الاقتصاد، و${courtesy} نورلان باكيتوف وزير الاقتصاد الوطني في جمهورية كازاخستان، بحضور الوفدين.`,
        `من جانبه، قال الوزير الكازاخستاني: "${QUOTE}".`,
      );
      expect(speakers(parsed.quotes)).toEqual(['نورلان باكيتوف']);
    });
  }

  for (const [noun, name] of [
    ['منظمة', 'برو أزول'],
    ['جمعية', 'الأمل'],
    ['حركة', 'السلام الآن'],
  ]) {
    test(`"قالت ${noun} "${name}" المعنية بـ… في بيان: "…"": the body's quoted name speaks, no quotation of its own`, () => {
      const parsed = dispatch(
        `أعلنت الحكومة خطة جديدة.`,
        `ومن جانبها، قالت ${noun} "${name}" المعنية بحقوق اللاجئين في بيان: "${QUOTE}".`,
      );
      expect(parsed.quotes.map((quote) => quote.text)).toEqual([QUOTE]);
      expect(speakers(parsed.quotes)).toEqual([name]);
    });
  }

  for (const nisba of ['لبناني', 'ليبي', 'لبنانية']) {
    test(`"مصدر أمني ${nisba} لفرانس برس": a nisba beginning with lam qualifies the source`, () => {
      const parsed = dispatch(`وقال مصدر أمني ${nisba} لفرانس برس طالبا عدم كشف هويته إن "${QUOTE}".`);
      expect(speakers(parsed.quotes)).toEqual([`مصدر أمني ${nisba}`]);
    });
  }
});

describe('honorifics, courtesies before a title, two ministers of one title, and عن', () => {
  for (const [courtesy, pronoun] of [
    ['سعادة', 'سعادته'],
    ['معالي', 'معاليه'],
    ['سماحة', 'سماحته'],
  ]) {
    test(`"${pronoun}" is the man introduced as "${courtesy} …", not "دولة قطر" nor another courtesy`, () => {
      const parsed = dispatch(
        `جدد ${courtesy} الدكتور خالد بن سعد الكواري المتحدث الرسمي باسم وزارة الخارجية التأكيد على أن دولة قطر ماضية في جهود الوساطة، بمشاركة فخامة الرئيس علي حسن.`,
        `وقال ${pronoun}: "${QUOTE}".`,
      );
      expect(speakers(parsed.quotes)).toEqual(['خالد بن سعد الكواري']);
    });
  }

  for (const courtesies of ['معالي السيد', 'السيد', 'معالي']) {
    test(`"وقال ${courtesies} وزير الخارجية": the minister of that exact title, not the other country's`, () => {
      const parsed = dispatch(
        `عقد معالي السيد فيصل بن تركي البوسعيدي وزير الخارجية ومعالي حسين رضائي نيا وزير خارجية الجمهورية الإسلامية الإيرانية اليوم مؤتمرا صحفيا.`,
        `وقال ${courtesies} وزير الخارجية: "${QUOTE}".`,
        `من جانبه، أعرب وزير الخارجية الإيراني عن تقدير بلاده لمواقف سلطنة عمان، وقال: "${QUOTE2}".`,
      );
      expect(speakers(parsed.quotes)).toEqual(['فيصل بن تركي البوسعيدي', 'حسين رضائي نيا']);
    });
  }

  test('"السناتور الجمهوري عن ولاية أوهايو جيمس هارلو": عن before a name belongs to the role', () => {
    const parsed = dispatch(`«${QUOTE}»، قال السناتور الجمهوري عن ولاية أوهايو جيمس هارلو في كلمة أمام المجلس.`);
    expect(speakers(parsed.quotes)).toEqual(['جيمس هارلو']);
  });
});

describe('a surname the article gave in full, after a rank or before the verb’s object', () => {
  const INTRO =
    'عقد المتحدث الرسمي باسم الحكومة حيدر مجيد الربيعي، اليوم الثلاثاء، المؤتمر الصحفي الأسبوعي، بمشاركة المتحدث باسم وزارة الكهرباء علي كاظم الساعدي، والمتحدث باسم وزارة الداخلية العميد رائد جبار الخفاجي.';
  for (const rank of ['العميد', 'اللواء', 'الدكتور']) {
    test(`"أوضح ${rank} الخفاجي، أن "…"" after another spoke: the full name, not the last speaker`, () => {
      const parsed = dispatch(INTRO, `من جانبه، ذكر الساعدي، أن "${QUOTE}".`, `أوضح ${rank} الخفاجي، أن "${QUOTE2}".`);
      expect(speakers(parsed.quotes)).toEqual(['علي كاظم الساعدي', 'رائد جبار الخفاجي']);
    });
  }
  for (const [verb, masdar] of [
    ['واختتم', 'بالتأكيد على'],
    ['وختم', 'بالتشديد على'],
    ['واستهل', 'بالإشارة إلى'],
  ]) {
    test(`"${verb} الربيعي المؤتمر ${masdar} أن "…"": the surname in full, the object left out`, () => {
      const parsed = dispatch(INTRO, `${verb} الربيعي المؤتمر ${masdar} أن "${QUOTE}".`);
      expect(speakers(parsed.quotes)).toEqual(['حيدر مجيد الربيعي']);
    });
  }
});

describe('roles with عن, and the topic of أما … ف', () => {
  for (const [state, given, surname] of [
    ['يوتا', 'مارك', 'ديلين'],
    ['أوهايو', 'جيمس', 'هارلو'],
  ]) {
    test(`"لكن السناتور الجمهوري عن ولاية ${state} ${given} ${surname}… . وقال السناتور": that senator`, () => {
      const parsed = dispatch(
        `«${QUOTE}»، قال السناتور الديمقراطي عن ولاية ميشيغان توماس غرين في كلمة أمام المجلس.`,
        `لكن السناتور الجمهوري عن ولاية ${state} ${given} ${surname}، الذي صوت ضد المشروع، حذر من الأعباء. وقال السناتور في مقابلة مع وكالة أسوشيتد برس: «${QUOTE2}».`,
      );
      expect(speakers(parsed.quotes)).toEqual(['توماس غرين', `${given} ${surname}`]);
    });
  }
  for (const [topic, name] of [
    ['الراعية الديمقراطية للمشروع، السناتورة عن ولاية ميشيغان إليزابيث غرانت', 'إليزابيث غرانت'],
    ['سامية، وهي معلمة في الأربعين من عمرها', 'سامية'],
    ['وزيرة الصحة هالة السعيد', 'هالة السعيد'],
  ]) {
    test(`"أما ${topic}، فقالت إن "…"": the topic speaks`, () => {
      const parsed = dispatch(`قال الوزير خالد العبيدي إن "${QUOTE}".`, `أما ${topic}، فقالت إن "${QUOTE2}".`);
      expect(speakers(parsed.quotes)).toEqual(['خالد العبيدي', name]);
    });
  }
});
