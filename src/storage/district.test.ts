import { describe, expect, it } from 'vitest';
import {
  districtAfterRun,
  districtLabel,
  matchDistrict,
  namedDistrict,
  NO_SCHOOLS_DISTRICT,
  schoolKeysOf,
} from './district.ts';
import type { DistrictRecord } from './schema.ts';
import { school } from '../../tests/fixtures/storage.ts';

const schools = (...ids: string[]) => ids.map((id) => school(id, `School ${id}`));
const district = (id: string, lastRunAt: string, ...ids: string[]): DistrictRecord => ({
  id,
  label: id,
  schools: schoolKeysOf(schools(...ids)),
  lastRunAt,
});

const TEN = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const KNOWN = [district('a', '2026-11-01', ...TEN), district('b', '2026-11-02', '20', '21', '22')];

describe('which district a run belongs to', () => {
  it.each([
    ['the same schools', TEN, 'a'],
    ['one school added', [...TEN, '11'], 'a'],
    ['one school dropped', TEN.slice(1), 'a'],
    ['only one school exported', ['4'], 'a'],
    ['schools listed in another order', [...TEN].reverse(), 'a'],
    ['the other district', ['20', '21', '22'], 'b'],
    ['the whole district and another one merged into it', [...TEN, '30', '31', '32'], 'a'],
    ['mostly new schools', ['1', '2', '30', '31', '32'], null],
    ['exactly half known (not more)', ['1', '2', '30', '31'], null],
    ['half of a small district', ['20', '30'], null],
    ['no school at all', [], null],
  ])('%s', (_, ids, expected) => {
    expect(matchDistrict(schoolKeysOf(schools(...ids)), KNOWN)?.id ?? null).toBe(expected);
  });

  it('knows a school by its ID and name together, so a shared ID such as "1" is not enough', () => {
    const elsewhere = ['1', '2', '3'].map((id) => school(id, `Elsewhere ${id}`));
    expect(matchDistrict(schoolKeysOf(elsewhere), KNOWN)).toBeNull();
    expect(schoolKeysOf([school('1', ' North HIGH '), school('1', 'north high')])).toHaveLength(1);
  });

  it('prefers the more recently run district when two fit as well', () => {
    const twins = [district('old', '2026-10-01', '1', '2'), district('new', '2026-11-01', '1', '2')];
    expect(matchDistrict(schoolKeysOf(schools('1', '2')), twins)?.id).toBe('new');
  });

  it('grows a district with the schools of its runs, so a later full export still matches', () => {
    const first = districtAfterRun(schools('4'), '2026-11-01', []);
    const full = districtAfterRun(schools(...TEN), '2026-11-02', [first]);
    expect(full.id).toBe(first.id);
    expect(full.schools).toHaveLength(10);
    expect(districtAfterRun(schools('11', '12'), '2026-11-03', [full]).id).not.toBe(first.id);
  });

  it('keeps the name the admin gave, and names after the schools otherwise', () => {
    const named = { ...district('a', '2026-11-01', ...TEN), label: 'Springfield', named: true };
    expect(districtAfterRun(schools(...TEN), '2026-11-05', [named]).label).toBe('Springfield');
    const unnamed = district('a', '2026-11-01', ...TEN);
    expect(districtAfterRun(schools('1'), '2026-11-05', [unnamed]).label).toBe('School 1');
  });

  it('groups runs without any school in a district of their own', () => {
    const none = districtAfterRun([], '2026-11-01', KNOWN);
    expect(none.id).toBe(NO_SCHOOLS_DISTRICT);
    expect(districtAfterRun([], '2026-11-02', [...KNOWN, none]).id).toBe(NO_SCHOOLS_DISTRICT);
  });

  it.each([
    [[], 'Runs without schools'],
    [['1'], 'School 1'],
    [['1', '2'], 'School 1 and School 2'],
    [['1', '2', '3'], 'School 1, School 2 and 1 more school'],
    [['1', '2', '3', '4'], 'School 1, School 2 and 2 more schools'],
  ])('labels %j as "%s"', (ids, label) => {
    expect(districtLabel(schools(...ids))).toBe(label);
  });
});

describe('the district the admin names for a run without schools', () => {
  const AT = '2026-11-05';
  it('is a known district, its last run moved on', () => {
    expect(namedDistrict({ id: 'b' }, AT, KNOWN)).toEqual({ ...KNOWN[1], lastRunAt: AT });
    expect(namedDistrict({ id: 'a' }, '2026-10-01', KNOWN)).toEqual(KNOWN[0]);
  });

  it('is a new district of the name given, named by the admin and without schools', () => {
    const made = namedDistrict({ label: '  Springfield  ' }, AT, KNOWN);
    expect(made).toMatchObject({ label: 'Springfield', named: true, schools: [], lastRunAt: AT });
    expect(made!.id).toMatch(/^d-/);
    expect(made!.id).not.toBe(namedDistrict({ label: 'Springfield' }, AT, KNOWN)!.id);
  });

  it("is the known district whose name is given, and nothing for an empty name or the schoolless runs' own", () => {
    expect(namedDistrict({ label: ' B ' }, AT, KNOWN)?.id).toBe('b');
    expect(namedDistrict({ label: '   ' }, AT, KNOWN)).toBeNull();
    const none = { id: NO_SCHOOLS_DISTRICT, label: 'Runs without schools', schools: [], lastRunAt: AT };
    expect(namedDistrict({ id: NO_SCHOOLS_DISTRICT }, AT, [...KNOWN, none])).toBeNull();
    expect(namedDistrict({ id: 'gone' }, AT, KNOWN)).toBeNull();
  });
});
