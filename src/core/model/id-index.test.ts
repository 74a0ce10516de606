import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index.ts';
import { hashText } from './texts.ts';

/** An index whose owner keeps the IDs in a plain array (value k is ids[k]). */
function emptyIndex(ids: string[] = []) {
  return new IdIndex({
    matches: (k, id) => ids[k] === id,
    matchesAt: (k, source, start, end) => ids[k] === source.slice(start, end),
  });
}

/** An index over `ids` (value k for ids[k]), each inserted with `hashOf(id)` instead of its real hash. */
function indexOf(ids: string[], hashOf: (id: string) => number = hashText) {
  const kept: string[] = [];
  const index = emptyIndex(kept);
  ids.forEach((id, k) => {
    kept.push(id);
    expect(index.insert(id, hashOf(id), k)).toBe(-1);
  });
  return index;
}

/** Both look-ups (whole string, and in place inside a longer source) must agree. */
function lookUp(index: IdIndex, id: string, hash?: number): number {
  const source = `,,${id};`;
  const inPlace = index.findAt(source, 2, 2 + id.length);
  expect(index.find(id, hash)).toBe(inPlace);
  return inPlace;
}

describe('IdIndex', () => {
  it.each([
    { name: 'hits', ids: ['a', 'b', 'S-001'], id: 'S-001', found: 2 },
    { name: 'a miss', ids: ['a', 'b'], id: 'c', found: -1 },
    { name: 'a prefix is a miss', ids: ['S-0011'], id: 'S-001', found: -1 },
    { name: 'a longer ID is a miss', ids: ['S-001'], id: 'S-0011', found: -1 },
    { name: 'case counts', ids: ['abc'], id: 'ABC', found: -1 },
    { name: 'non-ASCII', ids: ['é', 'e\u0301'], id: 'e\u0301', found: 1 },
    { name: 'an empty index', ids: [], id: 'a', found: -1 },
  ])('$name', ({ ids, id, found }) => {
    expect(lookUp(indexOf(ids), id)).toBe(found);
  });

  // Every ID gets the same hash: look-ups must tell them apart by their texts.
  it.each([
    { name: 'first of the chain', id: 'x1', found: 0 },
    { name: 'middle of the chain', id: 'x2', found: 1 },
    { name: 'end of the chain', id: 'x3', found: 2 },
    { name: 'not in the chain', id: 'x4', found: -1 },
  ])('same hash for all: $name', ({ id, found }) => {
    const index = indexOf(['x1', 'x2', 'x3'], () => 7);
    expect(index.find(id, 7)).toBe(found);
  });

  it('an ID whose hash matches others is found past them (find and findAt)', () => {
    const target = 'T-42';
    const kept: string[] = [];
    const index = emptyIndex(kept);
    for (let k = 0; k < 5; k++) index.insert((kept[k] = `other-${k}`), hashText(target), k);
    expect(lookUp(index, target)).toBe(-1);
    kept[5] = target;
    expect(index.insert(target, hashText(target), 5)).toBe(-1);
    expect(lookUp(index, target)).toBe(5);
  });

  it.each([
    { name: 'a repeated ID', ids: ['a', 'b', 'c'], again: 'b', hash: hashText, taken: 1 },
    {
      name: 'a repeated ID among forced collisions',
      ids: ['a', 'b', 'c'],
      again: 'c',
      hash: () => 5,
      taken: 2,
    },
    { name: 'a new ID with a colliding hash', ids: ['a', 'b'], again: 'z', hash: () => 5, taken: -1 },
  ])('insert: $name', ({ ids, again, hash, taken }) => {
    const index = indexOf(ids, hash);
    expect(index.insert(again, hash(again), 9)).toBe(taken);
  });

  it('probing wraps from the last slot to the first', () => {
    const last = 1023; // the first table has 1024 slots
    const index = indexOf(['p', 'q', 'r'], () => last);
    for (const [k, id] of ['p', 'q', 'r'].entries()) expect(index.find(id, last)).toBe(k);
    expect(index.find('s', last)).toBe(-1);
  });

  it.each([1_000, 10_000, 70_000])('keeps every ID through growth (%i IDs)', (count) => {
    const ids = Array.from({ length: count }, (_, k) => `ID-${k * 7919}`);
    const index = indexOf(ids);
    for (let k = 0; k < count; k += 97) expect(lookUp(index, ids[k])).toBe(k);
    expect(lookUp(index, ids[count - 1])).toBe(count - 1);
    for (let k = 0; k < 50; k++) expect(lookUp(index, `ID-${k * 7919 + 1}`)).toBe(-1);
  });

  it('keeps forced collisions through growth', () => {
    const ids = Array.from({ length: 3_000 }, (_, k) => `c${k}`);
    const hashOf = (id: string) => Number(id.slice(1)) % 3; // three long chains
    const index = indexOf(ids, hashOf);
    for (let k = 0; k < ids.length; k += 31) expect(index.find(ids[k], hashOf(ids[k]))).toBe(k);
    expect(index.find('c3000', 0)).toBe(-1);
  });

  it('hash() is hashText, also when asked again for the same ID', () => {
    const index = indexOf([]);
    for (const id of ['a', 'a', 'b', '', 'a']) expect(index.hash(id)).toBe(hashText(id));
  });
});
