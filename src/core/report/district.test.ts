import { describe, expect, it } from 'vitest';
import { sameDistrict, schoolKeysOf, whyNotCompared } from './district.ts';

const schools = (...ids: string[]) => ids.map((id) => ({ id, name: `School ${id}` }));
const NO_SCHOOL = { id: null, name: '(no school)' };

describe('whether an earlier report is of the same district', () => {
  it.each([
    ['the same schools', schools('1', '2', '3'), schools('1', '2', '3'), null],
    ['one school of three in common', schools('1', '2', '3'), schools('3', '4', '5'), 'other-district'],
    ['no school in common', schools('1', '2'), schools('8', '9'), 'other-district'],
    ['a partial export of the district', schools('2'), schools('1', '2', '3'), null],
    ['this run names no school', [NO_SCHOOL], schools('1'), 'no-schools'],
    ['the earlier run named no school', schools('1'), [NO_SCHOOL], 'no-schools'],
    ['neither names a school', [NO_SCHOOL], [], 'no-schools'],
    [
      'the same ID under another name is another school',
      [{ id: '1', name: 'North' }],
      [{ id: '1', name: 'South' }],
      'other-district',
    ],
  ])('%s', (_, now, before, expected) => {
    expect(whyNotCompared(now, before)).toBe(expected);
  });

  it('more than half of the smaller list must be shared', () => {
    expect(sameDistrict(schoolKeysOf(schools('1', '2')), schoolKeysOf(schools('1', '3')))).toBe(false);
    expect(sameDistrict(schoolKeysOf(schools('1', '2', '3')), schoolKeysOf(schools('1', '2', '4')))).toBe(
      true,
    );
  });
});
