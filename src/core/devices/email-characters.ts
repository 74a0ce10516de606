/**
 * Why an email cell is refused when it holds a character outside ASCII: real exports carry accented
 * names (`josé@…`), curly apostrophes, fullwidth `＠` and invisible characters pasted from documents
 * (a zero-width or non-breaking space). The address may look right on screen, so the message names
 * the character and its code point.
 */

const NOT_ASCII = /[^\p{ASCII}]/u;
/** Spaces, format and control characters: nothing to see, so only the code point. */
const INVISIBLE = /^[\p{Z}\p{C}]$/u;
/** An accent typed as its own character after the letter (e + U+0301 for é). */
const MARK = /^\p{M}$/u;

/** The first non-ASCII character of the (trimmed) value, described, or null when there is none. */
export function nonAsciiCharacter(value: string): string | null {
  const match = NOT_ASCII.exec(value.trim());
  if (!match) return null;
  const ch = match[0];
  const code = 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  if (INVISIBLE.test(ch)) return `an invisible character (${code})`;
  return MARK.test(ch) ? `a combining accent (${code})` : `"${ch}" (${code})`;
}

/** A sentence for an invalid email's message, or "" when the value is plain ASCII. */
export function nonAsciiNote(value: string | null): string {
  const what = value === null ? null : nonAsciiCharacter(value);
  return what
    ? ` It contains ${what}, which an email address cannot hold: only unaccented letters, digits and ` +
        `. _ - + and a few other ASCII symbols.`
    : '';
}
