import { detectLanguage, directionOfLanguage, firstStrongDirection, isLanguageTag, resolveLanguage } from '#core/rtl';

describe('script, language and direction', () => {
  test.each([
    ['بوتين: لدينا خطط', 'ar', 'rtl'],
    ['پاکستان پوائنٹ نیوز', 'ur', 'rtl'],
    ['سبوتنيك', 'ar', 'rtl'],
    ['خبرگزاری ایران', 'fa', 'rtl'],
    ['שלום', 'he', 'rtl'],
    ['NBC News', 'en', 'ltr'],
  ])('%s is %s, %s', (text, lang, dir) => {
    expect(detectLanguage(text)).toEqual({ lang, dir });
  });

  test('mixed text takes the direction of its first strong letter (P2)', () => {
    expect(firstStrongDirection('2021 NBC قالت')).toBe('ltr');
    expect(firstStrongDirection('«١٤» قالت NBC')).toBe('rtl');
    expect(firstStrongDirection('123 !?')).toBeNull();
  });

  test('language tags and their direction', () => {
    expect(isLanguageTag('ar')).toBe(true);
    expect(isLanguageTag('ur-PK')).toBe(true);
    expect(isLanguageTag('ku-Arab-IQ')).toBe(true);
    expect(isLanguageTag('not a tag')).toBe(false);
    expect(isLanguageTag('<script>')).toBe(false);
    expect(directionOfLanguage('ar-EG')).toBe('rtl');
    expect(directionOfLanguage('az-Arab')).toBe('rtl');
    expect(directionOfLanguage('en')).toBe('ltr');
  });

  test('absent values are filled, contradicting ones refused, valid ones kept', () => {
    expect(resolveLanguage('عنوان عربي', {})).toEqual({ value: { lang: 'ar', dir: 'rtl' } });
    expect(resolveLanguage('عنوان عربي', { dir: 'ltr' }).problem).toEqual({
      field: 'dir',
      rule: 'contradicts-text',
      given: 'ltr',
      expected: 'rtl',
    });
    expect(resolveLanguage('عنوان عربي', { lang: 'en' }).problem?.rule).toBe('contradicts-text');
    expect(resolveLanguage('عنوان عربي', { lang: 'fa' })).toEqual({ value: { lang: 'fa', dir: 'rtl' } });
    expect(resolveLanguage('عنوان', { lang: 'xx yy' }).problem?.rule).toBe('invalid-language-tag');
    expect(resolveLanguage('عنوان', { dir: 'up' }).problem?.rule).toBe('invalid-direction');
  });
});
