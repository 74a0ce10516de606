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

    /** Why an enrollment in `school` does not count (formats.md), or null when it does. */
    function wrongSchool(school: number, classSchool: number, p: number, role: string, classId: string) {
      const name = (s: number) => roster.schools[s].id;
      const notClass = classSchool >= 0 && school !== classSchool;
      let notPerson = people.schoolCount(p) > 0;
      for (let k = 0; notPerson && k < people.schoolCount(p); k++) notPerson = people.school(p, k) !== school;
      if (!notClass && !notPerson) return null;
      const schools = people.schools(p);
      const who = `${role} ${people.id(p)}`;
      const theirs = `${who} is in school ${schools.map(name).join(' and ')} (${role}s.csv)`;
      const where = `school_id ${name(school)} puts ${who} in class ${classId}`;
      if (notClass && notPerson)
        return `${where}, but the class is in school ${name(classSchool)} and ${theirs}`;
      return notClass
        ? `${where}, but the class is in school ${name(classSchool)}`
        : `${where}, but ${theirs}`;
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
            people.addEmail(index, r.get('teacher_email'));
          } else {
            // The same teacher at another school: the first row's name and email count.
            r.repeated('teacher_first_name', index, people.firstName(index));
            r.repeated('teacher_last_name', index, people.lastName(index));
            r.repeated('teacher_email', index, people.emails(index)[0] ?? '', true);
          }
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
          } else {
            r.repeated('student_first_name', index, people.firstName(index));
            r.repeated('student_last_name', index, people.lastName(index));
            r.repeated('dob', index, people.dob(index) ?? '');
          }
          people.addSchool(index, school);
          guardian(r, index);
        },
        'classes.csv'(r) {
          const school = r.refIndex('school', 'school_id');
          const id = r.id('class_id');
          // An empty teacher_id is no ID missing: the class just names no teacher (class-teacher).
          const teacher = r.ref('person', 'teacher_id', { optional: true });
          if (id === null) return;
          const index = roster.addClass(id, r.file, r.row);
          if (index < 0) return r.duplicate('class_id', id, roster.classes[roster.classIndex.get(id)!]);
          const c = roster.classes[index];
          c.name = own(r.get('class_name'));
          c.school = school;
          // Owners come from enrollments.csv; the class's row only names its teacher (formats.md).
          if (teacher) roster.nameClassTeacher(c, teacher);
        },
        'enrollments.csv'(r) {
          const school = r.refIndex('school', 'school_id');
          const c = r.refIndex('class', 'class_id');
          const p = r.refIndex('person', 'user_id');
          if (c < 0 || p < 0 || school < 0) return;
          const cls = roster.classes[c];
          const role = people.role(p);
          if (role !== 'teacher' && role !== 'student') return;
          const why = wrongSchool(school, cls.school, p, role, cls.id);
          if (why) {
            // Kept so that the class's missing owner can point at this row instead of asking for it again.
            if (role === 'teacher')
              roster.leaveOutClassOwner(cls, {
                teacher: people.id(p),
                school,
                teacherSchools: people.schools(p),
                file: r.file,
                row: r.row,
              });
            return r.enrollmentSchool('school_id', why);
          }
          if (role === 'teacher') roster.addClassTeacher(cls, people.id(p));
        },
      },
      finish: (tick) => guardians.assignIds((i) => `${people.firstName(i)} ${people.lastName(i)}`, tick),
    };
  },
};
