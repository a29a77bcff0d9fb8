// The pure parts of the admin in the editor's language: isolating mixed-script messages, the
// interface language's direction and message language, which requests carry it, a refusal worded
// in one language, and the admin's strings (valid ICU with the same arguments as Strapi's English).
import { readFileSync } from 'fs';
import path from 'path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { isolateForeignRuns } from '#core/bidi';
import { describeAgency } from '#core/attribution';
import { directionOfLocale, messageLanguageOf, sendsInterfaceLanguage } from '#core/interface-language';
import { assertAttribution, RuleViolation } from '#core/rules';
import { DIRECTIONAL_ICON_PATHS } from '../../admin/src/strapi-internals/interface-direction';
import { installed, PLUGIN_ROOT } from '../helpers/paths';

const [LRI, RLI, FSI, PDI] = ['\u2066', '\u2067', '\u2068', '\u2069'];
const TRANSLATIONS = path.join(PLUGIN_ROOT, 'admin/src/translations');
const SPUTNIK = { slug: 'sputnik', name: 'سبوتنيك', nameLatin: 'Sputnik' };
const PPN = { slug: 'pakistan-point-news', name: 'پاکستان پوائنٹ نیوز', nameLatin: 'Pakistan Point News' };

describe('isolateForeignRuns', () => {
  test('an Arabic message: isolated right to left, each Latin run isolated inside', () => {
    expect(isolateForeignRuns('يجب أن يُنسب إلى سبوتنيك (Sputnik)؛ أضف الإسناد.', 'rtl')).toBe(
      `${RLI}يجب أن يُنسب إلى سبوتنيك (${FSI}Sputnik${PDI})؛ أضف الإسناد.${PDI}`,
    );
  });

  test('a Latin run of several words stays one isolate, up to its last Latin letter', () => {
    expect(isolateForeignRuns('إلى Pakistan Point News، ثم', 'rtl')).toBe(
      `${RLI}إلى ${FSI}Pakistan Point News${PDI}، ثم${PDI}`,
    );
  });

  test('an English message isolates the Arabic names left to right', () => {
    expect(isolateForeignRuns('must credit Sputnik (سبوتنيك) and Petra (بترا).', 'ltr')).toBe(
      `${LRI}must credit Sputnik (${FSI}سبوتنيك${PDI}) and Petra (${FSI}بترا${PDI}).${PDI}`,
    );
  });

  test('controls already in the text are removed first, so a name cannot reorder the message', () => {
    const result = isolateForeignRuns('إلى \u202eSputnik\u202c الآن', 'rtl');
    expect(result).toBe(`${RLI}إلى ${FSI}Sputnik${PDI} الآن${PDI}`);
    expect(result).not.toContain('\u202e');
  });

  test('digits and punctuation alone are not a foreign run', () => {
    expect(isolateForeignRuns('سطر التاريخ: 14 يونيو 2021', 'rtl')).toBe(`${RLI}سطر التاريخ: 14 يونيو 2021${PDI}`);
  });
});

describe('the interface language', () => {
  test.each([
    ['ar', 'rtl', 'ar'],
    ['ar-EG', 'rtl', 'ar'],
    ['ur', 'rtl', 'ar'],
    ['fa', 'rtl', 'ar'],
    ['he', 'rtl', 'en'],
    ['en', 'ltr', 'en'],
    ['fr', 'ltr', 'en'],
    ['zh-Hans', 'ltr', 'en'],
    ['arn', 'ltr', 'en'],
  ])('%s: direction %s, refusals in %s', (locale, direction, language) => {
    expect(directionOfLocale(locale)).toBe(direction);
    expect(messageLanguageOf(locale)).toBe(language);
  });

  test("only the admin's own origin, outside the content API, is told the language", () => {
    const page = 'https://cms.example.org/admin/content-manager';
    expect(sendsInterfaceLanguage('/content-manager/collection-types/x', page)).toBe(true);
    expect(sendsInterfaceLanguage('https://cms.example.org/newsroom/desk', page)).toBe(true);
    expect(sendsInterfaceLanguage('/api/articles', page)).toBe(false);
    expect(sendsInterfaceLanguage('/api', page)).toBe(false);
    expect(sendsInterfaceLanguage('https://other.example.org/content-manager/x', page)).toBe(false);
    expect(sendsInterfaceLanguage('http://[bad', page)).toBe(false);
  });
});

describe('a refusal worded in one language', () => {
  function refusal(): RuleViolation {
    try {
      assertAttribution([{ role: 'distributor', source: PPN }] as never, { requiredAgencies: ['sputnik'] } as never, [
        SPUTNIK,
      ]);
    } catch (error) {
      if (error instanceof RuleViolation) return error;
      throw error;
    }
    throw new Error('not refused');
  }

  test('the API keeps both languages; each language alone names the field in it', () => {
    const [violation] = refusal().violations;
    expect(violation.message).toBe(
      'credits: a published article must credit Sputnik (سبوتنيك); add a credit to it or save as a draft. — ' +
        'يجب أن يُنسب الخبر المنشور إلى سبوتنيك (Sputnik)؛ أضف الإسناد أو احفظه مسودة.',
    );
    expect(violation.messages.ar).toBe(
      'الإسناد: يجب أن يُنسب الخبر المنشور إلى سبوتنيك (Sputnik)؛ أضف الإسناد أو احفظه مسودة.',
    );
    expect(violation.messages.en).toMatch(/^credits: a published article must credit Sputnik \(سبوتنيك\)/);
  });

  test('for display, each language is isolated', () => {
    const ar = refusal().messageIn('ar');
    expect(ar.startsWith(`${RLI}الإسناد:`)).toBe(true);
    expect(ar).toContain(`(${FSI}Sputnik${PDI})`);
    expect(refusal().messageIn('en')).toContain(`(${FSI}سبوتنيك${PDI})`);
  });

  test('an agency is named the Arabic way in Arabic', () => {
    expect(describeAgency('sputnik', [SPUTNIK], 'ar')).toBe('سبوتنيك (Sputnik)');
    expect(describeAgency('sputnik', [{ slug: 'sputnik', name: 'سبوتنيك' }], 'ar')).toBe('سبوتنيك');
    expect(describeAgency('sputnik', [{ slug: 'sputnik', nameLatin: 'Sputnik' }], 'ar')).toBe('Sputnik');
  });
});

// The arguments and tags a message uses: a translation must keep them all.
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(`${element.type}:${element.value}`);
    if ('options' in element) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return found;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

function strapiEnglish(): Record<string, string> {
  const load = (file: string, prefix = '') => {
    const module = require(installed(file)) as { default?: Record<string, string> };
    const messages = module.default ?? (module as Record<string, string>);
    return Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${prefix}${key}`, value]));
  };
  return {
    ...load('@strapi/admin/dist/admin/admin/src/translations/en.json.js'),
    ...load('@strapi/content-manager/dist/admin/translations/en.json.js', 'content-manager.'),
    ...load('@strapi/plugin-users-permissions/dist/admin/translations/en.json.js', 'users-permissions.'),
  };
}

describe("the admin's strings", () => {
  const ours = {
    ar: readJson(path.join(TRANSLATIONS, 'newsroom/ar.json')),
    en: readJson(path.join(TRANSLATIONS, 'newsroom/en.json')),
  };
  const strapiArabic = readJson(path.join(TRANSLATIONS, 'strapi/ar.json'));

  test("the newsroom's own strings exist in both languages, with the same arguments", () => {
    expect(Object.keys(ours.ar).sort()).toEqual(Object.keys(ours.en).sort());
    for (const [key, english] of Object.entries(ours.en)) {
      expect([key, argumentsOf(parse(ours.ar[key]))]).toEqual([key, argumentsOf(parse(english))]);
    }
  });

  test("Strapi's Arabic mended: valid ICU with the arguments of Strapi's English", () => {
    const english = strapiEnglish();
    let compared = 0;
    const problems: string[] = [];
    for (const [key, arabic] of Object.entries(strapiArabic)) {
      let elements: MessageFormatElement[];
      try {
        elements = parse(arabic, { requiresOtherClause: false });
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      if (english[key] === undefined) continue;
      compared += 1;
      const expected = argumentsOf(parse(english[key], { requiresOtherClause: false }));
      const actual = argumentsOf(elements);
      if ([...expected].sort().join() !== [...actual].sort().join())
        problems.push(`${key}: ${[...actual]} ≠ ${[...expected]}`);
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(900);
  });

  test('the words a news editor uses', () => {
    expect(strapiArabic['global.save']).toBe('حفظ');
    expect(strapiArabic['app.utils.publish']).toBe('نشر');
    expect(strapiArabic['global.search']).toBe('بحث');
    expect(strapiArabic['content-manager.containers.edit.tabs.draft']).toBe('مسودة');
    expect(strapiArabic['content-manager.containers.List.published']).toBe('منشور');
  });
});

describe("@strapi/icons' directional arrows (the admin mirrors them by their path)", () => {
  const source = readFileSync(installed('@strapi/icons/dist/index.mjs'), 'utf8');

  test.each(Object.entries(DIRECTIONAL_ICON_PATHS))(
    '%s is still exported and still drawn by that path',
    (name, prefix) => {
      expect(source).toMatch(new RegExp(`\\s[A-Za-z0-9_$]+ as ${name},`));
      expect(source.split(`d: "${prefix}`)).toHaveLength(2);
    },
  );
});
