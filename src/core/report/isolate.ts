/**
 * A roster value embedded in one of our sentences (a finding's message, which is also the CSV's
 * `problem`), kept from turning the sentence around: a value holding right-to-left letters or bidi
 * controls is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, and the controls that open
 * or close a direction inside it (U+202A–U+202E, U+2066–U+2069) are written out as `[U+202E]`, so
 * none of them can reach past the value (an unmatched PDI would otherwise close the isolate early).
 * Other values are left as they are: there is nothing for them to reorder.
 */

const FSI = '\u2068';
const PDI = '\u2069';
const SCOPED_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;
/** Right-to-left letters (Hebrew to NKo and Samaritan…, presentation forms, RTL supplementary blocks) and bidi marks. */
const NEEDS_ISOLATION =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u061c\u200f\u202a-\u202e\u2066-\u2069\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export function isolate(value: string): string;
export function isolate(value: string | null): string | null;
export function isolate(value: string | null): string | null {
  if (value === null || !NEEDS_ISOLATION.test(value)) return value;
  const shown = value.replace(
    SCOPED_CONTROLS,
    (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
  return FSI + shown + PDI;
}
