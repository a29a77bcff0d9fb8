// Quotation marks paired, not matched by a pattern: a quotation holding another stays one quotation
// with the inner marks in its text; a quotation reopened at the head of the next paragraph (the
// newspaper convention) is one quotation, its parts joined by one space; the text between two
// quotations is never one. Generated cases (a small seeded generator: the same cases every run)
// through the whole parser, and the pairing itself on the shapes it decides between.
import { parseDispatch } from '#core/dispatch';
import { pairQuotations } from '#core/dispatch/quotation-marks';
import { config } from '../../helpers/newsroom-config';
import { pick, random } from '../../helpers/seeded-random';

type Marks = { name: string; open: string; close: string };
const STRAIGHT: Marks = { name: 'straight', open: '"', close: '"' };
const GUILLEMETS: Marks = { name: 'guillemets', open: '«', close: '»' };
const CURLY: Marks = { name: 'curly', open: '“', close: '”' };
const KINDS = [STRAIGHT, GUILLEMETS, CURLY];

const PEOPLE = [
  { role: 'وزير الخارجية المصري', name: 'سامح شكري' },
  { role: 'رئيس الوزراء العراقي', name: 'محمد شياع السوداني' },
  { role: 'وزير المالية الباكستاني', name: 'محمد أورنجزيب' },
  { role: 'مدير الوكالة الوطنية للطاقة', name: 'كريم عبد الله' },
];
const VERBS = ['وقال', 'وأضاف', 'وأكد', 'وأوضح'];
const CLAUSES = [
  'الحكومة ستواصل دعم الأسر المحتاجة',
  'المفاوضات مع الشركاء تسير في الاتجاه الصحيح',
  'الأسعار ستنخفض خلال الأشهر المقبلة',
  'لا نية لفرض ضرائب جديدة هذا العام',
  'المشروع سيكتمل قبل نهاية العام المقبل',
  'الاتفاق يفتح صفحة جديدة بين البلدين',
];
const TERMS = ['الأمن الغذائي', 'الشراكة الاستراتيجية', 'حل الدولتين', 'التحول الرقمي', 'صفر انبعاثات'];

/** A dispatch whose lead names the person, then the given paragraphs. */
function dispatch(person: (typeof PEOPLE)[number], paragraphs: string[]): string {
  return [
    'عنوان الخبر للاختبار',
    `(پاکستان پوائنٹ نیوز / سبوتنيك - 14 يونيو 2021ء) قال ${person.role} ${person.name}، اليوم الإثنين، إن بلاده تعمل مع شركائها.`,
    ...paragraphs,
  ].join('\n\n');
}

const parse = (text: string) => parseDispatch(text, config.knownOutlets, { houseDistributor: 'pakistan-point-news' });

describe('a quotation that holds another stays one quotation, the inner marks in its text', () => {
  const next = random(0x51f15e);
  const cases: Array<{ outer: Marks; inner: Marks; at: 'start' | 'middle' | 'end'; seed: number }> = [];
  // The same marks inside as outside too («…«…»…», "…"…"…"): pairing, not the first closing mark.
  for (const outer of KINDS) {
    for (const inner of KINDS) {
      for (const at of ['start', 'middle', 'end'] as const) {
        for (let round = 0; round < 4; round += 1) cases.push({ outer, inner, at, seed: cases.length });
      }
    }
  }

  test.each(cases.map((item) => [`${item.inner.name} in ${item.outer.name}, ${item.at} #${item.seed}`, item]))(
    '%s',
    (_name, { outer, inner, at }) => {
      const person = pick(next, PEOPLE);
      const term = `${inner.open}${pick(next, TERMS)}${inner.close}`;
      const clause = pick(next, CLAUSES);
      const words =
        at === 'start'
          ? `${term} هو ما ${clause.split(' ').slice(0, 3).join(' ')}`
          : at === 'end'
            ? `${clause} في إطار ${term}`
            : `${clause} بفضل ${term} الذي تبنته الحكومة`;
      const text = dispatch(person, [
        `${pick(next, VERBS)} ${person.name} للصحفيين: ${outer.open}${words}${outer.close}.`,
        'وتأتي هذه التصريحات في ظل ظروف اقتصادية صعبة.',
      ]);
      const { quotes } = parse(text);
      expect(quotes.map((quote) => quote.text)).toEqual([words]);
      expect(quotes[0].speaker).toBe(person.name);
    },
  );

  test('straight marks inside curly ones, and two inner quotations in one', () => {
    const words = 'نرفض ما يسمى "الحل المؤقت" ونطالب بـ"تسوية شاملة" للأزمة';
    const { quotes } = parse(dispatch(PEOPLE[0], [`وقال شكري: “${words}”.`]));
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([[words, 'سامح شكري']]);
  });
});

describe('a quotation reopened at the head of the next paragraph is one quotation', () => {
  const next = random(0xc0ffee);
  const cases: Array<{ marks: Marks; parts: 2 | 3; seed: number }> = [];
  for (const marks of KINDS) {
    for (const parts of [2, 3] as const) {
      for (let round = 0; round < 6; round += 1) cases.push({ marks, parts, seed: cases.length });
    }
  }

  test.each(cases.map((item) => [`${item.marks.name}, ${item.parts} paragraphs #${item.seed}`, item]))(
    '%s',
    (_name, { marks, parts }) => {
      const person = pick(next, PEOPLE);
      const other = PEOPLE.find((candidate) => candidate !== person)!;
      const said = Array.from({ length: parts }, (_, index) => `${CLAUSES[(index + Math.floor(next() * 6)) % 6]}.`);
      const paragraphs = said.map((part, index) => {
        const head = index === 0 ? `${pick(next, VERBS)} ${person.role} ${person.name}: ` : '';
        return `${head}${marks.open}${part}${index === parts - 1 ? marks.close : ''}`;
      });
      const closing = `${pick(next, CLAUSES)}`;
      const text = dispatch(person, [
        ...paragraphs,
        `من جهته، قال ${other.role} ${other.name}: ${marks.open}${closing}${marks.close}.`,
      ]);
      const { quotes } = parse(text);
      expect(quotes.map((quote) => quote.text)).toEqual([said.join(' '), closing]);
      expect(quotes.map((quote) => quote.speaker)).toEqual([person.name, other.name]);
    },
  );
});

describe('the text between two quotations is never a quotation', () => {
  const next = random(0xbe7ee7);
  const BRIDGES = ['وأضاف أن', 'مشيرا إلى أن', 'وتابع قائلا', 'وأكد أن'];
  const cases: Array<{ first: Marks; second: Marks; broken: boolean; seed: number }> = [];
  for (const first of KINDS) {
    for (const second of KINDS) {
      for (const broken of [false, true]) {
        for (let round = 0; round < 3; round += 1) cases.push({ first, second, broken, seed: cases.length });
      }
    }
  }

  test.each(
    cases.map((item) => [
      `${item.first.name} then ${item.second.name}${item.broken ? ', the first left unclosed' : ''} #${item.seed}`,
      item,
    ]),
  )('%s', (_name, { first, second, broken }) => {
    const person = pick(next, PEOPLE);
    const [one, two] = [pick(next, CLAUSES), pick(next, TERMS)];
    const bridge = pick(next, BRIDGES);
    const text = dispatch(person, [
      `${pick(next, VERBS)} ${person.name}: ${first.open}${one}${broken ? '' : first.close}، ${bridge} ${second.open}${two} أولوية${second.close}.`,
      'وتأتي هذه التصريحات في ظل ظروف اقتصادية صعبة.',
    ]);
    const texts = parse(text).quotes.map((quote) => quote.text);
    for (const quoted of texts) expect(quoted).not.toContain(bridge);
    if (broken) expect(texts.every((quoted) => [one, `${two} أولوية`].includes(quoted))).toBe(true);
    else expect(texts).toEqual([one, `${two} أولوية`]);
  });
});

describe('pairQuotations', () => {
  const texts = (text: string, starts: number[] = []) => pairQuotations(text, starts).spans.map((span) => span.text);

  test('a straight mark opens when glued to the word after it, closes when glued to the word before', () => {
    expect(texts('قال: "أولا" ثم "ثانيا".')).toEqual(['أولا', 'ثانيا']);
    expect(texts('وقال "الوضع صعب" وأضاف أن "الحل قريب"')).toEqual(['الوضع صعب', 'الحل قريب']);
  });

  test('a straight mark spaced from its word still opens when none is open', () => {
    expect(texts('مؤكدة أن" انتهاء الحظر لا يحتاج لقرار".')).toEqual([' انتهاء الحظر لا يحتاج لقرار']);
  });

  test('a closing mark with nothing open pairs with nothing; an unclosed one holds nothing sure', () => {
    expect(texts('والنص » بلا افتتاح ثم «اقتباس».')).toEqual(['اقتباس']);
    const left = pairQuotations('قال: "أولا، وأضاف: "ثانيا".');
    expect(left.spans.map((span) => span.text)).toEqual(['ثانيا']);
    expect(left.open).toBe(true);
  });

  test('curly marks the wrong way round pair too', () => {
    expect(texts('قال: ”نعم“ ثم ”لا“.')).toEqual(['نعم', 'لا']);
  });

  test('a reopening mark at a paragraph start continues the open quotation and is left out of its text', () => {
    const first = 'قال: «الجزء الأول.';
    const text = `${first} «الجزء الثاني».`;
    expect(texts(text, [first.length + 1])).toEqual(['الجزء الأول. الجزء الثاني']);
    // Not at a paragraph start, the same mark opens a quotation inside one that never closes.
    expect(texts(text)).toEqual(['الجزء الثاني']);
    expect(pairQuotations(text).open).toBe(true);
  });

  test('the spans are where the marks are', () => {
    const text = 'قال "نعم" و«لا».';
    const spans = pairQuotations(text).spans;
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual(['"نعم"', '«لا»']);
  });
});
