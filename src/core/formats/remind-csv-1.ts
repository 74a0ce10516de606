/** Remind CSV 1.0 (formats.md): five files; guardians are columns of students.csv, without IDs. */
import { own } from '../model/roster.ts';
import { GuardianIdentities } from './guardians.ts';
import type { FileSpec, FormatAdapter, RowContext } from './types.ts';

const req = (name: string) => ({ name, required: true });
const opt = (name: string) => ({ name });

const FILES: FileSpec[] = [
  {
    name: 'schools.csv',
    required: 'yes',
    entity: 'school',
    columns: [req('school_id'), req('school_name')],
    defines: { kinds: ['school'], column: 'school_id' },
    names: [{ column: 'school_name', kind: 'school' }],
  },
  {
    name: 'teachers.csv',
    required: 'yes',
    entity: 'teacher',
    columns: [
      req('school_id'),
      req('teacher_id'),
      opt('teacher_first_name'),
      opt('teacher_last_name'),
      req('teacher_email'),
      opt('teacher_mobile_phone'),
    ],
    defines: { kinds: ['person'], column: 'teacher_id' },
  },
  {
    name: 'students.csv',
    required: 'yes',
    entity: 'student',
    columns: [
      req('school_id'),
      req('student_id'),
      opt('student_first_name'),
      opt('student_last_name'),
      req('dob'),
      ...['grade', 'student_email', 'student_phone'].map(opt),
      ...['guardian_first_name', 'guardian_last_name', 'guardian_email', 'guardian_phone'].map(opt),
    ],
    defines: { kinds: ['person'], column: 'student_id' },
  },
  {
    name: 'classes.csv',
    required: 'yes',
    entity: 'class',
    columns: [req('school_id'), req('class_id'), req('teacher_id'), req('class_name')],
    defines: { kinds: ['class'], column: 'class_id' },
    names: [{ column: 'class_name', kind: 'class' }],
  },
  {
    name: 'enrollments.csv',
    required: 'yes',
    entity: 'enrollment',
    columns: [req('school_id'), req('class_id'), req('user_id')],
  },
];

/** Files the format allows to be completely empty. */
export const REMIND_1_MAY_BE_EMPTY = ['classes.csv', 'enrollments.csv'];

export const remindCsv1: FormatAdapter = {
  id: 'remind-csv-1.0',
  label: 'Remind CSV 1.0',
  reconstructed: false,
  headerCase: 'exact',
  files: FILES,
  mayBeEmpty: REMIND_1_MAY_BE_EMPTY,
  read({ roster }) {
    const guardians = new GuardianIdentities(roster);
    const teacherSchools = new Set<string>();
    const schoolRef = (r: RowContext) => r.ref('school', 'school_id');
    const schoolOf = (id: string | null) => (id === null ? -1 : (roster.schoolIndex.get(id) ?? -1));
    const people = roster.people;

    function guardian(r: RowContext, student: number) {
      const first = r.get('guardian_first_name');
      const last = r.get('guardian_last_name');
      const email = r.get('guardian_email');
      const phone = r.get('guardian_phone');
      if (!first && !last && !email && !phone) return;
      const { index, created } = guardians.parentFor({ first, last, email, phone }, r.file, r.row);
      if (created) {
        people.setName(index, first, last);
        people.addEmail(index, email);
        people.addPhone(index, phone);
      }
      people.addStudent(index, student);
    }

    return {
      rows: {
        'schools.csv'(r) {
          const id = r.id('school_id');
          if (id !== null && roster.addSchool(id, r.get('school_name'), r.file, r.row) < 0) {
            r.duplicate('school_id', id, roster.schools[roster.schoolIndex.get(id)!]);
          }
        },
        'teachers.csv'(r) {
          const schoolId = schoolRef(r);
          const id = r.id('teacher_id');
          if (id === null) return;
          // One row per school a teacher works at; only the same teacher and school twice is a repeat.
          const pair = `${id}\u0000${schoolId ?? ''}`;
          let index = roster.findPerson(id);
          if (teacherSchools.has(pair) || (index >= 0 && people.role(index) !== 'teacher')) {
            return r.duplicate('teacher_id', id, roster.origin(index));
          }
          teacherSchools.add(own(pair));
          if (index < 0) {
            index = roster.addPerson(id, 'teacher', r.file, r.row);
            people.setName(index, r.get('teacher_first_name'), r.get('teacher_last_name'));
          }
          people.addEmail(index, r.get('teacher_email'));
          people.addPhone(index, r.get('teacher_mobile_phone'));
          people.addSchool(index, schoolOf(schoolId));
        },
        'students.csv'(r) {
          const school = r.refIndex('school', 'school_id');
          const id = r.id('student_id');
          if (id === null) return;
          let index = roster.findPerson(id);
          if (index >= 0 && people.role(index) !== 'student')
            return r.duplicate('student_id', id, roster.origin(index));
          if (index < 0) {
            // One row per guardian: the student's own columns repeat, the first row's values count.
            index = roster.addPerson(id, 'student', r.file, r.row);
            people.setName(index, r.get('student_first_name'), r.get('student_last_name'));
            people.setDob(index, r.get('dob'));
            people.addEmail(index, r.get('student_email'));
            people.addPhone(index, r.get('student_phone'));
          }
          people.addSchool(index, school);
          guardian(r, index);
        },
        'classes.csv'(r) {
          const school = r.refIndex('school', 'school_id');
          const id = r.id('class_id');
          const teacher = r.ref('person', 'teacher_id');
          if (id === null) return;
          const index = roster.addClass(id, r.file, r.row);
          if (index < 0) return r.duplicate('class_id', id, roster.classes[roster.classIndex.get(id)!]);
          const c = roster.classes[index];
          c.name = own(r.get('class_name'));
          c.school = school;
          if (teacher) roster.addClassTeacher(c, teacher);
        },
        'enrollments.csv'(r) {
          r.refIndex('school', 'school_id');
          const c = r.refIndex('class', 'class_id');
          const p = r.refIndex('person', 'user_id');
          if (c < 0 || p < 0) return;
          if (people.role(p) === 'teacher') roster.addClassTeacher(roster.classes[c], people.id(p));
          else if (people.role(p) === 'student') people.addSchool(p, roster.classes[c].school);
        },
      },
      finish: (tick) => guardians.assignIds((i) => `${people.firstName(i)} ${people.lastName(i)}`, tick),
    };
  },
};
