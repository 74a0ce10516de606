/**
 * Where planted problems go. Each kind gets max(1, round(rate × population)) records (none at rate 0,
 * fewer when the population is too small for all kinds), every record at most one kind. Records are spread over the
 * population by a seeded affine permutation s = (a·i + b) mod n, so "which kind is record i" is O(1)
 * and needs no table: the records whose s falls in [start_k, start_k + count_k) get kind k.
 */
import { RandomStream } from './random.ts';

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export class Planting<K extends string> {
  readonly counts: number[];
  private readonly ends: number[];
  private readonly total: number;
  private readonly a: number;
  private readonly b: number;

  /** `first` records at the start of the population are never planted (e.g. a teacher others copy). */
  constructor(
    readonly kinds: readonly K[],
    readonly population: number,
    rate: number,
    seed: number,
    salt: string,
    private readonly first = 0,
  ) {
    const n = Math.max(0, population - first);
    let left = n;
    this.counts = kinds.map(() => {
      const c = rate > 0 ? Math.min(left, Math.max(1, Math.round(rate * n))) : 0;
      left -= c;
      return c;
    });
    let end = 0;
    this.ends = this.counts.map((c) => (end += c));
    this.total = end;
    const random = new RandomStream(seed, 'planting ' + salt);
    let a = Math.max(1, Math.floor(n * (0.55 + 0.1 * random.unit(0)))) | 1;
    while (n > 1 && gcd(a, n) !== 1) a += 2;
    this.a = n > 1 ? a % n : 1;
    this.b = n > 0 ? random.below(1, n) : 0;
  }

  private slot(i: number): number {
    const n = this.population - this.first;
    const j = i - this.first;
    if (j < 0 || j >= n) return -1;
    const s = (this.a * j + this.b) % n;
    return s < this.total ? s : -1;
  }

  /** The kind planted on record i, or null. */
  kindOf(i: number): K | null {
    const s = this.slot(i);
    if (s < 0) return null;
    let k = 0;
    while (s >= this.ends[k]) k++;
    return this.kinds[k];
  }

  /** 0-based position of record i among the records of its kind (for varying the problem). */
  rank(i: number): number {
    const s = this.slot(i);
    if (s < 0) return -1;
    let k = 0;
    while (s >= this.ends[k]) k++;
    return s - (k === 0 ? 0 : this.ends[k - 1]);
  }

  count(kind: K): number {
    const k = this.kinds.indexOf(kind);
    return k < 0 ? 0 : this.counts[k];
  }
}
