/** Clever SFTP CSVs (formats.md "Clever"), with some of the extra columns real exports carry. */
import type { District } from './district.ts';
import { FileOut, type ChunkStream } from './output.ts';
import { STAFF_PER_SCHOOL, type SchoolPlan } from './layout.ts';
import { enrollmentRows } from './enrollments.ts';

export const CLEVER_COLUMNS = {
  'schools.csv': 'School_id,School_name,School_number,Low_grade,High_grade,Principal,Principal_email',
  'teachers.csv': 'School_id,Teacher_id,Teacher_number,Last_name,First_name,Teacher_email,Title',
  'staff.csv': 'School_id,Staff_id,Staff_email,First_name,Last_name,Title',
  'students.csv':
    'School_id,Student_id,Student_number,Last_name,First_name,DOB,Grade,Student_email,' +
    'Contact_name,Contact_type,Contact_relationship,Contact_phone,Contact_email,Contact_sis_id',
  'sections.csv':
    'School_id,Section_id,Teacher_id,Teacher_2_id,Name,Course_name,Course_number,Period,Term_name',
  'enrollments.csv': 'School_id,Section_id,Student_id',
} as const;

const grade = (g: number) => (g === 0 ? 'Kindergarten' : String(g));

export function* cleverFiles(d: District): ChunkStream {
  let out = new FileOut('schools.csv', CLEVER_COLUMNS['schools.csv']);
  for (const s of d.schools) {
    const principal = s.index * STAFF_PER_SCHOOL;
    out.line(
      `${s.id},${d.schoolName(s)},${100 + s.index},${grade(s.lowGrade)},${grade(s.highGrade)},` +
        `${d.staffFirst(principal)} ${d.staffLast(principal)},${d.staffEmail(principal)}`,
    );
  }
  yield out.take();

  out = new FileOut('teachers.csv', CLEVER_COLUMNS['teachers.csv']);
  for (const s of d.schools) {
    for (let t = s.firstTeacher; t < s.firstTeacher + s.teachers; t++) {
      out.line(
        `${s.id},${d.teacherId(t)},${5000 + t},${d.teacherLast(t)},${d.teacherFirst(t)},${d.teacherEmail(t)},Teacher`,
      );
      if (out.full) yield out.take();
    }
  }
  yield out.take();

  out = new FileOut('staff.csv', CLEVER_COLUMNS['staff.csv']);
  for (const s of d.schools) {
    for (let k = s.index * STAFF_PER_SCHOOL; k < (s.index + 1) * STAFF_PER_SCHOOL; k++) {
      out.line(
        `${s.id},${d.staffId(k)},${d.staffEmail(k)},${d.staffFirst(k)},${d.staffLast(k)},${d.staffTitle(k)}`,
      );
    }
  }
  yield out.take();

  out = new FileOut('students.csv', CLEVER_COLUMNS['students.csv']);
  for (const s of d.schools) {
    for (let i = s.firstStudent; i < s.firstStudent + s.students; i++) {
      studentRows(d, s, i, out);
      if (out.full) yield out.take();
    }
  }
  yield out.take();

  out = new FileOut('sections.csv', CLEVER_COLUMNS['sections.csv']);
  for (const s of d.schools) {
    for (let c = s.firstClass; c < s.firstClass + s.classes; c++) {
      const name = d.className(c, s);
      const course = name === '' ? '' : d.course(c, s);
      const row =
        `${s.id},${d.classId(c)},${d.teacherRef(d.classTeacher(c, s))},${d.teacherRef(d.coTeacher(c, s))},` +
        `${name},${course},${200 + (c - s.firstClass)},${d.period(c, s)},2026-27`;
      out.line(row);
      if (d.classPlants.kindOf(c) === 'id-duplicate') out.line(row);
      if (out.full) yield out.take();
    }
  }
  yield out.take();

  const enrollments = new FileOut('enrollments.csv', CLEVER_COLUMNS['enrollments.csv']);
  yield* enrollmentRows(d, enrollments, (s, c, student) => `${s.id},${c},${student}`);
}

/** One row per contact; the student's own columns repeat on each. */
function studentRows(d: District, s: SchoolPlan, i: number, out: FileOut): void {
  const fam = d.families;
  const f = fam.familyOf(i);
  const head =
    `${s.id},${d.studentId(i)},${d.studentId(i)},${fam.studentLast(i)},${fam.studentFirst(i)},` +
    `${fam.studentDob(i, s, 'us')},${grade(fam.studentGrade(i, s))},${fam.studentEmail(i, s)},`;
  const parents = fam.parentCount(f);
  const withId = fam.hasContactId(f);
  for (let j = 0; j < parents; j++) {
    const first = fam.parentFirst(f, j);
    const name = first === '' ? '' : `${first} ${fam.parentLast(f, j)}`;
    out.line(
      head +
        `${name},${fam.contactType(f, j)},${fam.relationship(f, j)},${fam.parentPhone(f, j)},` +
        `${fam.parentEmail(f, j)},${withId ? fam.parentId(f, j) : ''}`,
    );
  }
}
