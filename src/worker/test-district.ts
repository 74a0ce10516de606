/**
 * A small Remind CSV 1.0 district for tests of the worker and the page: many teachers without an
 * email in North (s1), one student with a two-digit birth year in South (s2).
 */
import { Blob as NodeBlob } from 'node:buffer';
import { csv, TODAY } from '../../tests/helpers.ts';
import type { InputFile, RunOutcome } from './api.ts';
import { createValidator } from './validator.ts';

export const TEACHER_HEADER = [
  'school_id',
  'teacher_id',
  'teacher_first_name',
  'teacher_last_name',
  'teacher_email',
  'teacher_mobile_phone',
];

export function district(
  teachersWithoutEmail: number,
  extraTeacherRow: string[] = [],
): Record<string, string> {
  const teachers = Array.from({ length: teachersWithoutEmail }, (_, i) => [
    's1',
    `t${String(i).padStart(3, '0')}`,
    'Teacher',
    `N${i}`,
    '',
    '',
  ]);
  return {
    'schools.csv': csv([
      ['school_id', 'school_name'],
      ['s1', 'North'],
      ['s2', 'South'],
    ]),
    'teachers.csv': csv([
      TEACHER_HEADER,
      ...teachers,
      ['s2', 'tz', 'Zed', 'Ok', 'zed@x.org', ''],
      ...(extraTeacherRow.length ? [extraTeacherRow] : []),
    ]),
    'students.csv': csv([
      ['school_id', 'student_id', 'student_first_name', 'student_last_name', 'dob', 'grade'],
      ['s1', 'st1', 'Bo', 'Kim', '01/05/2012', '5'],
      ['s2', 'st2', 'Al', 'Ray', '1/5/12', '5'],
    ]),
    'classes.csv': csv([
      ['school_id', 'class_id', 'teacher_id', 'class_name'],
      ['s2', 'c1', 'tz', 'Math'],
    ]),
    'enrollments.csv': csv([
      ['school_id', 'class_id', 'user_id'],
      ['s2', 'c1', 'tz'],
      ['s2', 'c1', 'st2'],
    ]),
  };
}

/** A row with one cell too many: a blocking formatting finding in teachers.csv. */
export const BROKEN_TEACHER_ROW = ['s2', 'tbad', 'Too', 'Many', '', '', 'extra'];

/** In-memory files as the page sends them (Node's Blob, which jsdom's lacks the methods of). */
export function inputFiles(files: Record<string, string>, fromFolder = false): InputFile[] {
  return Object.entries(files).map(([name, text]) => ({
    name,
    blob: new NodeBlob([text]) as unknown as Blob,
    fromFolder,
  }));
}

/** The worker facade after checking the given files, and its outcome. */
export async function checked(files: Record<string, string>) {
  const api = createValidator();
  const outcome: RunOutcome = await api.run({
    input: { kind: 'files', files: inputFiles(files) },
    now: TODAY.toISOString(),
  });
  if (!outcome.ok) throw new Error(`the test district could not be checked: ${outcome.message}`);
  return { api, report: outcome };
}
