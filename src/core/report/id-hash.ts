/**
 * Salted hashes of record IDs, so a report can be compared with a later one without keeping the IDs
 * themselves. HalfSipHash-2-4 (Aumasson & Bernstein's keyed hash for short inputs) with 64-bit output:
 * fast enough for millions of IDs in a browser tab, and useless without the salt.
 */
const rotl = (x: number, b: number) => (x << b) | (x >>> (32 - b));

function rounds(v: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    v[0] += v[1];
    v[1] = rotl(v[1], 5) ^ v[0];
    v[0] = rotl(v[0], 16);
    v[2] += v[3];
    v[3] = rotl(v[3], 8) ^ v[2];
    v[0] += v[3];
    v[3] = rotl(v[3], 7) ^ v[0];
    v[2] += v[1];
    v[1] = rotl(v[1], 13) ^ v[2];
    v[2] = rotl(v[2], 16);
  }
}

/** HalfSipHash-2-4 of `data` under the 8-byte key (k0, k1); 4 or 8 bytes of output as 32-bit words. */
export function halfSipHash(
  k0: number,
  k1: number,
  data: Uint8Array,
  length: number,
  outWords: 1 | 2,
): number[] {
  const v = new Uint32Array([k0, k1, 0x6c796765 ^ k0, 0x74656462 ^ k1]);
  if (outWords === 2) v[1] ^= 0xee;
  const blocks = length - (length % 4);
  for (let i = 0; i < blocks; i += 4) {
    const m = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    v[3] ^= m;
    rounds(v, 2);
    v[0] ^= m;
  }
  let b = (length << 24) >>> 0;
  for (let i = length - 1; i >= blocks; i--) b |= data[i] << ((i - blocks) * 8);
  v[3] ^= b;
  rounds(v, 2);
  v[0] ^= b;
  v[2] ^= outWords === 2 ? 0xee : 0xff;
  rounds(v, 4);
  const first = (v[1] ^ v[3]) >>> 0;
  if (outWords === 1) return [first];
  v[1] ^= 0xdd;
  rounds(v, 4);
  return [first, (v[1] ^ v[3]) >>> 0];
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

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

  /** `salt`: 16 hex digits. */
  constructor(readonly salt: string) {
    if (!/^[0-9a-f]{16}$/.test(salt)) throw new Error('The salt must be 16 hex digits');
    this.k0 = parseInt(salt.slice(0, 8), 16) >>> 0;
    this.k1 = parseInt(salt.slice(8), 16) >>> 0;
  }

  hash(id: string): string {
    if (id.length * 3 > this.buffer.length) this.buffer = new Uint8Array(id.length * 3);
    const { written } = this.encoder.encodeInto(id, this.buffer);
    const [a, b] = halfSipHash(this.k0, this.k1, this.buffer, written, 2);
    return hex8(a) + hex8(b);
  }
}
