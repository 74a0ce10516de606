/** Remind CSV 2.0, in the layout the adapter reads (its LAYOUT table is the one place names live). */
import { LAYOUT } from '../formats/remind-csv-2.ts';
import type { District } from './district.ts';
import { enrollmentRows } from './enrollments.ts';
import { STAFF_PER_SCHOOL } from './layout.ts';
import { cell, FileOut, type ChunkStream } from './output.ts';

const { schools: S, classes: C, users: U, enrollments: E, schoolEnrollments: SE } = LAYOUT;
const USER_COLUMNS = [U.id, U.role, U.firstName, U.lastName, U.email, U.phone, U.dob, U.studentIds].join(',');

export function* remindCsv2Files(d: District): ChunkStream {
  const fam = d.families;
  let out = new FileOut(S.file, `${S.id},${S.name}`);
  for (const s of d.schools) out.line(`${s.id},${d.schoolName(s)}`);
  yield out.take();

  out = new FileOut(C.file, `${C.id},${C.school},${C.name}`);
  for (const s of d.schools) {
    for (let c = s.firstClass; c < s.firstClass + s.classes; c++) {
      const row = `${d.classId(c)},${s.id},${d.className(c, s)}`;
      out.line(row);
      if (d.classPlants.kindOf(c) === 'id-duplicate') out.line(row);
      if (out.full) yield out.take();
    }
  }
  yield out.take();

  out = new FileOut(U.file, USER_COLUMNS);
  for (const s of d.schools) {
    for (let t = s.firstTeacher; t < s.firstTeacher + s.teachers; t++) {
      out.line(
        `${d.teacherId(t)},teacher,${d.teacherFirst(t)},${d.teacherLast(t)},${d.teacherEmail(t)},${d.teacherPhone(t)},,`,
      );
      if (out.full) yield out.take();
    }
    for (let k = s.index * STAFF_PER_SCHOOL; k < (s.index + 1) * STAFF_PER_SCHOOL; k++) {
      out.line(`${d.staffId(k)},staff,${d.staffFirst(k)},${d.staffLast(k)},${d.staffEmail(k)},,,`);
    }
    for (let i = s.firstStudent; i < s.firstStudent + s.students; i++) {
      out.line(
        `${d.studentId(i)},student,${fam.studentFirst(i)},${fam.studentLast(i)},${fam.studentEmail(i, s)},` +
          `${fam.studentPhone(i, s)},${fam.studentDob(i, s, 'iso')},`,
      );
      if (out.full) yield out.take();
    }
  }
  for (let f = 0; f < fam.count; f++) {
    const head = fam.familyHead(f);
    const children =
      fam.familySize(f) === 2 ? cell(`${d.studentId(head)},${d.studentId(head + 1)}`) : d.studentId(head);
    for (let j = 0; j < fam.parentCount(f); j++) {
      out.line(
        `${fam.parentId(f, j)},parent,${fam.parentFirst(f, j)},${fam.parentLast(f, j)},${fam.parentEmail(f, j)},` +
          `${fam.parentPhone(f, j)},,${children}`,
      );
    }
    if (out.full) yield out.take();
  }
  yield out.take();

  out = new FileOut(SE.file, `${SE.school},${SE.user}`);
  for (const s of d.schools) {
    for (let t = s.firstTeacher; t < s.firstTeacher + s.teachers; t++) out.line(`${s.id},${d.teacherId(t)}`);
    for (let k = s.index * STAFF_PER_SCHOOL; k < (s.index + 1) * STAFF_PER_SCHOOL; k++)
      out.line(`${s.id},${d.staffId(k)}`);
    for (let i = s.firstStudent; i < s.firstStudent + s.students; i++) {
      out.line(`${s.id},${d.studentId(i)}`);
      if (out.full) yield out.take();
    }
  }
  yield out.take();

  out = new FileOut(E.file, `${E.class},${E.user},${E.role}`);
  for (const s of d.schools) {
    for (let c = s.firstClass; c < s.firstClass + s.classes; c++) {
      const teacher = d.teacherRef(d.classTeacher(c, s));
      if (teacher) out.line(`${d.classId(c)},${teacher},${E.owner}`);
      const co = d.coTeacher(c, s);
      if (co >= 0) out.line(`${d.classId(c)},${d.teacherId(co)},${E.owner}`);
      if (out.full) yield out.take();
    }
  }
  yield* enrollmentRows(d, out, (_s, c, student) => `${c},${student},${E.member}`);
}
