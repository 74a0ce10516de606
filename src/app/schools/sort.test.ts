import { describe, expect, it } from 'vitest';
import type { SchoolEntry } from '../../shared/report-types.ts';
import { SchoolIndex } from './school-index.ts';
import { firstDirection, type SortDirection, type SortKey } from './sort.ts';

const school = (
  id: string | null,
  name: string,
  teachers: number,
  errors: number,
  alerts: number,
): SchoolEntry => ({
  id,
  name,
  counts: { teachers, students: teachers * 10, parents: 0, classes: 0 },
  error: errors ? { 'teacher-email': errors } : {},
  alert: alerts ? { 'device-in-use': alerts } : {},
});

// In report order (by name, the "(no school)" bucket last).
const SCHOOLS = [
  school('s3', 'Adams', 5, 0, 2),
  school('s1', 'banks', 12, 3, 0),
  school('s2', 'Carver', 8, 0, 0),
  school(null, '(no school)', 1, 1, 0),
];
const names = (shown: number[]) => shown.map((i) => SCHOOLS[i].name);

describe('sorting schools', () => {
  it.each<[SortKey, SortDirection, string[]]>([
    // Case does not matter; the "(no school)" bucket is not a name and stays last.
    ['name', 'ascending', ['Adams', 'banks', 'Carver', '(no school)']],
    ['name', 'descending', ['Carver', 'banks', 'Adams', '(no school)']],
    ['teachers', 'descending', ['banks', 'Carver', 'Adams', '(no school)']],
    ['students', 'ascending', ['(no school)', 'Adams', 'Carver', 'banks']],
    ['errors', 'descending', ['banks', '(no school)', 'Adams', 'Carver']],
    ['alerts', 'descending', ['Adams', 'banks', 'Carver', '(no school)']],
    // Ties keep the report order: errors first, then alerts only, then ready.
    ['status', 'descending', ['banks', '(no school)', 'Adams', 'Carver']],
    ['status', 'ascending', ['Carver', 'Adams', 'banks', '(no school)']],
  ])('by %s, %s', (key, direction, expected) => {
    expect(names(new SchoolIndex(SCHOOLS).shown('', key, direction))).toEqual(expected);
  });

  it('starts names A to Z and numbers with the most', () => {
    expect(firstDirection('name')).toBe('ascending');
    expect(firstDirection('errors')).toBe('descending');
  });
});

describe('filtering schools', () => {
  it.each([
    ['', ['Adams', 'banks', 'Carver', '(no school)']],
    ['  ', ['Adams', 'banks', 'Carver', '(no school)']],
    ['AR', ['Carver']],
    ['an', ['banks']],
    ['s2', ['Carver']],
    ['zzz', []],
  ])('"%s"', (text, expected) => {
    expect(names(new SchoolIndex(SCHOOLS).shown(text, 'name', 'ascending'))).toEqual(expected);
  });
});
