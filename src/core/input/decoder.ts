/**
 * Turns byte chunks into text without ever splitting a character between chunks.
 * UTF-8 is checked strictly; at the first byte that is not valid UTF-8 the rest of the file is read
 * as Windows-1252 (what US district spreadsheets are saved in) and `fallbackAt` records where.
 */
import { decodeWindows1252 } from './windows1252.ts';
import { validUtf8Length } from './utf8.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export class StreamDecoder {
  /** Byte offset of the first byte that was not valid UTF-8, or -1. */
  fallbackAt = -1;
  /** In the text returned by the call that switched to Windows-1252: where that text starts. */
  fallbackTextAt = -1;
  /** Byte offset where a UTF-16 file goes on in an 8-bit encoding (read as UTF-8 from there), or -1. */
  switchedAt = -1;
  /** In the text returned by the call that switched from UTF-16: where the 8-bit text starts. */
  switchedTextAt = -1;
  private utf16: TextDecoder | null;
  /** UTF-16: the offset of the last zero byte seen (ASCII in UTF-16 has one beside every character). */
  private lastZero = 0;
  private held: Uint8Array = new Uint8Array(0);
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private carry: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private skip: number;

  /** `skipBytes` drops a byte-order mark already recognised by `sniff`. */
  constructor(encoding: TextEncoding, skipBytes = 0) {
    this.utf16 = encoding === 'utf-8' ? null : new TextDecoder(encoding, { ignoreBOM: true });
    this.skip = skipBytes;
  }

  decode(chunk: Uint8Array, final = false): string {
    if (this.skip > 0) {
      const n = Math.min(this.skip, chunk.length);
      chunk = chunk.subarray(n);
      this.skip -= n;
      this.offset += n;
    }
    if (this.utf16) {
      // Bytes held back from the chunk before (scanned already, so counted in `offset`).
      if (this.held.length) chunk = join(this.held, chunk);
      this.offset -= this.held.length;
      this.held = new Uint8Array(0);
      const start = this.offset;
      const switchAt = this.eightBitStart(chunk);
      if (switchAt < 0) {
        // Text after the last zero byte may be the start of 8-bit text, told only by what follows:
        // hold a short run back so that the switch can be made where it begins.
        const run = this.offset - 1 - this.lastZero;
        const hold = final || run > MAX_HELD ? 0 : Math.min(run, chunk.length);
        this.held = chunk.slice(chunk.length - hold);
        return this.utf16.decode(chunk.subarray(0, chunk.length - hold), { stream: !final });
      }
      const head = this.utf16.decode(chunk.subarray(0, switchAt - start));
      this.utf16 = null;
      this.switchedAt = switchAt;
      this.switchedTextAt = head.length;
      const rest = chunk.subarray(switchAt - start);
      this.offset = switchAt;
      const after = this.decode(rest, final);
      if (this.fallbackAt >= 0) this.fallbackTextAt += head.length;
      return head + after;
    }
    if (this.fallbackAt >= 0) return decodeWindows1252(chunk);
    let bytes = chunk;
    if (this.carry.length) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const start = this.offset - this.carry.length;
    const end = final ? bytes.length : completeLength(bytes);
    const body = bytes.subarray(0, end);
    this.carry = bytes.slice(end);
    this.offset += chunk.length;
    try {
      return this.strict.decode(body);
    } catch {
      const good = validUtf8Length(body);
      this.fallbackAt = start + good;
      const rest = this.carry;
      this.carry = new Uint8Array(0);
      const utf8 = this.strict.decode(body.subarray(0, good));
      this.fallbackTextAt = utf8.length;
      return utf8 + decodeWindows1252(body.subarray(good)) + decodeWindows1252(rest);
    }
  }

  /**
   * UTF-16 only: where the file goes on as 8-bit text (a file pieced together from two exports), as
   * an offset in `chunk`'s file; -1 when it does not within `chunk` (then `offset` moves past it).
   */
  private eightBitStart(chunk: Uint8Array): number {
    const littleEndian = this.utf16?.encoding === 'utf-16le';
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0) {
        this.lastZero = this.offset + i;
        continue;
      }
      if (b !== LF && b !== COMMA) continue;
      // A comma or line break of UTF-16 text has a zero byte beside it (after it in LE, before it in BE).
      if (this.offset + i - this.lastZero <= EIGHT_BIT_RUN) continue;
      if (littleEndian && (i + 1 >= chunk.length || chunk[i + 1] === 0)) continue;
      let at = Math.max(this.lastZero + 1, this.offset);
      if (at % 2 === 1) at++;
      return at;
    }
    this.offset += chunk.length;
    return -1;
  }
}

const LF = 0x0a;
const COMMA = 0x2c;
/** Bytes without a zero among them, before a line break or comma, that UTF-16 CSV text cannot have. */
const EIGHT_BIT_RUN = 128;
/** The longest run without a zero byte held back (UTF-16 CSV text has one at every comma). */
const MAX_HELD = 4096;

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}
