/**
 * The knock-on relation between findings: for each finding, the finding it exists only because of
 * (its parent), or -1 for a root. Computed once, from the roster and the findings, in one pass over
 * the findings plus a look-up per class teacher reference. Each link is explicit:
 *
 * - `class-teacher` `teacher-not-provisioned` → the `teacher-email` error of the class's first
 *   referenced teacher that has one (every existing teacher of the class has one, by the rule);
 * - `class-teacher` `teacher-unknown` → for the class's first teacher reference (its owners, else the
 *   teacher a Remind CSV 1.0 class names) that has an explanation: the row that defined that teacher
 *   and was left out (`row-columns`, `cell-too-long`, `id-duplicate`, `row-quotes` of a quote never
 *   closed), the `ref-unknown` saying no file defines it, or else the teacher file's own problem
 *   (`file-missing`, `file-unreadable`, `header-missing` of its ID column, a quote never closed that
 *   took in the file's last rows);
 * - `class-teacher` `teacher-not-enrolled` (Remind CSV 1.0) → the `enrollment-school` finding of the
 *   enrollment that would have made the named teacher its owner but was left out for its school;
 * - `teacher-email` `missing` → the `header-missing` of an email column in the teacher's file;
 * - `student-dob` `missing` → a `header-missing` of a birth-date column, or the birth-date file
 *   (OneRoster demographics.csv) missing or unreadable;
 * - any finding that spreadsheet damage explains (its `because`: a `ref-unknown` of an ID that lost its
 *   leading zeros, a phone in scientific notation…) → that `spreadsheet-damage` finding.
 *
 * A finding that several problems each explain (a class with two teachers, both without email) is
 * attributed to the first in that order, so every finding counts in exactly one cause.
 */
import type { RawFinding } from '../../model/finding.ts';
import type { Roster } from '../../model/roster.ts';
import type { FileSpec } from '../../formats/types.ts';

const NONE = -1;
/** Row findings that leave their row out (`row-quotes` only for a quote never closed: it has `leftOutId`). */
const DROPPED_ROW = new Set(['row-columns', 'cell-too-long', 'id-duplicate', 'row-quotes']);
/** Rows that may define a teacher (a users file holds every role). */
const TEACHER_ROWS = new Set(['teacher', 'user']);
const FILE_PROBLEM = new Set(['file-missing', 'file-unreadable', 'header-missing']);
const PERSON_REF = 'is not a person defined in any file';
const EMAIL_COLUMN = /e-?mail/i;
const DOB_COLUMN = /dob|birth/i;
const DOB_FILE = /demographics/i;

/** Columns a `header-missing` finding lists. */
function missingColumns(f: RawFinding): string[] {
  return (f.detail ?? '').split(',').map((c) => c.trim());
}

function fileNameOf(roster: Roster, f: RawFinding): string {
  return (f.file >= 0 ? roster.files[f.file] : (f.fileName ?? '')).split('/').pop()!.toLowerCase();
}

/** The format's files that define teachers (a teacher file, or a users file of every role). */
function teacherFiles(specs: readonly FileSpec[]): FileSpec[] {
  return specs.filter((s) => s.defines?.kinds.includes('person') && TEACHER_ROWS.has(s.entity));
}

export function knockOnLinks(
  roster: Roster,
  findings: readonly RawFinding[],
  specs: readonly FileSpec[],
): Int32Array {
  const parent = new Int32Array(findings.length).fill(NONE);
  const teacherEmail = new Map<number, number>();
  const droppedRow = new Map<string, number>();
  const unknownPerson = new Map<string, number>();
  const emailHeaderMissing = new Map<number, number>();
  const damage = new Map<string, number>();
  const leftOutEnrollment = new Map<string, number>();
  const rowKey = (file: number, row: number | null) => `${file}\u0000${row ?? ''}`;
  const damageKey = (file: number, field: string | null, reason: string | null) =>
    `${file}\u0000${field ?? ''}\u0000${reason ?? ''}`;
  let dobSource = NONE;
  let teacherFileProblem = NONE;
  const teacherSpecs = teacherFiles(specs);
  const isTeacherFile = (name: string) => teacherSpecs.find((s) => s.name.toLowerCase() === name);

  const first = <K>(map: Map<K, number>, key: K, i: number) => {
    if (!map.has(key)) map.set(key, i);
  };
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.code === 'spreadsheet-damage') first(damage, damageKey(f.file, f.field, f.reason), i);
    else if (f.code === 'teacher-email' && f.subject === 'person') first(teacherEmail, f.index, i);
    else if (f.code === 'enrollment-school') first(leftOutEnrollment, rowKey(f.file, f.row), i);
    else if (DROPPED_ROW.has(f.code) && TEACHER_ROWS.has(f.entity ?? '')) {
      const id = f.code === 'id-duplicate' ? f.id : f.leftOutId;
      if (id) first(droppedRow, id, i);
    } else if (f.code === 'ref-unknown' && f.value !== null && f.detail === PERSON_REF)
      first(unknownPerson, f.value, i);
    // A quote never closed (its `detail`: the lines it took in) left the teacher file's last rows out.
    if (f.code === 'row-quotes' && f.detail !== null && teacherFileProblem === NONE)
      if (isTeacherFile(fileNameOf(roster, f))) teacherFileProblem = i;
    if (!FILE_PROBLEM.has(f.code) || f.reason === 'manifest-property') continue;
    const name = fileNameOf(roster, f);
    const spec = isTeacherFile(name);
    if (f.code === 'header-missing') {
      const columns = missingColumns(f);
      if (f.file >= 0 && columns.some((c) => EMAIL_COLUMN.test(c))) first(emailHeaderMissing, f.file, i);
      if (dobSource === NONE && columns.some((c) => DOB_COLUMN.test(c))) dobSource = i;
      if (spec?.defines && teacherFileProblem === NONE && columns.includes(spec.defines.column))
        teacherFileProblem = i;
    } else {
      if (dobSource === NONE && DOB_FILE.test(name)) dobSource = i;
      if (spec && teacherFileProblem === NONE && f.reason !== 'optional') teacherFileProblem = i;
    }
  }

  const people = roster.people;
  const teacherUnknownCause = (refs: readonly string[]): number => {
    for (const id of refs) {
      const cause = droppedRow.get(id) ?? unknownPerson.get(id);
      if (cause !== undefined) return cause;
    }
    // No row names the teachers: the file that should define them could not be used.
    return refs.some((id) => roster.findPerson(id) < 0) ? teacherFileProblem : NONE;
  };
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const damaged = f.because
      ? damage.get(damageKey(f.because.file, f.because.field, f.because.reason))
      : undefined;
    if (damaged !== undefined) parent[i] = damaged;
    else if (f.code === 'class-teacher' && f.subject === 'class') {
      const c = roster.classes[f.index];
      // The references the rule judged: the owners, else (Remind CSV 1.0) the teacher the class names.
      const refs = c.teacherRefs.length > 0 ? c.teacherRefs : c.namedTeacherRefs;
      if (f.reason === 'teacher-unknown') parent[i] = teacherUnknownCause(refs);
      else if (f.reason === 'teacher-not-enrolled') {
        const owner = c.leftOutOwners.find((o) => o.teacher === f.value);
        if (owner) parent[i] = leftOutEnrollment.get(rowKey(owner.file, owner.row)) ?? NONE;
      } else if (f.reason === 'teacher-not-provisioned') {
        for (const id of refs) {
          const cause = teacherEmail.get(roster.findPerson(id));
          if (cause !== undefined) {
            parent[i] = cause;
            break;
          }
        }
      }
    } else if (f.code === 'teacher-email' && f.reason === 'missing' && f.subject === 'person') {
      parent[i] = emailHeaderMissing.get(people.file(f.index)) ?? NONE;
    } else if (f.code === 'student-dob' && f.reason === 'missing') {
      parent[i] = dobSource;
    }
  }
  return parent;
}
