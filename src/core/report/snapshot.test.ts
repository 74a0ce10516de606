import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../../test/helpers.ts';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import { IdHasher } from './id-hash.ts';
import { removedSince, SNAPSHOT_KINDS, sortHashes, type RosterSnapshot } from './snapshot.ts';

const SALT = '0123456789abcdef';

async function district(students: number, seed = 1) {
  const files = generateInMemory(planDistrict({ format: 'clever', students, seed }));
  return run(Object.fromEntries(files), { salt: SALT });
}

describe('the run snapshot', () => {
  it('holds the sorted salted hashes of every teacher, student, parent and class ID', async () => {
    const result = await district(300);
    const hasher = new IdHasher(SALT);
    const people = [...result.roster.everyone()];
    const expected = (role: string) =>
      people
        .filter((p) => p.role === role)
        .map((p) => hasher.hash(p.id))
        .sort();
    const snapshot = result.snapshot;
    expect(snapshot.salt).toBe(SALT);
    expect(snapshot.teachers).toEqual(expected('teacher'));
    expect(snapshot.students).toEqual(expected('student'));
    expect(snapshot.parents).toEqual(expected('parent'));
    expect(snapshot.classes).toEqual(result.roster.classes.map((c) => hasher.hash(c.id)).sort());
    expect(snapshot.students.length).toBe(300);
  });

  it('is plain data to JSON, structured clone and spreading (the hex lists made when read)', async () => {
    const { snapshot } = await district(100);
    const plain = JSON.parse(JSON.stringify(snapshot)) as RosterSnapshot;
    expect(Object.keys(plain)).toEqual(['salt', ...SNAPSHOT_KINDS]);
    expect(structuredClone(snapshot)).toEqual(plain);
    expect({ ...snapshot }).toEqual(plain);
  });

  it('counts what is gone the same way from its numbers as from plain lists', async () => {
    const before = (await district(400, 2)).snapshot;
    const after = (await district(300, 2)).snapshot;
    const plainAfter = JSON.parse(JSON.stringify(after)) as RosterSnapshot;
    const plainBefore = JSON.parse(JSON.stringify(before)) as RosterSnapshot;
    plainBefore.students.push('not a hash', 'ffffffffffffffff');
    const removed = removedSince(plainBefore, after);
    expect(removed).toEqual(removedSince(plainBefore, plainAfter));
    expect(removed.students.before).toBe(402);
    expect(removed.students.gone).toBeGreaterThanOrEqual(102);
  });
});

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
