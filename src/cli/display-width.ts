/**
 * How many terminal columns a text takes, so the command line's table lines up whatever the
 * school names are written in: CJK ideographs, kana, Hangul and fullwidth forms take two columns,
 * combining marks and other zero-width characters none. Counted per grapheme (what a terminal
 * draws as one character): "é" written as e + U+0301 is one column, "👍🏽" two.
 */

/** East Asian Wide and Fullwidth blocks (Unicode UAX #11), as [first, last] code points. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, enclosed CJK…
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x18aff], // Tangut and ideographic symbols
  [0x1b000, 0x1b2ff], // kana supplement and extensions
  [0x1f200, 0x1f2ff], // enclosed ideographic supplement
  [0x20000, 0x3fffd], // CJK extensions B and later, planes 2 and 3
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  for (const [first, last] of WIDE) if (cp >= first && cp <= last) return true;
  return false;
}

/** Marks, format characters (zero-width space and joiner, bidi controls) and controls: no column. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return 1; // ASCII: the usual case, decided at once
  if (ZERO_WIDTH.test(g)) return 0;
  return isWide(cp) || EMOJI.test(g) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment);
  return width;
}

/**
 * The text in exactly `width` columns: padded with spaces (on the left when `right`), or cut at a
 * whole character and ended with "…" when it is wider. Line breaks and tabs become spaces.
 */
export function padDisplay(text: string, width: number, right = false): string {
  let t = text.replace(/[\t\n\v\f\r]/g, ' ');
  let w = displayWidth(t);
  if (w > width) {
    let kept = '';
    w = 1; // the "…"
    for (const { segment } of graphemes.segment(t)) {
      const g = graphemeWidth(segment);
      if (w + g > width) break;
      kept += segment;
      w += g;
    }
    t = kept + '…';
  }
  const fill = ' '.repeat(width - w);
  return right ? fill + t : t + fill;
}
