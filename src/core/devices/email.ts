/**
 * Email validity as rules.md §3 defines it ("our rule"), and the key used to compare emails.
 * One pass over the characters (every email of a million-student district is checked), equal to
 * the regular expressions `email.test.ts` keeps as its reference. The same pass hashes the
 * lower-cased address for the device key table, so a valid address is read once.
 */
import { FNV_BASIS, FNV_PRIME, mix } from '../model/texts.ts';

const AT = 64;
const DOT = 46;
const HYPHEN = 45;

/** Not a valid address (hashes are ≥ 0). */
export const INVALID_EMAIL = -1;

/**
 * Characters allowed in the local part (letters, digits and !#$%&'*+/=?^_`{|}~.-), each mapped to
 * itself lower-cased; 0 for the others. One look-up both checks and lowers a character.
 */
const LOCAL_LOWER = new Uint8Array(128);
for (const c of "!#$%&'*+/=?^_`{|}~.-") LOCAL_LOWER[c.charCodeAt(0)] = c.charCodeAt(0);
for (let c = 0; c < 128; c++) if (isAlnum(c)) LOCAL_LOWER[c] = c | (isLetter(c) ? 0x20 : 0);

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
  return validEmailHash(email, 0, email.length) !== INVALID_EMAIL;
}

/**
 * For a valid trimmed address (`source` from `start`, `n` characters): a hash of it lower-cased
 * (`emailKey`), which `EmailKeys` files it under; else INVALID_EMAIL. The text index's hash, kept to
 * 30 bits so it stays a small integer in every JavaScript engine.
 */
export function validEmailHash(source: string, start: number, n: number): number {
  const email = source;
  const end = start + n;
  if (n === 0 || n > 254) return INVALID_EMAIL;
  let h = FNV_BASIS;
  // Local part: 1–64 allowed characters, no dot first, last or twice in a row.
  let i = start;
  let afterDot = true;
  for (; i < end; i++) {
    const c = email.charCodeAt(i);
    if (c === AT) break;
    const lower = c < 128 ? LOCAL_LOWER[c] : 0;
    if (lower === 0) return INVALID_EMAIL;
    h = Math.imul(h ^ lower, FNV_PRIME);
    if (c === DOT) {
      if (afterDot) return INVALID_EMAIL;
      afterDot = true;
    } else afterDot = false;
  }
  if (i === end || i === start || i - start > 64 || afterDot) return INVALID_EMAIL;
  h = Math.imul(h ^ AT, FNV_PRIME);
  // Domain: 2+ labels of 1–63 letters, digits and inner hyphens; the last one 2+ letters.
  let labels = 0;
  let label = i + 1;
  let lettersOnly = true;
  for (let j = label; j <= end; j++) {
    const c = j < end ? email.charCodeAt(j) : DOT;
    if (c === DOT) {
      const length = j - label;
      if (length < 1 || length > 63) return INVALID_EMAIL;
      if (email.charCodeAt(label) === HYPHEN || email.charCodeAt(j - 1) === HYPHEN) return INVALID_EMAIL;
      labels++;
      if (j === end) return labels >= 2 && lettersOnly && length >= 2 ? mix(h) & 0x3fffffff : INVALID_EMAIL;
      label = j + 1;
      lettersOnly = true;
    } else if (!isLetter(c)) {
      if ((c >= 48 && c <= 57) || c === HYPHEN) lettersOnly = false;
      else return INVALID_EMAIL;
    }
    // Letters, digits, hyphens and dots: setting bit 5 lowers a letter and keeps the others.
    h = Math.imul(h ^ (c | 0x20), FNV_PRIME);
  }
  return INVALID_EMAIL;
}

export function emailKey(raw: string): string {
  return (edgesNeedTrim(raw) ? raw.trim() : raw).toLowerCase();
}
