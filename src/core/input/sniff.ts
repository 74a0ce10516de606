/** How much of the start of a file is looked at before it is read (type, encoding, header row). */
export const SNIFF_BYTES = 65536;

/** What the first bytes of a file say it is, before any CSV parsing. */
export type Sniffed =
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number }
  | { kind: 'binary'; what: string };

const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty zip archive'],
];

const UTF32 = (order: string) =>
  `UTF-32 (${order}) text (by its byte-order mark), an encoding Remind does not read; save it as UTF-8`;

/** Zero bytes a text may hold in its first 64 KiB (each reported while reading) before it is binary. */
export const MAX_STRAY_ZEROS = 8;

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

/** Looks at the first bytes (a few kB are enough) and decides how to read the file. */
export function sniff(head: Uint8Array, name: string): Sniffed {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8', bom: 3 };
  // Before UTF-16: the UTF-32 LE mark begins with UTF-16 LE's.
  if (startsWith(head, [0xff, 0xfe, 0, 0])) return { kind: 'binary', what: UTF32('LE') };
  if (startsWith(head, [0, 0, 0xfe, 0xff])) return { kind: 'binary', what: UTF32('BE') };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bom: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bom: 2 };
  for (const [sig, what] of SIGNATURES) {
    if (!startsWith(head, sig)) continue;
    if (what === 'a zip archive' && /\.xlsx$/i.test(name))
      return { kind: 'binary', what: 'an Excel workbook (.xlsx)' };
    if (what === 'a zip archive' && /\.ods$/i.test(name))
      return { kind: 'binary', what: 'a spreadsheet (.ods)' };
    if (what === 'a zip archive' && /\.numbers$/i.test(name))
      return { kind: 'binary', what: 'a Numbers spreadsheet' };
    return { kind: 'binary', what };
  }
  let evenZeros = 0;
  let oddZeros = 0;
  let controls = 0;
  const n = Math.min(head.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    } else if (b < 9 || (b > 13 && b < 32 && b !== 26)) controls++;
  }
  const zeros = evenZeros + oddZeros;
  if (zeros > 0) {
    // ASCII text in UTF-16 puts a zero byte beside every character: on odd offsets for LE, even for BE.
    if (n >= 4 && oddZeros > n / 4 && evenZeros < oddZeros / 8)
      return { kind: 'binary', what: 'UTF-16 (LE) text without a byte-order mark' };
    if (n >= 4 && evenZeros > n / 4 && oddZeros < evenZeros / 8)
      return { kind: 'binary', what: 'UTF-16 (BE) text without a byte-order mark' };
    // A stray zero byte or two in a text (a damaged export) is reported where it is, while reading;
    // a binary file of no known kind has them everywhere.
    if (zeros > Math.max(MAX_STRAY_ZEROS, n / 4096))
      return { kind: 'binary', what: 'a binary file (it contains zero bytes)' };
  }
  if (controls > Math.max(8, n / 100))
    return { kind: 'binary', what: 'a binary file (it contains control characters)' };
  return { kind: 'text', encoding: 'utf-8', bom: 0 };
}
