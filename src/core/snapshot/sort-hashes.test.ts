import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortHashes } from './sort-hashes.ts';

function sortedByBoth(values: bigint[]): { ours: bigint[]; builtIn: bigint[] } {
  const list = BigUint64Array.from(values);
  sortHashes(list);
  return { ours: [...list], builtIn: [...BigUint64Array.from(values).sort()] };
}

describe('sortHashes sorts like BigUint64Array.prototype.sort', () => {
  const big = (n: number, f: (i: number) => bigint) => Array.from({ length: n }, (_, i) => f(i));
  it.each<[string, bigint[]]>([
    ['nothing', []],
    ['one number', [5n]],
    ['two in reverse', [2n ** 64n - 1n, 0n]],
    ['equal high halves, low halves decide', [(7n << 32n) | 9n, (7n << 32n) | 1n, (7n << 32n) | 0xffffffffn]],
    ['repeats', [3n, 1n, 3n, 3n, 1n]],
    ['high bit set and clear', [2n ** 63n, 2n ** 63n - 1n, 1n << 62n]],
    [
      'a bucket past the insertion limit (one high half)',
      big(200, (i) => (123n << 32n) | BigInt((i * 7919) % 200)),
    ],
    ['spread over many buckets', big(5000, (i) => (BigInt(i * 2654435761) * 3n ** 20n) % 2n ** 64n)],
  ])('%s', (_, values) => {
    const { ours, builtIn } = sortedByBoth(values);
    expect(ours).toEqual(builtIn);
  });

  it('on random lists (property)', () => {
    const number = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      fc.constantFrom(0n, 1n, 2n ** 32n, 2n ** 64n - 1n),
    );
    fc.assert(
      fc.property(fc.array(number, { maxLength: 300 }), (values) => {
        const { ours, builtIn } = sortedByBoth(values);
        expect(ours).toEqual(builtIn);
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts a view into a larger buffer without touching the rest', () => {
    const all = BigUint64Array.from([9n, 3n, 2n, 1n, 0n]);
    sortHashes(all.subarray(1, 4));
    expect([...all]).toEqual([9n, 1n, 2n, 3n, 0n]);
  });
});
