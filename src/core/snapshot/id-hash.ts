/**
 * Salted hashes of record IDs, so a report can be compared with a later one without keeping the IDs
 * themselves. HalfSipHash-2-4 (Aumasson & Bernstein's keyed hash for short inputs) with 64-bit output:
 * fast enough for millions of IDs in a browser tab, and useless without the salt. The state lives in
 * local variables and ASCII IDs are hashed straight from their characters (their UTF-8 bytes).
 */

/** Where the message comes from: bytes, or the characters of an ASCII text. */
let fromBytes: Uint8Array = new Uint8Array(0);
let fromText = '';
let textStart = 0;
/** The second 32-bit word of the last 64-bit hash. */
let secondWord = 0;

function byteAt(i: number, text: boolean): number {
  return text ? fromText.charCodeAt(textStart + i) : fromBytes[i];
}

/** HalfSipHash-2-4 of the current message; returns the first output word, the second in `secondWord`. */
function sip(k0: number, k1: number, length: number, outWords: 1 | 2, text: boolean): number {
  let v0 = k0 | 0;
  let v1 = k1 | 0;
  let v2 = (0x6c796765 ^ k0) | 0;
  let v3 = (0x74656462 ^ k1) | 0;
  if (outWords === 2) v1 ^= 0xee;
  const blocks = length - (length % 4);
  let m: number;
  for (let i = 0; i <= blocks; i += 4) {
    if (i < blocks) {
      m =
        byteAt(i, text) |
        (byteAt(i + 1, text) << 8) |
        (byteAt(i + 2, text) << 16) |
        (byteAt(i + 3, text) << 24);
    } else {
      m = length << 24;
      for (let j = length - 1; j >= blocks; j--) m |= byteAt(j, text) << ((j - blocks) * 8);
    }
    v3 ^= m;
    // SipRound, written out here and below: a function would have to return four numbers (an object
    // or array per round), which costs more than the hashing itself on millions of IDs.
    for (let r = 0; r < 2; r++) {
      v0 = (v0 + v1) | 0;
      v1 = ((v1 << 5) | (v1 >>> 27)) ^ v0;
      v0 = (v0 << 16) | (v0 >>> 16);
      v2 = (v2 + v3) | 0;
      v3 = ((v3 << 8) | (v3 >>> 24)) ^ v2;
      v0 = (v0 + v3) | 0;
      v3 = ((v3 << 7) | (v3 >>> 25)) ^ v0;
      v2 = (v2 + v1) | 0;
      v1 = ((v1 << 13) | (v1 >>> 19)) ^ v2;
      v2 = (v2 << 16) | (v2 >>> 16);
    }
    v0 ^= m;
  }
  v2 ^= outWords === 2 ? 0xee : 0xff;
  let first = 0;
  for (let out = 0; out < outWords; out++) {
    if (out === 1) v1 ^= 0xdd;
    for (let r = 0; r < 4; r++) {
      v0 = (v0 + v1) | 0;
      v1 = ((v1 << 5) | (v1 >>> 27)) ^ v0;
      v0 = (v0 << 16) | (v0 >>> 16);
      v2 = (v2 + v3) | 0;
      v3 = ((v3 << 8) | (v3 >>> 24)) ^ v2;
      v0 = (v0 + v3) | 0;
      v3 = ((v3 << 7) | (v3 >>> 25)) ^ v0;
      v2 = (v2 + v1) | 0;
      v1 = ((v1 << 13) | (v1 >>> 19)) ^ v2;
      v2 = (v2 << 16) | (v2 >>> 16);
    }
    if (out === 0) first = (v1 ^ v3) >>> 0;
    else secondWord = (v1 ^ v3) >>> 0;
  }
  return first;
}

/** HalfSipHash-2-4 of `data` under the 8-byte key (k0, k1); 4 or 8 bytes of output as 32-bit words. */
export function halfSipHash(
  k0: number,
  k1: number,
  data: Uint8Array,
  length: number,
  outWords: 1 | 2,
): number[] {
  fromBytes = data;
  const first = sip(k0, k1, length, outWords, false);
  return outWords === 1 ? [first] : [first, secondWord];
}

const HEX = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** The 16 hex digits of a 64-bit hash given as two 32-bit words. */
export function hexOf(first: number, second: number): string {
  const h = HEX;
  return String.fromCharCode(
    h[first >>> 28],
    h[(first >>> 24) & 15],
    h[(first >>> 20) & 15],
    h[(first >>> 16) & 15],
    h[(first >>> 12) & 15],
    h[(first >>> 8) & 15],
    h[(first >>> 4) & 15],
    h[first & 15],
    h[second >>> 28],
    h[(second >>> 24) & 15],
    h[(second >>> 20) & 15],
    h[(second >>> 16) & 15],
    h[(second >>> 12) & 15],
    h[(second >>> 8) & 15],
    h[(second >>> 4) & 15],
    h[second & 15],
  );
}

export function randomSalt(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class IdHasher {
  private readonly k0: number;
  private readonly k1: number;
  private buffer = new Uint8Array(256);
  private readonly encoder = new TextEncoder();
  /** The second word of the last hashWords() call. */
  second = 0;

  /** `salt`: 16 hex digits. */
  constructor(readonly salt: string) {
    if (!/^[0-9a-f]{16}$/.test(salt)) throw new Error('The salt must be 16 hex digits');
    this.k0 = parseInt(salt.slice(0, 8), 16) >>> 0;
    this.k1 = parseInt(salt.slice(8), 16) >>> 0;
  }

  /**
   * The 64-bit hash of the ID that is `text` from `start` for `length` characters: returns the first
   * 32-bit word, the second in `this.second`. No string is built for an ASCII ID.
   */
  hashWords(text: string, start: number, length: number): number {
    let ascii = true;
    for (let i = start; i < start + length; i++) {
      if (text.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    let first: number;
    if (ascii) {
      fromText = text;
      textStart = start;
      first = sip(this.k0, this.k1, length, 2, true);
      fromText = '';
    } else {
      const id = text.substring(start, start + length);
      if (id.length * 3 > this.buffer.length) this.buffer = new Uint8Array(id.length * 3);
      const { written } = this.encoder.encodeInto(id, this.buffer);
      fromBytes = this.buffer;
      first = sip(this.k0, this.k1, written, 2, false);
    }
    this.second = secondWord;
    return first;
  }

  hash(id: string): string {
    const first = this.hashWords(id, 0, id.length);
    return hexOf(first, this.second);
  }
}
