/**
 * Email validity as rules.md §3 defines it ("our rule"), and the key used to compare emails.
 * One pass over the characters (every email of a million-student district is checked), equal to
 * the regular expressions `email.test.ts` keeps as its reference.
 */
const AT = 64;
const DOT = 46;
const HYPHEN = 45;

/** Characters allowed in the local part: letters, digits and !#$%&'*+/=?^_`{|}~.- */
const LOCAL_CHARS = new Uint8Array(128);
for (const c of "!#$%&'*+/=?^_`{|}~.-") LOCAL_CHARS[c.charCodeAt(0)] = 1;
for (let c = 0; c < 128; c++) if (isAlnum(c)) LOCAL_CHARS[c] = 1;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || isLetter(c);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether `raw` may have white space at either end (then it is trimmed first). */
function edgesNeedTrim(raw: string): boolean {
  const a = raw.charCodeAt(0);
  const b = raw.charCodeAt(raw.length - 1);
  return a <= 32 || a >= 127 || b <= 32 || b >= 127;
}

export function isValidEmail(raw: string): boolean {
  if (raw.length === 0) return false;
  const email = edgesNeedTrim(raw) ? raw.trim() : raw;
  return isValidEmailAt(email, 0, email.length);
}

/** The same for a trimmed address read in place: `source` from `start`, `n` characters. */
export function isValidEmailAt(source: string, start: number, n: number): boolean {
  const email = source;
  const end = start + n;
  if (n === 0 || n > 254) return false;
  // Local part: 1–64 allowed characters, no dot first, last or twice in a row.
  let i = start;
  let afterDot = true;
  for (; i < end; i++) {
    const c = email.charCodeAt(i);
    if (c === AT) break;
    if (c >= 128 || LOCAL_CHARS[c] === 0) return false;
    if (c === DOT) {
      if (afterDot) return false;
      afterDot = true;
    } else afterDot = false;
  }
  if (i === end || i === start || i - start > 64 || afterDot) return false;
  // Domain: 2+ labels of 1–63 letters, digits and inner hyphens; the last one 2+ letters.
  let labels = 0;
  let label = i + 1;
  let lettersOnly = true;
  for (let j = label; j <= end; j++) {
    const c = j < end ? email.charCodeAt(j) : DOT;
    if (c === DOT) {
      const length = j - label;
      if (length < 1 || length > 63) return false;
      if (email.charCodeAt(label) === HYPHEN || email.charCodeAt(j - 1) === HYPHEN) return false;
      labels++;
      if (j === end) return labels >= 2 && lettersOnly && length >= 2;
      label = j + 1;
      lettersOnly = true;
    } else if (isLetter(c)) continue;
    else if ((c >= 48 && c <= 57) || c === HYPHEN) lettersOnly = false;
    else return false;
  }
  return false;
}

export function emailKey(raw: string): string {
  return (edgesNeedTrim(raw) ? raw.trim() : raw).toLowerCase();
}
