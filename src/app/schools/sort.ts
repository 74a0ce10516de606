/** Sorting and filtering the Schools table. */
import { schoolCounts, schoolStatus, type SchoolStatus } from '../../core/report/status.ts';
import type { SchoolEntry } from '../../shared/report-types.ts';

export type SortKey = 'name' | 'teachers' | 'students' | 'errors' | 'alerts' | 'status';
export type SortDirection = 'ascending' | 'descending';

const STATUS_RANK: Record<SchoolStatus, number> = { unplaced: 0, ready: 1, alerts: 2, errors: 3 };

function value(school: SchoolEntry, key: SortKey): number | string {
  switch (key) {
    case 'name':
      return school.name.toLocaleLowerCase('en-US');
    case 'teachers':
      return school.counts.teachers;
    case 'students':
      return school.counts.students;
    case 'errors':
      return schoolCounts(school).errors;
    case 'alerts':
      return schoolCounts(school).alerts;
    case 'status':
      return STATUS_RANK[schoolStatus(school)];
  }
}

/** A stable sort: ties keep the report's order. By name, the "(no school)" bucket stays last. */
export function sortSchools(
  schools: readonly SchoolEntry[],
  key: SortKey,
  direction: SortDirection,
): SchoolEntry[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const last = (s: SchoolEntry) => (key === 'name' && s.id === null ? 1 : 0);
  return schools
    .map((school, i) => ({ school, i, v: value(school, key) }))
    .sort((a, b) => last(a.school) - last(b.school) || (a.v < b.v ? -sign : a.v > b.v ? sign : a.i - b.i))
    .map((x) => x.school);
}

/** Schools whose name (or ID) contains the text, ignoring case. */
export function filterSchools(schools: readonly SchoolEntry[], text: string): SchoolEntry[] {
  const needle = text.trim().toLocaleLowerCase('en-US');
  if (!needle) return [...schools];
  return schools.filter(
    (s) =>
      s.name.toLocaleLowerCase('en-US').includes(needle) ||
      (s.id ?? '').toLocaleLowerCase('en-US').includes(needle),
  );
}

/** Names sort A→Z first; numbers and status most first. */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'name' ? 'ascending' : 'descending';
}
