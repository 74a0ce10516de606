/**
 * Plain North American numbers, read in place in one pass: what `phone.test.ts` keeps as the
 * reference regular expression (case-insensitive, `\s` as JavaScript defines it),
 *
 *   ^\s*(?:\+?\s*1[\s.-]*)?\(?\s*([2-9]\d{2})\s*\)?[\s.-]*(\d{3})[\s.-]*(\d{4})\s*
 *   (?:(?:x|ext\.?|extension|#)\s*\d{1,7})?\s*$
 *
 * The expression never needs to go back: an area code starts with 2–9, so a leading "+" or "1"
 * can only be the country code, and separators are never digits.
 */
const PLUS = 43;
const ONE = 49;
const OPEN = 40;
const CLOSE = 41;
const DOT = 46;
const HYPHEN = 45;
const HASH = 35;

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Skips `[\s.-]*`. */
function skipSeparators(s: string, i: number, end: number): number {
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== DOT && c !== HYPHEN && !isSpace(c)) break;
  }
  return i;
}

/** The `count` digits at `i` as a number, or -1 when they are not all there. */
function digitsAt(s: string, i: number, end: number, count: number): number {
  if (i + count > end) return -1;
  let value = 0;
  for (let k = i; k < i + count; k++) {
    const c = s.charCodeAt(k);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

/** Whether `word` (lower case) is at `i`, in any case. */
function wordAt(s: string, i: number, end: number, word: string): boolean {
  if (i + word.length > end) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(i + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** Where an extension marker at `i` ends, or -1 when there is none. */
function afterMarker(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c === HASH || (c | 0x20) === 120 /* x */) return i + 1;
  if (wordAt(s, i, end, 'extension')) return i + 9;
  if (!wordAt(s, i, end, 'ext')) return -1;
  return i + 3 < end && s.charCodeAt(i + 3) === DOT ? i + 4 : i + 3;
}

/**
 * The ten national digits (area code, exchange, line) as a number when `s` from `start` to `end`
 * is a plain North American number, else -1.
 */
export function nanpNumber(s: string, start: number, end: number): number {
  let i = skipSpaces(s, start, end);
  // Optional country code "+1" / "1"; a "+" needs the "1".
  if (i < end && s.charCodeAt(i) === PLUS) {
    i = skipSpaces(s, i + 1, end);
    if (i === end || s.charCodeAt(i) !== ONE) return -1;
  }
  if (i < end && s.charCodeAt(i) === ONE) i = skipSeparators(s, i + 1, end);
  if (i < end && s.charCodeAt(i) === OPEN) i++;
  i = skipSpaces(s, i, end);
  const area = digitsAt(s, i, end, 3);
  if (area < 200) return -1;
  i = skipSpaces(s, i + 3, end);
  if (i < end && s.charCodeAt(i) === CLOSE) i++;
  i = skipSeparators(s, i, end);
  const exchange = digitsAt(s, i, end, 3);
  if (exchange < 0) return -1;
  i = skipSeparators(s, i + 3, end);
  const line = digitsAt(s, i, end, 4);
  if (line < 0) return -1;
  i = skipSpaces(s, i + 4, end);
  if (i < end) {
    i = afterMarker(s, i, end);
    if (i < 0) return -1;
    i = skipSpaces(s, i, end);
    const first = i;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    if (i === first || i - first > 7) return -1;
    i = skipSpaces(s, i, end);
  }
  return i === end ? area * 10_000_000 + exchange * 10_000 + line : -1;
}
