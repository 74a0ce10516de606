import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import { isPackedSnapshot, packSnapshot, unpackSnapshot, type PackedSnapshot } from './packed-snapshot.ts';
import { removedSince, SNAPSHOT_KINDS, type RosterSnapshot } from './snapshot.ts';

const SALT = '0123456789abcdef';

async function snapshotOf(students: number, seed = 1): Promise<RosterSnapshot> {
  const files = generateInMemory(planDistrict({ format: 'clever', students, seed }));
  return (await run(Object.fromEntries(files), { salt: SALT })).snapshot;
}

const plain = (s: RosterSnapshot) => JSON.parse(JSON.stringify(s)) as RosterSnapshot;

describe('a packed snapshot', () => {
  it('is the numbers of the run, and unpacks to the same hex lists', async () => {
    const snapshot = await snapshotOf(200);
    const packed = packSnapshot(snapshot);
    expect(packed.students).toBeInstanceOf(BigUint64Array);
    expect(packed.students.length).toBe(200);
    expect(plain(unpackSnapshot(packed))).toEqual(plain(snapshot));
  });

  it('is the same from hex lists as from the run, sorted whatever their order', async () => {
    const snapshot = await snapshotOf(150);
    const shuffled = plain(snapshot);
    for (const kind of SNAPSHOT_KINDS) shuffled[kind].reverse();
    const fromHex = packSnapshot(shuffled);
    const fromRun = packSnapshot(snapshot);
    for (const kind of SNAPSHOT_KINDS) expect([...fromHex[kind]]).toEqual([...fromRun[kind]]);
    expect(fromHex.salt).toBe(SALT);
  });

  it('survives a structured clone (postMessage, IndexedDB) as a packed snapshot', async () => {
    const packed = packSnapshot(await snapshotOf(100));
    const cloned = structuredClone(packed);
    expect(isPackedSnapshot(cloned)).toBe(true);
    expect(plain(unpackSnapshot(cloned))).toEqual(plain(unpackSnapshot(packed)));
  });

  const valid = (): PackedSnapshot => ({
    salt: SALT,
    teachers: new BigUint64Array([1n]),
    students: new BigUint64Array(0),
    parents: new BigUint64Array(0),
    classes: new BigUint64Array(0),
  });
  it.each<[string, unknown, boolean]>([
    ['four lists of 64-bit numbers and a salt', valid(), true],
    ['nothing', null, false],
    ['hex lists (the report JSON form)', { ...valid(), teachers: ['0000000000000001'] }, false],
    ['a salt that is not 16 hex digits', { ...valid(), salt: 'salt' }, false],
    ['bytes instead of 64-bit numbers', { ...valid(), classes: new Uint8Array(8) }, false],
    ['a list missing', { ...valid(), parents: undefined }, false],
  ])('is recognised: %s', (_, value, expected) => {
    expect(isPackedSnapshot(value)).toBe(expected);
  });
});

describe('removedSince between two packed snapshots', () => {
  it('counts what is gone as it does from hex lists', async () => {
    const before = await snapshotOf(400, 2);
    const after = await snapshotOf(300, 2);
    const fromNumbers = removedSince(
      unpackSnapshot(packSnapshot(before)),
      unpackSnapshot(packSnapshot(after)),
    );
    expect(fromNumbers).toEqual(removedSince(plain(before), plain(after)));
    expect(fromNumbers.students).toEqual({ gone: 100, before: 400 });
  });

  it.each<[string, bigint[], bigint[], number]>([
    ['nothing before', [], [1n, 2n], 0],
    ['all still there', [1n, 5n, 9n], [0n, 1n, 5n, 9n, 10n], 0],
    ['everything gone', [1n, 2n], [], 2],
    ['some gone, at both ends', [0n, 3n, 7n, 2n ** 64n - 1n], [3n, 7n], 2],
    ['a repeated number counts each time', [4n, 4n, 6n], [6n], 2],
    [
      'equal high halves, the low halves decide',
      [(1n << 32n) | 5n, (1n << 32n) | 6n, (2n << 32n) | 1n],
      [(1n << 32n) | 6n, (2n << 32n) | 0n, (2n << 32n) | 1n],
      1,
    ],
    ['a low half above every high half', [0xffffffffn, 1n << 32n], [1n << 32n], 1],
  ])('%s', (_, was, now, gone) => {
    const snap = (students: bigint[]) =>
      unpackSnapshot({ ...emptyPacked(), students: BigUint64Array.from(students) });
    expect(removedSince(snap(was), snap(now)).students).toEqual({ gone, before: was.length });
  });
});

describe('removedSince between packed snapshots, on random lists (property)', () => {
  it('counts as the hex lists do', () => {
    const number = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      fc.constantFrom(0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 64n - 1n),
    );
    fc.assert(
      fc.property(fc.array(number, { maxLength: 40 }), fc.array(number, { maxLength: 40 }), (was, now) => {
        const snap = (students: bigint[]) =>
          unpackSnapshot({ ...emptyPacked(), students: BigUint64Array.from(students).sort() });
        const fromNumbers = removedSince(snap(was), snap(now)).students;
        expect(fromNumbers).toEqual(removedSince(plain(snap(was)), plain(snap(now))).students);
      }),
    );
  });
});

describe('removedSince with hex lists before and packed numbers now', () => {
  it('reads lists that are views into a larger buffer (as a structured clone may give them)', () => {
    const buffer = BigUint64Array.from([1n, 5n, 7n, 200n]);
    const now = unpackSnapshot({ ...emptyPacked(), students: buffer.subarray(1, 3) });
    const before = plain(unpackSnapshot({ ...emptyPacked(), students: BigUint64Array.from([5n, 7n, 200n]) }));
    expect(removedSince(before, now).students).toEqual({ gone: 1, before: 3 });
  });
});

function emptyPacked(): PackedSnapshot {
  const empty = () => new BigUint64Array(0);
  return { salt: SALT, teachers: empty(), students: empty(), parents: empty(), classes: empty() };
}
