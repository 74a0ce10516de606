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
  private readonly utf16: TextDecoder | null;
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
    if (this.utf16) return this.utf16.decode(chunk, { stream: !final });
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
