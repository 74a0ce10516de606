/**
 * Remind CSV 2.0 (formats.md). Only schools.csv, classes.csv and school_enrollments.csv are
 * confirmed publicly; everything else is our reconstruction. Every file and column name of this
 * format is in LAYOUT below so it can be corrected in one place once the official templates are checked.
 */
import { IntList } from '../model/int-list.ts';
import { own, type Role } from '../model/roster.ts';
import type { FileSpec, FormatAdapter } from './types.ts';

export const LAYOUT = {
  schools: { file: 'schools.csv', id: 'school_id', name: 'school_name' },
  classes: { file: 'classes.csv', id: 'class_id', school: 'school_id', name: 'class_name' },
  users: {
    file: 'users.csv',
    id: 'user_id',
    role: 'role',
    firstName: 'first_name',
    lastName: 'last_name',
    email: 'email',
    phone: 'phone',
    dob: 'dob',
    studentIds: 'student_ids',
  },
  enrollments: {
    file: 'enrollments.csv',
    class: 'class_id',
    user: 'user_id',
    role: 'role',
    owner: 'owner',
    member: 'member',
  },
  schoolEnrollments: { file: 'school_enrollments.csv', school: 'school_id', user: 'user_id' },
} as const;

const { schools: S, classes: C, users: U, enrollments: E, schoolEnrollments: SE } = LAYOUT;
const req = (name: string) => ({ name, required: true });
const opt = (name: string) => ({ name });

const FILES: FileSpec[] = [
  {
    name: S.file,
    required: 'yes',
    entity: 'school',
    columns: [req(S.id), req(S.name)],
    defines: { kinds: ['school'], column: S.id },
    names: [{ column: S.name, kind: 'school' }],
  },
  {
    name: C.file,
    required: 'yes',
    entity: 'class',
    columns: [req(C.id), req(C.school), req(C.name)],
    defines: { kinds: ['class'], column: C.id },
    names: [{ column: C.name, kind: 'class' }],
  },
  {
    name: U.file,
    required: 'yes',
    entity: 'user',
    columns: [
      req(U.id),
      req(U.role),
      ...[U.firstName, U.lastName, U.email, U.phone, U.dob, U.studentIds].map(opt),
    ],
    defines: { kinds: ['person'], column: U.id },
  },
  { name: E.file, required: 'yes', entity: 'enrollment', columns: [req(E.class), req(E.user), req(E.role)] },
  { name: SE.file, required: 'yes', entity: 'school enrollment', columns: [req(SE.school), req(SE.user)] },
];

const ROLES: Record<string, Role> = { teacher: 'teacher', student: 'student', parent: 'parent' };
/** Own keys only: a role written "__proto__" or "constructor" is just another staff role. */
const roleOf = (value: string): Role => (Object.hasOwn(ROLES, value) ? ROLES[value] : 'staff');

export const remindCsv2: FormatAdapter = {
  id: 'remind-csv-2.0',
  label: 'Remind CSV 2.0',
  reconstructed: true,
  headerCase: 'exact',
  files: FILES,
  read({ roster }) {
    /** student_ids: the parent listing them, and each ID listed (as a text). */
    const childOf = new IntList();
    const childIds = new IntList();
    const people = roster.people;
    return {
      rows: {
        [S.file](r) {
          const id = r.id(S.id);
          if (id !== null && roster.addSchool(id, r.get(S.name), r.file, r.row) < 0) {
            r.duplicate(S.id, id, roster.schools[roster.schoolIndex.get(id)!]);
          }
        },
        [C.file](r) {
          const id = r.id(C.id);
          const school = r.refIndex('school', C.school);
          if (id === null) return;
          const index = roster.addClass(id, r.file, r.row);
          if (index < 0) return r.duplicate(C.id, id, roster.classes[roster.classIndex.get(id)!]);
          roster.classes[index].name = own(r.get(C.name));
          roster.classes[index].school = school;
        },
        [U.file](r) {
          const id = r.id(U.id);
          if (id === null) return;
          const index = roster.addPerson(id, roleOf(r.get(U.role).toLowerCase()), r.file, r.row);
          if (index < 0) return r.duplicate(U.id, id, roster.origin(roster.findPerson(id)));
          people.setName(index, r.get(U.firstName), r.get(U.lastName));
          people.addEmail(index, r.get(U.email));
          people.addPhone(index, r.get(U.phone));
          if (people.role(index) === 'student') people.setDob(index, r.get(U.dob));
          for (const child of r.get(U.studentIds).split(/[;,]/)) {
            const childId = child.trim();
            if (childId && r.ref('person', U.studentIds, { value: childId })) {
              childOf.push(index);
              childIds.push(people.texts.add(childId));
            }
          }
        },
        [E.file](r) {
          const c = r.refIndex('class', E.class);
          const user = r.refIndex('person', E.user);
          if (c < 0) return;
          // An owner who is not a teacher still counts as the class's teacher (→ teacher-unknown).
          if (r.is(E.role, E.owner)) {
            const id = r.get(E.user);
            if (id) roster.addClassTeacher(roster.classes[c], id);
          } else if (user >= 0) people.addSchool(user, roster.classes[c].school);
        },
        [SE.file](r) {
          const school = r.refIndex('school', SE.school);
          const p = r.refIndex('person', SE.user);
          if (p >= 0) people.addSchool(p, school);
        },
      },
      finish() {
        for (let k = 0; k < childOf.length; k++) {
          const parent = childOf.get(k);
          const child = people.findText(childIds.get(k));
          if (child >= 0 && people.role(parent) === 'parent' && people.role(child) === 'student') {
            people.addStudent(parent, child);
          }
        }
      },
    };
  },
};
