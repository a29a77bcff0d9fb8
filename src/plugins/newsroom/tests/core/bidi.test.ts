import { balanceBidiControls, hasBidiControls, stripBidiControls } from '#core/bidi';

const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('bidi controls', () => {
  test.each(CONTROLS.map((control) => [control.codePointAt(0)!.toString(16)]))('U+%s is stripped', (hex) => {
    const control = String.fromCodePoint(parseInt(hex, 16));
    expect(stripBidiControls(`abc${control}def`)).toBe('abcdef');
  });

  test('a Trojan-Source title loses every control', () => {
    const title = 'access\u202E\u2066// check admin\u2069\u2066 level';
    expect(hasBidiControls(stripBidiControls(title))).toBe(false);
  });

  test('ZWNJ, ZWJ, LRM and RLM stay: Persian and Urdu need them', () => {
    const persian = 'می\u200Cخواهم \u200D \u200E \u200F';
    expect(stripBidiControls(persian)).toBe(persian);
  });

  test('balanced controls stay in the body, unbalanced ones go', () => {
    expect(balanceBidiControls('a\u2067b\u2069c')).toBe('a\u2067b\u2069c');
    expect(balanceBidiControls('a\u202Eb')).toBe('ab');
    expect(balanceBidiControls('a\u2069b\u202C')).toBe('ab');
    expect(balanceBidiControls('\u202B\u2066x\u202C\u2069')).toBe('\u2066x\u2069');
  });
});
