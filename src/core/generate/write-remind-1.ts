/** Remind CSV 1.0 (formats.md): guardians are columns of students.csv; Windows line endings. */
import type { District } from './district.ts';
import { enrollmentRows } from './enrollments.ts';
import { FileOut, type ChunkStream } from './output.ts';

const EOL = '\r\n';
const COLUMNS = {
  schools: 'school_id,school_name',
  teachers: 'school_id,teacher_id,teacher_first_name,teacher_last_name,teacher_email,teacher_mobile_phone',
  students:
    'school_id,student_id,student_first_name,student_last_name,dob,grade,student_email,student_phone,' +
    'guardian_first_name,guardian_last_name,guardian_email,guardian_phone',
  classes: 'school_id,class_id,teacher_id,class_name',
  enrollments: 'school_id,class_id,user_id',
};

export function* remindCsv1Files(d: District): ChunkStream {
  const fam = d.families;
  let out = new FileOut('schools.csv', COLUMNS.schools, EOL);
  for (const s of d.schools) out.line(`${s.id},${d.schoolName(s)}`);
  yield out.take();

  out = new FileOut('teachers.csv', COLUMNS.teachers, EOL);
  const teacherRow = (school: string, t: number) =>
    `${school},${d.teacherId(t)},${d.teacherFirst(t)},${d.teacherLast(t)},${d.teacherEmail(t)},${d.teacherPhone(t)}`;
  for (const s of d.schools) {
    for (let t = s.firstTeacher; t < s.firstTeacher + s.teachers; t++) {
      out.line(teacherRow(s.id, t));
      if (out.full) yield out.take();
    }
    // A teacher of another school who owns a class here has a row for this school too (formats.md).
    const visiting = new Set<number>();
    for (let c = s.firstClass; c < s.firstClass + s.classes; c++) {
      const t = d.classTeacher(c, s);
      if (t >= 0 && (t < s.firstTeacher || t >= s.firstTeacher + s.teachers)) visiting.add(t);
    }
    for (const t of visiting) out.line(teacherRow(s.id, t));
  }
  yield out.take();

  out = new FileOut('students.csv', COLUMNS.students, EOL);
  for (const s of d.schools) {
    for (let i = s.firstStudent; i < s.firstStudent + s.students; i++) {
      const f = fam.familyOf(i);
      const head =
        `${s.id},${d.studentId(i)},${fam.studentFirst(i)},${fam.studentLast(i)},${fam.studentDob(i, s, 'us-padded')},` +
        `${fam.studentGrade(i, s) === 0 ? 'K' : fam.studentGrade(i, s)},${fam.studentEmail(i, s)},${fam.studentPhone(i, s)},`;
      const parents = fam.parentCount(f);
      for (let j = 0; j < parents; j++) {
        out.line(
          head +
            `${fam.parentFirst(f, j)},${fam.parentLast(f, j)},${fam.parentEmail(f, j)},${fam.parentPhone(f, j)}`,
        );
      }
      if (out.full) yield out.take();
    }
  }
  yield out.take();

  out = new FileOut('classes.csv', COLUMNS.classes, EOL);
  const coTeachers = new FileOut('enrollments.csv', COLUMNS.enrollments, EOL);
  for (const s of d.schools) {
    for (let c = s.firstClass; c < s.firstClass + s.classes; c++) {
      const row = `${s.id},${d.classId(c)},${d.teacherRef(d.classTeacher(c, s))},${d.className(c, s)}`;
      out.line(row);
      if (d.classPlants.kindOf(c) === 'id-duplicate') out.line(row);
      // Class owners are enrollments.csv rows (formats.md); a second teacher is enrolled the same way.
      const teacher = d.classTeacher(c, s);
      if (teacher >= 0) coTeachers.line(`${s.id},${d.classId(c)},${d.teacherId(teacher)}`);
      const co = d.coTeacher(c, s);
      if (co >= 0) coTeachers.line(`${s.id},${d.classId(c)},${d.teacherId(co)}`);
      if (out.full) yield out.take();
    }
  }
  yield out.take();

  yield* enrollmentRows(d, coTeachers, (s, c, student) => `${s.id},${c},${student}`);
}
