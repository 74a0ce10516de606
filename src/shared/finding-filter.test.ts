import { describe, expect, it } from 'vitest';
import { FilterMatches, matchesFilter, pageRange } from './finding-filter.ts';

describe('filtering and paging findings', () => {
  it.each([
    [{}, 'a', ['s1'], true],
    [{ code: 'a' }, 'a', [], true],
    [{ code: 'b' }, 'a', ['s1'], false],
    [{ school: 's1' }, 'a', ['s2', 's1'], true],
    [{ school: null }, 'a', [null], true],
    [{ school: null }, 'a', ['s1'], false],
  ])('%j matches %s in %j: %s', (filter, code, schools, expected) => {
    expect(matchesFilter(filter, code, schools)).toBe(expected);
  });

  it('gathers the positions and reasons of the matches', () => {
    const m = new FilterMatches<number>({ school: 's1' });
    m.add(0, 'a', 'x', ['s1']);
    m.add(1, 'a', null, ['s2']);
    m.add(2, 'b', null, ['s1']);
    expect([m.at, m.reasons]).toEqual([[0, 2], { x: 1, '': 1 }]);
  });

  it.each([
    [10, 0, 5, [0, 5]],
    [10, 8, 5, [8, 10]],
    [10, -3, 5, [0, 5]],
    [10, 20, 5, [10, 10]],
    [10, 2.7, 2.9, [2, 4]],
    [10_000, 0, 9_999, [0, 500]],
  ])('of %i items from %d, %d asked: %j', (total, offset, limit, expected) => {
    expect(pageRange(total, offset, limit)).toEqual(expected);
  });
});
