/** Clever's SFTP CSV format (formats.md "Clever"). Header names are case-insensitive. */
import { own } from '../model/roster.ts';
import { GuardianIdentities } from './guardians.ts';
import type { FileSpec, FormatAdapter, RowContext } from './types.ts';

const req = (name: string) => ({ name, required: true });
const opt = (name: string) => ({ name });
const CO_TEACHERS = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Teacher_${n}_id`);
const HOLD_CONTACT_TYPES = ['emergency', 'secondary'];

const FILES: FileSpec[] = [
  {
    name: 'schools.csv',
    required: 'yes',
    entity: 'school',
    columns: [req('School_id'), req('School_name')],
    defines: { kinds: ['school'], column: 'School_id' },
    names: [{ column: 'School_name', kind: 'school' }],
  },
  {
    name: 'teachers.csv',
    required: 'yes',
    entity: 'teacher',
    columns: [req('School_id'), req('Teacher_id'), req('First_name'), req('Last_name'), opt('Teacher_email')],
    defines: { kinds: ['person'], column: 'Teacher_id' },
  },
  {
    name: 'staff.csv',
    required: 'no',
    entity: 'staff',
    columns: [opt('School_id'), opt('Staff_id'), opt('Staff_email'), opt('First_name'), opt('Last_name')],
    defines: { kinds: ['person'], column: 'Staff_id' },
  },
  {
    name: 'students.csv',
    required: 'yes',
    entity: 'student',
    columns: [
      req('School_id'),
      req('Student_id'),
      req('First_name'),
      req('Last_name'),
      ...['DOB', 'Student_email', 'Contact_name', 'Contact_type', 'Contact_relationship'].map(opt),
      ...['Contact_phone', 'Contact_email', 'Contact_sis_id'].map(opt),
    ],
    defines: { kinds: ['person'], column: 'Student_id' },
  },
  {
    name: 'sections.csv',
    required: 'yes',
    entity: 'class',
    columns: [
      req('School_id'),
      req('Section_id'),
      req('Teacher_id'),
      ...CO_TEACHERS.map(opt),
      opt('Name'),
      opt('Course_name'),
      opt('Period'),
    ],
    defines: { kinds: ['class'], column: 'Section_id' },
    names: [{ column: 'Name', kind: 'class' }],
  },
  {
    name: 'enrollments.csv',
    required: 'yes',
    entity: 'enrollment',
    columns: [req('School_id'), req('Section_id'), req('Student_id')],
  },
];

export const clever: FormatAdapter = {
  id: 'clever',
  label: 'Clever',
  reconstructed: false,
  headerCase: 'insensitive',
  files: FILES,
  knownExtraFiles: ['admins.csv', 'terms.csv', 'courses.csv', 'contacts.csv'],
  read({ roster }) {
    const guardians = new GuardianIdentities(roster);
    const school = (r: RowContext) => r.refIndex('school', 'School_id');
    const people = roster.people;

    function person(r: RowContext, column: string, role: 'teacher' | 'staff') {
      const s = school(r);
      const id = r.id(column);
      if (id === null) return;
      const index = roster.addPerson(id, role, r.file, r.row);
      if (index < 0) return r.duplicate(column, id, roster.origin(roster.findPerson(id)));
      people.setName(index, r.get('First_name'), r.get('Last_name'));
      people.addEmail(index, r.get(role === 'teacher' ? 'Teacher_email' : 'Staff_email'));
      people.addSchool(index, s);
    }

    function contact(r: RowContext, student: number) {
      const name = r.get('Contact_name');
      const phone = r.get('Contact_phone');
      const email = r.get('Contact_email');
      if (!name && !phone && !email) return;
      const sisId = r.get('Contact_sis_id');
      let index: number;
      if (sisId) {
        const known = roster.findPerson(sisId);
        if (known >= 0 && people.role(known) !== 'parent')
          return r.duplicate('Contact_sis_id', sisId, roster.origin(known));
        index = known >= 0 ? known : roster.addPerson(sisId, 'parent', r.file, r.row);
      } else {
        index = guardians.parentFor({ first: name, last: null, email, phone }, r.file, r.row).index;
      }
      if (!people.hasFirstName(index) && name) people.setName(index, name, '');
      people.setSingleName(index);
      people.addEmail(index, email);
      people.addPhone(index, phone);
      people.addStudent(index, student);
      // Compared in place: the usual "Parent/Guardian" makes no string.
      const hold = HOLD_CONTACT_TYPES.some((type) => r.is('Contact_type', type));
      if (hold && people.holdContactType(index) === null)
        people.setHoldContactType(index, r.get('Contact_type'));
    }

    return {
      rows: {
        'schools.csv'(r) {
          const id = r.id('School_id');
          if (id === null) return;
          if (roster.addSchool(id, r.get('School_name'), r.file, r.row) < 0) {
            r.duplicate('School_id', id, roster.schools[roster.schoolIndex.get(id)!]);
          }
        },
        'teachers.csv': (r) => person(r, 'Teacher_id', 'teacher'),
        'staff.csv': (r) => person(r, 'Staff_id', 'staff'),
        'students.csv'(r) {
          const s = school(r);
          const id = r.id('Student_id');
          if (id === null) return;
          let index = roster.findPerson(id);
          if (index >= 0 && people.role(index) !== 'student')
            return r.duplicate('Student_id', id, roster.origin(index));
          if (index < 0) {
            // One row per contact: the student's own columns repeat, the first row's values count.
            index = roster.addPerson(id, 'student', r.file, r.row);
            people.setName(index, r.get('First_name'), r.get('Last_name'));
            people.setDob(index, r.get('DOB'));
            people.addEmail(index, r.get('Student_email'));
          } else {
            r.repeated('First_name', index, people.firstName(index));
            r.repeated('Last_name', index, people.lastName(index));
            r.repeated('DOB', index, people.dob(index) ?? '');
          }
          people.addSchool(index, s);
          contact(r, index);
        },
        'sections.csv'(r) {
          const s = school(r);
          const id = r.id('Section_id');
          // Sections without a teacher are common (lunch, study hall): an empty cell is no ID missing.
          const teachers = ['Teacher_id', ...CO_TEACHERS].map((c) => r.ref('person', c, { optional: true }));
          if (id === null) return;
          const index = roster.addClass(id, r.file, r.row);
          if (index < 0) return r.duplicate('Section_id', id, roster.classes[roster.classIndex.get(id)!]);
          const c = roster.classes[index];
          // Clever builds a name from the course when Name is empty.
          c.name = own(r.get('Name') || r.get('Course_name'));
          c.school = s;
          for (const t of teachers) if (t) roster.addClassTeacher(c, t);
        },
        'enrollments.csv'(r) {
          r.refIndex('school', 'School_id');
          const c = r.refIndex('class', 'Section_id');
          const p = r.refIndex('person', 'Student_id');
          if (c >= 0 && p >= 0 && people.role(p) === 'student') people.addSchool(p, roster.classes[c].school);
        },
      },
      finish: (tick) => guardians.assignIds((i) => people.firstName(i), tick),
    };
  },
};
