/**
 * file-empty (rules.md §9): a roster with no school, or with no teacher and no student, must never
 * read as "Ready". One finding per file that should have held them and was read with a header.
 */
import type { FileSpec } from '../formats/types.ts';
import type { Roster } from '../model/roster.ts';
import { fileEmpty } from '../rules/formatting/file-empty.ts';
import type { FindingCollector } from './collector.ts';

export interface ReadFile {
  spec: FileSpec;
  input: number;
  rows: number;
  /** Read as CSV with a header row (not unreadable, not an allowed 0-byte file). */
  withHeader: boolean;
}

function hasTeacherOrStudent(roster: Roster): boolean {
  const people = roster.people;
  for (let i = 0; i < people.count; i++) {
    const role = people.role(i);
    if (role === 'teacher' || role === 'student') return true;
  }
  return false;
}

export function reportEmptyFiles(
  roster: Roster,
  files: readonly ReadFile[],
  findings: FindingCollector,
): void {
  const noSchool = roster.schools.length === 0;
  const noPeople = !hasTeacherOrStudent(roster);
  for (const { spec, input, rows, withHeader } of files) {
    const kinds = spec.defines?.kinds ?? [];
    if (!withHeader || spec.required !== 'yes') continue;
    let detail: string | null = null;
    if (noSchool && kinds.includes('school'))
      detail =
        rows === 0
          ? 'has a header but no rows: the roster has no school'
          : `defines no school in its ${rows} rows`;
    else if (noPeople && kinds.includes('person'))
      detail =
        rows === 0
          ? 'has a header but no rows: the roster has no teacher and no student'
          : `defines no teacher and no student in its ${rows} rows`;
    if (detail) findings.add(fileEmpty, 'row', { file: input, entity: 'file', detail });
  }
}
