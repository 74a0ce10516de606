import { describe, expect, it } from 'vitest';
import { displayWidth, padDisplay } from './display-width.ts';

describe('displayWidth', () => {
  it.each<[string, string, number]>([
    ['ASCII', 'North High', 10],
    ['empty', '', 0],
    ['Latin letters with accents (precomposed)', 'École Élémentaire', 17],
    ['e + combining acute accent', 'Ecole\u0301', 5],
    ['several combining marks on one letter', 'a\u0301\u0323', 1],
    ['CJK ideographs', '北京第一中学', 12],
    ['hiragana and katakana', 'さくらサクラ', 12],
    ['Hangul syllables', '서울고등학교', 12],
    ['Hangul written as Jamo (initial wide, vowel and final zero)', '\u1100\u1161\u11a8', 2],
    ['fullwidth Latin and digits', 'ＡＢＣ１２３', 12],
    ['ideographic space', 'a\u3000b', 4],
    ['halfwidth katakana stays narrow', 'ｶﾀｶﾅ', 4],
    ['mixed CJK and ASCII', '東京 International School', 25],
    ['an emoji', 'Go 🐻', 5],
    ['an emoji with a skin tone is one character', '👍🏽', 2],
    ['a text symbol made emoji by VS16', '\u2764\uFE0F', 2],
    ['a text symbol without VS16 stays narrow', '\u2764', 1],
    ['zero-width space and joiner', 'a\u200bb\u200d', 2],
    ['a right-to-left mark', '\u200fשלום', 4],
    ['Cyrillic and Greek', 'Школа Σχολείο', 13],
    ['CJK extension B', '𠀋𠀋', 4],
  ])('%s: %j is %i columns', (_, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('padDisplay', () => {
  it.each<[string, number, boolean, string]>([
    ['North', 8, false, 'North   '],
    ['12', 5, true, '   12'],
    ['北京', 6, false, '北京  '],
    ['北京', 6, true, '  北京'],
    ['Ecole\u0301', 7, false, 'Ecole\u0301  '],
    // Too wide: cut at a whole character, "…" added, padded to the exact width.
    ['North High School', 8, false, 'North H…'],
    ['北京第一中学', 8, false, '北京第… '],
    ['北京第一中学', 7, false, '北京第…'],
    ['Ecole\u0301 Centrale', 6, false, 'Ecole\u0301…'],
    ['exactly', 7, false, 'exactly'],
    ['two\nlines\tand tab', 20, false, 'two lines and tab   '],
  ])('%j in %i columns (right: %s) is %j', (text, width, right, expected) => {
    const out = padDisplay(text, width, right);
    expect(out).toBe(expected);
    expect(displayWidth(out)).toBe(width);
  });
});
