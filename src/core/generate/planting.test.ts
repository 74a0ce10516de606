import { describe, expect, it } from 'vitest';
import { Planting } from './planting.ts';
import { RandomStream } from './random.ts';

const KINDS = ['a', 'b', 'c'] as const;

function scan(p: Planting<string>) {
  const seen = new Map<string, number[]>();
  for (let i = 0; i < p.population; i++) {
    const kind = p.kindOf(i);
    if (kind !== null) seen.set(kind, [...(seen.get(kind) ?? []), p.rank(i)]);
    else expect(p.rank(i)).toBe(-1);
  }
  return seen;
}

describe('Planting', () => {
  it.each([
    [10_000, 0.01, [100, 100, 100]],
    [1_000, 0.01, [10, 10, 10]],
    [50, 0.01, [1, 1, 1]],
    [2, 0.01, [1, 1, 0]],
    [10_000, 0, [0, 0, 0]],
  ])(
    'plants each kind on its count of distinct records (%i records at rate %f)',
    (population, rate, counts) => {
      const p = new Planting(KINDS, population, rate, 42, 'test');
      expect(p.counts).toEqual(counts);
      const seen = scan(p);
      KINDS.forEach((kind, k) => {
        // Each record carries at most one kind, and ranks number each kind's records 0..n-1.
        expect((seen.get(kind) ?? []).sort((x, y) => x - y)).toEqual([...Array(counts[k]).keys()]);
      });
    },
  );

  it('never plants the first records when told so', () => {
    const p = new Planting(KINDS, 40, 0.1, 1, 'test', 1);
    expect(p.kindOf(0)).toBeNull();
    expect([...scan(p).values()].flat()).toHaveLength(12);
  });

  it('spreads the records over the population, differently for each seed', () => {
    const positions = (seed: number) => {
      const p = new Planting(KINDS, 100_000, 0.01, seed, 'test');
      return [...Array(100_000).keys()].filter((i) => p.kindOf(i) === 'a');
    };
    const first = positions(1);
    expect(first[0]).toBeLessThan(5_000);
    expect(first[first.length - 1]).toBeGreaterThan(95_000);
    expect(positions(1)).toEqual(first);
    expect(positions(2)).not.toEqual(first);
  });
});

describe('RandomStream', () => {
  it('is a function of seed, stream and index, roughly uniform', () => {
    const a = new RandomStream(7, 'x');
    expect(a.u32(5)).toBe(new RandomStream(7, 'x').u32(5));
    expect(a.u32(5)).not.toBe(new RandomStream(7, 'y').u32(5));
    expect(a.u32(5)).not.toBe(new RandomStream(8, 'x').u32(5));
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[a.below(i, 10)]++;
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});
