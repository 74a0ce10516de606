/** Student class enrollments, the largest file of every format, with its planted row problems. */
import type { District } from './district.ts';
import type { SchoolPlan } from './layout.ts';
import type { ChunkStream, FileOut } from './output.ts';

/** Formats one enrollment row; `e` is the enrollment's index (for formats that give it an ID). */
export type EnrollmentRow = (school: SchoolPlan, classId: string, studentId: string, e: number) => string;

/**
 * Every student's classes, school by school, into `out` (which is then finished). Planted:
 * `row-columns` (a cell missing or one too many), `id-missing` (no student ID), `ref-unknown`
 * (a class ID no file defines).
 */
export function* enrollmentRows(d: District, out: FileOut, row: EnrollmentRow): ChunkStream {
  const plants = d.enrollmentPlants;
  for (const s of d.schools) {
    const per = s.classesPerStudent;
    for (let i = s.firstStudent; i < s.firstStudent + s.students; i++) {
      const student = d.studentId(i);
      const first = s.firstEnrollment + (i - s.firstStudent) * per;
      for (let k = 0; k < per; k++) {
        const e = first + k;
        const kind = plants.kindOf(e);
        const cls = d.classId(d.enrollmentClass(i, k, s));
        if (kind === null) out.line(row(s, cls, student, e));
        else if (kind === 'id-missing') out.line(row(s, cls, '', e));
        else if (kind === 'ref-unknown') out.line(row(s, d.unknownClassId(plants.rank(e)), student, e));
        else {
          const text = row(s, cls, student, e);
          out.line(plants.rank(e) % 2 === 0 ? text.slice(0, text.lastIndexOf(',')) : text + ',');
        }
      }
      if (out.full) yield out.take();
    }
  }
  yield out.take();
}
