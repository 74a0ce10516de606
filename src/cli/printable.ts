/**
 * Text from roster files (a school's name, a class ID inside a message, a file name) is printed by
 * the command line, and a terminal obeys control characters: `ESC[2J` clears the screen, `ESC]0;…`
 * sets the window title. Every control character (C0, DEL and C1) is printed as a visible escape
 * instead: `\t`, `\r` and `\n` by name, any other as `\xHH` (ESC is `\x1b`, CSI `\x9b`).
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x1f\x7f-\x9f]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_NEWLINE = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\r': '\\r', '\n': '\\n' };

const escape = (ch: string) => NAMED[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** `text` with every control character escaped; `keepNewlines` for our own multi-line output. */
export function printable(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, escape);
}

/**
 * A piece of the JSON report, for a terminal: JSON.stringify escapes C0 already, but not DEL or C1;
 * they can only be inside strings, where `\u009b` means the same character.
 */
export function printableJson(piece: string): string {
  return piece.replace(/[\x7f-\x9f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
