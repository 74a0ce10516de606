/**
 * Windows-1252 decoding that gives the same text in every runtime: Node's TextDecoder treats the
 * label as ISO-8859-1 and leaves 0x80–0x9F as C1 controls, where browsers map them to € ‚ ƒ „ …
 */
const C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const latin1 = new TextDecoder('latin1');

export function decodeWindows1252(bytes: Uint8Array): string {
  const text = latin1.decode(bytes);
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80])
    : text;
}
