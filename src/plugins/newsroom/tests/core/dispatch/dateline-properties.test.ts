// Property tests of the dateline reader, built from the agency table (the specification): every
// alias of every agency × cities × date forms × separators × orders, read back to the agency and
// the date (none when the form has no year). A small seeded generator: the same cases every run.
import { DispatchError, parseDispatch, WIRE_AGENCIES } from '#core/dispatch';
import { pick, random } from '../../helpers/seeded-random';

const eastern = (text: string) => text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
const persian = (text: string) => text.replace(/\d/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));

const CITIES = ['القاهرة', 'رام الله', 'أبوظبي', 'الدار البيضاء', 'عمّان', 'بيروت', 'الكويت', 'نواكشوط'];
// Each form: how it is written, and the date it means (null: no year, or no date at all).
const DATES: Array<[string, string | null]> = [
  ['5 مارس 2024', '2024-03-05'],
  ['14 يونيو 2021ء', '2021-06-14'],
  ['5 آذار 2024', '2024-03-05'],
  ['5 آذار/مارس 2024', '2024-03-05'],
  ['18 تشرين الأول/أكتوبر 2020', '2020-10-18'],
  ['10 شباط/ فبراير 2025', '2025-02-10'],
  ['24 شتنبر 2024', '2024-09-24'],
  ['3 دجنبر 2023', '2023-12-03'],
  ['17 جويلية 2023', '2023-07-17'],
  ['2 أوت 2022', '2022-08-02'],
  ['9 فيفري 2025', '2025-02-09'],
  ['12 غشت 2024', '2024-08-12'],
  ['5 مارچ 2025ء', '2025-03-05'],
  ['6 جولائی 2023', '2023-07-06'],
  ['5-3-2024', '2024-03-05'],
  ['5/3/2024', '2024-03-05'],
  ['05.03.2024', '2024-03-05'],
  ['23-10-2024', '2024-10-23'],
  ['15 رمضان 1445 هـ الموافق 25 مارس 2024 م', '2024-03-25'],
  ['الأحد 9 فبراير 2025', '2025-02-09'],
  ['14 أكتوبر', null],
  ['22 أفريل', null],
  ['14 تشرين الأول', null],
  ['23 - 10', null],
  ['', null],
];
const SEPARATORS = [' - ', '-', ' – ', ' — ', '/', ' / ', '/ ', ': ', ' // ', ' ۔ ', ' • ', ' '];
type Part = 'city' | 'agency' | 'date';
const ORDERS: Part[][] = [
  ['city', 'agency', 'date'],
  ['city', 'date', 'agency'],
  ['agency', 'city', 'date'],
  ['agency', 'date', 'city'],
];
const BODY = 'قال الوزير إن المحادثات مستمرة.';

const aliases = WIRE_AGENCIES.flatMap((outlet) => outlet.names.map((alias) => ({ alias, outlet })));

interface Case {
  line: string;
  latin: string;
  date: string | null;
}

/** One dateline: the parts in an order, a separator between them, the agency bare or in parentheses. */
function build(next: () => number, index: number): Case {
  const { alias, outlet } = aliases[index % aliases.length];
  const order = ORDERS[Math.floor(index / aliases.length) % ORDERS.length];
  const [dateText, date] = pick(next, DATES);
  const digits = pick(next, [(text: string) => text, eastern, persian]);
  const city = pick(next, CITIES);
  const parenthesised = next() < 0.4;
  // A bare agency with no mark after it is ambiguous with a place only when the place follows.
  const separator = pick(next, order[0] === 'agency' ? SEPARATORS.filter((mark) => mark !== ' ') : SEPARATORS);
  const words: Record<Part, string> = { city, agency: parenthesised ? `(${alias})` : alias, date: digits(dateText) };
  const parts = order.filter((part) => words[part] !== '').map((part) => words[part]);
  // A place that ends the dateline is closed by a mark: "… بيروت قال" would be one phrase.
  const last = [...order].reverse().find((part) => words[part] !== '');
  const closing = pick(next, last === 'city' ? [' - ', ' – ', ': ', '/ '] : [' - ', ' – ', ': ', ' ', '/ ']);
  return { line: `${parts.join(separator)}${closing}${BODY}`, latin: outlet.nameLatin, date };
}

const CASES = 4_000;

test(`${CASES} datelines built from the agency table read back to their agency and date`, () => {
  const next = random(Number(process.env.DATELINE_SEED ?? 20241207));
  const failures: string[] = [];
  const started = Date.now();
  for (let index = 0; index < CASES; index += 1) {
    const { line, latin, date } = build(next, index);
    try {
      const parsed = parseDispatch(
        `عنوان الخبر\n\n${line}\n\nوأضاف الوزير أن الاجتماع المقبل سيعقد الشهر القادم.`,
        WIRE_AGENCIES,
      );
      const originator = parsed.credits.find((credit) => credit.role === 'originator');
      const outlet = parsed.outlets.find((candidate) => candidate.key === originator?.outlet);
      if (outlet?.nameLatin !== latin) failures.push(`${line} → ${outlet?.nameLatin ?? outlet?.name}, not ${latin}`);
      else if ((parsed.dispatchDate ?? null) !== date)
        failures.push(`${line} → date ${parsed.dispatchDate}, not ${date}`);
      else if (parsed.paragraphs[0] !== BODY) failures.push(`${line} → body "${parsed.paragraphs[0]}"`);
    } catch (error) {
      failures.push(`${line} → ${(error as Error).message.slice(0, 40)}`);
    }
  }
  console.log(
    `dateline properties: ${CASES} cases, ${aliases.length} aliases, ${Date.now() - started} ms, ${failures.length} failures`,
  );
  expect(failures.slice(0, 20)).toEqual([]);
});

// Words that hold an agency's short alias inside them, or glue a clitic to it: none names an agency.
const LOOK_ALIKES = [
  'دوام',
  'لبنان',
  'بناء',
  'وفاة',
  'واسع',
  'وسانا',
  'لقنا',
  'بواس',
  'الكوناتي',
  'سونار',
  'رويترزية',
  'إرناني',
  'الوكالات',
  'قنوات',
  'وقنابل',
  'وامتد',
];

test('lead text made of look-alike words, with no agency, is refused', () => {
  const next = random(7);
  for (let index = 0; index < 1_000; index += 1) {
    const [dateText] = pick(next, DATES);
    const words = Array.from({ length: 6 }, () => pick(next, LOOK_ALIKES)).join(' ');
    const lead = pick(next, [
      `${pick(next, CITIES)}، ${dateText} - قال مسؤول إن ${words}.`,
      `قال مسؤول في ${pick(next, CITIES)} إن ${words}.`,
      `${pick(next, CITIES)} ${dateText} ${pick(next, SEPARATORS)}أعلن المسؤول أن ${words}.`,
    ]);
    expect(() => parseDispatch(`عنوان\n\n${lead}\n\n${words} ${words}.`, WIRE_AGENCIES)).toThrow(DispatchError);
  }
});

describe('summary lines under the headline come before the dateline and take none of its lines', () => {
  for (const bullet of ['- ', '• ', '– ']) {
    for (const count of [1, 2, 4]) {
      test(`${count} summary line(s) starting "${bullet.trim()}", then "هطاي/ الأناضول" on its own line`, () => {
        const summary = Array.from(
          { length: count },
          (_, index) => `${bullet}نقطة موجزة رقم ${index + 1} عن الخبر دون نقطة في آخرها`,
        );
        const parsed = parseDispatch(
          ['أردوغان يسلم منازل جديدة', ...summary, 'هطاي/ الأناضول', 'سلّم الرئيس مفاتيح منازل جديدة.'].join('\n\n'),
          WIRE_AGENCIES,
        );
        expect(parsed.outlets.map((outlet) => outlet.nameLatin)).toContain('Anadolu Agency');
        expect(parsed.paragraphs[0]).toBe('سلّم الرئيس مفاتيح منازل جديدة.');
      });
    }
  }
  test('a summary line is no dateline of its own: an agency named only in the body is refused', () => {
    expect(() =>
      parseDispatch(
        ['عنوان', '- قالت وكالة الأناضول إن الحصيلة ارتفعت', 'أعلنت السلطات ارتفاع الحصيلة.'].join('\n\n'),
        WIRE_AGENCIES,
      ),
    ).toThrow(DispatchError);
  });
});
