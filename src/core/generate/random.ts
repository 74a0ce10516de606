/**
 * The generator's own seeded randomness (never Math.random). Every value is a pure function of
 * (seed, stream, index): any record can be derived on its own, in any order, so each file is written
 * in one streaming pass without keeping earlier records, and the same seed always gives the same bytes.
 */

/** A 32-bit integer hash with good avalanche (the "lowbias32" finaliser). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** One independent sequence of random numbers per (seed, stream name). */
export class RandomStream {
  private readonly key: number;

  constructor(seed: number, stream: string) {
    let h = mix32(seed >>> 0) ^ mix32(Math.floor(seed / 0x100000000) >>> 0);
    for (let i = 0; i < stream.length; i++) h = mix32(h ^ stream.charCodeAt(i));
    this.key = h;
  }

  /** A uniform 32-bit value for `index` (and an optional sub-index for several values per record). */
  u32(index: number, sub = 0): number {
    return mix32(
      mix32(this.key ^ (index >>> 0) ^ Math.imul(Math.floor(index / 0x100000000), 0x27d4eb2f)) + sub,
    );
  }

  /** A uniform integer in [0, n). */
  below(index: number, n: number, sub = 0): number {
    return Math.floor((this.u32(index, sub) / 0x100000000) * n);
  }

  /** A uniform number in [0, 1). */
  unit(index: number, sub = 0): number {
    return this.u32(index, sub) / 0x100000000;
  }

  pick<T>(list: readonly T[], index: number, sub = 0): T {
    return list[this.below(index, list.length, sub)];
  }
}
