import { teacherEmailReason } from './teacher-email.ts';
import type { LeftOutOwner, NamedOutside, Role, Roster, RosterClass } from '../model/roster.ts';
import type { DataRule } from './rule.ts';

const TLDS = 'com|org|net|edu|gov|io|ly|co|us|me|info|app|link|gl';
const DOMAIN_WORD = new RegExp(`^[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})(?:/.*)?$`, 'i');
const EDGE_PUNCTUATION = /^[("'[<{]+|[)"'\]>},;:!?.]+$/g;

/** Our rule (rules.md §5): "://", "www.", or a word like label.tld or label.tld/… with a listed tld. */
export function containsUrl(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.includes('://') || lower.includes('www.')) return true;
  // Every other URL form has a dot (label.tld): most class names have none, and need no more work.
  if (!name.includes('.')) return false;
  return name.split(/\s+/).some((word) => DOMAIN_WORD.test(word.replace(EDGE_PUNCTUATION, '')));
}

const ROLE_WORDS: Record<Role, string> = {
  student: 'a student',
  parent: 'a parent',
  staff: 'a staff member (not a teacher role)',
  teacher: 'a teacher',
};

/** The first referenced person who exists in another role, as "st1 is a student (users.csv row 3)". */
function notATeacher(roster: Roster, refs: readonly string[]): string | null {
  for (const id of refs) {
    const p = roster.findPerson(id);
    if (p < 0) continue;
    const { file, row } = roster.origin(p);
    return `${id} is ${ROLE_WORDS[roster.people.role(p)]} (${roster.files[file]} row ${row})`;
  }
  return null;
}

/** The first owner enrollment of a named teacher that the format left out for its school. */
function leftOutOwnerOf(roster: Roster, c: RosterClass, named: readonly number[]) {
  for (const owner of c.leftOutOwners) {
    const teacher = named.find((n) => roster.people.id(n) === owner.teacher);
    if (teacher !== undefined) return { owner, teacher };
  }
  return null;
}

/**
 * Why that enrollment does not count and what would make it count: "enrollments.csv row 4 makes them
 * its owner but is left out (enrollment-school), because t1 is not in school s2 (teachers.csv); add …".
 */
function leftOutClause(roster: Roster, c: RosterClass, owner: LeftOutOwner, teacher: number): string {
  const school = (s: number) => roster.schools[s].id;
  const target = c.school >= 0 ? c.school : owner.school;
  const otherSchool = c.school >= 0 && owner.school !== c.school;
  const outside = !owner.teacherSchools.includes(target);
  const teacherFile = roster.files[roster.people.file(teacher)];
  const why = [
    otherSchool ? `its school_id ${school(owner.school)} is not the class’s school ${school(c.school)}` : '',
    outside ? `${owner.teacher} is not in school ${school(target)} (${teacherFile})` : '',
  ].filter(Boolean);
  const addTeacher = `add a row for ${owner.teacher} in school ${school(target)} to ${teacherFile}`;
  const fix =
    otherSchool && outside
      ? `give that row school_id ${school(c.school)} and ${addTeacher}, or correct the class’s school`
      : otherSchool
        ? `give that row school_id ${school(c.school)}`
        : `${addTeacher}, or correct the class’s school`;
  return (
    `${roster.files[owner.file]} row ${owner.row} makes them its owner but is left out (enrollment-school), ` +
    `because ${why.join(' and ')}; ${fix}`
  );
}

/**
 * No owner row, and the teacher's own rows are in other schools, so the row to add alone would be left
 * out (enrollment-school): "… t2 is not in school s2 (teachers.csv); add a row for t2 in school s2 to
 * teachers.csv and the row s2,c1,t2 …, or correct the class's school to s1 and add the row s1,c1,t2 …".
 */
function outsideClause(roster: Roster, c: RosterClass, outside: NamedOutside, teacher: number): string {
  const school = (s: number) => roster.schools[s].id;
  const teacherFile = roster.files[roster.people.file(teacher)];
  const row = (s: number) => `the row ${school(s)},${c.id},${outside.teacher}`;
  const theirs = outside.teacherSchools;
  const correct =
    theirs.length === 1
      ? `correct the class’s school to ${school(theirs[0])} and add ${row(theirs[0])}`
      : `correct the class’s school to one of theirs (${theirs.map(school).join(', ')}) and add the row ` +
        `<school_id>,${c.id},${outside.teacher}`;
  return (
    `no row of enrollments.csv makes a teacher its owner, and ${outside.teacher} is not in school ` +
    `${school(c.school)} (${teacherFile}), so an owner row there would be left out (enrollment-school); ` +
    `add a row for ${outside.teacher} in school ${school(c.school)} to ${teacherFile} and ${row(c.school)} ` +
    `(school_id,class_id,user_id) to enrollments.csv, or ${correct}`
  );
}

export type ClassTeacherReason =
  | 'name-missing'
  | 'name-url'
  | 'no-teacher'
  | 'teacher-not-enrolled'
  | 'teacher-unknown'
  | 'teacher-not-provisioned';

export const classTeacher: DataRule = {
  code: 'class-teacher',
  severity: 'error',
  title: 'Class without a usable name or teacher',
  remindName: 'No teacher for a class',
  reasons: [
    'name-missing',
    'name-url',
    'no-teacher',
    'teacher-not-enrolled',
    'teacher-unknown',
    'teacher-not-provisioned',
  ],
  explanation:
    'Remind creates a class only when it has a name and an owner: a teacher in the roster who gets an ' +
    'account. Names that contain a web address are refused.',
  fix: {
    'name-missing': 'Give the class (section) a name in the SIS.',
    'name-url': 'Remove the web address from the class name in the SIS.',
    'no-teacher': 'Assign a teacher to the class in the SIS.',
    'teacher-not-enrolled':
      'Add a row to enrollments.csv that makes the teacher the class’s owner: the class’s school_id, ' +
      'its class_id, and the teacher’s teacher_id as user_id (the message gives the exact row). When the ' +
      'message says that row is there but left out for its school, fix what it names instead: give the ' +
      'teacher a row in teachers.csv for the class’s school, or correct the class’s school. When it says ' +
      'the teacher is not in the class’s school, that row alone would be left out too: add both rows it ' +
      'names, or correct the class’s school and add the row for that school. In the SIS, ' +
      'make the teacher the section’s teacher of record so that every export writes that row.',
    'teacher-unknown':
      'The class’s teacher is not in the teacher file: add the teacher, or correct the teacher ID.',
    'teacher-not-provisioned':
      'Fix the teacher-email error of the class’s teacher; the class is created once the teacher is.',
  },
  message: (f) => {
    const cls = f.name ? `Class "${f.name}" (${f.id})` : `Class ${f.id}`;
    switch (f.reason) {
      case 'name-missing':
        return `Class ${f.id} has no name.`;
      case 'name-url':
        return `${cls} has a web address in its name.`;
      case 'no-teacher':
        return `${cls} has no teacher.`;
      case 'teacher-not-enrolled':
        // detail: why no enrollment counts, and what to do about it.
        return `${cls}: teacher ${f.value} is named in ${f.file ?? 'the class file'}, but ${f.detail}.`;
      case 'teacher-unknown':
        // detail: what the first referenced person is instead ("st1 is a student (users.csv row 3)").
        return f.detail
          ? `${cls}: its teacher ${f.detail}, not a teacher; a class needs a teacher of the roster as owner.`
          : `${cls}: teacher ${f.value} is not a teacher in the roster.`;
      default:
        return `${cls}: its teacher ${f.value} has no account (teacher-email error).`;
    }
  },
  start: (ctx) => {
    const provisioned = new Map<number, boolean>();
    const isProvisioned = (t: number) => {
      let ok = provisioned.get(t);
      if (ok === undefined) provisioned.set(t, (ok = teacherEmailReason(ctx.devices(t)) === null));
      return ok;
    };
    const existingTeachers = (refs: readonly string[]) => {
      const teachers: number[] = [];
      for (const id of refs) {
        const t = ctx.roster.findPerson(id);
        if (t >= 0 && ctx.roster.people.role(t) === 'teacher') teachers.push(t);
      }
      return teachers;
    };
    return {
      class(c, i) {
        let reason: ClassTeacherReason | null = null;
        let value: string | null = null;
        let field: string | null = 'teacher';
        let detail: string | null = null;
        if (c.name.trim() === '') [reason, field] = ['name-missing', 'name'];
        else if (containsUrl(c.name)) [reason, field, value] = ['name-url', 'name', c.name];
        else if (c.teacherRefs.length === 0 && c.namedTeacherRefs.length === 0) reason = 'no-teacher';
        else if (c.teacherRefs.length === 0) {
          // Named on the class's row, but no enrollment makes anyone its owner (Remind CSV 1.0).
          const named = existingTeachers(c.namedTeacherRefs);
          if (named.length === 0) {
            [reason, value] = ['teacher-unknown', c.namedTeacherRefs.join(', ')];
            detail = notATeacher(ctx.roster, c.namedTeacherRefs);
          } else {
            const leftOut = leftOutOwnerOf(ctx.roster, c, named);
            // value: the teacher the left-out row names (causes/links.ts finds that row by it).
            [reason, value] = ['teacher-not-enrolled', ctx.roster.people.id(leftOut?.teacher ?? named[0])];
            if (leftOut) detail = leftOutClause(ctx.roster, c, leftOut.owner, leftOut.teacher);
            else {
              const outside = c.namedOutside.find((n) => n.teacher === value);
              const school = c.school >= 0 ? ctx.roster.schools[c.school].id : '<school_id>';
              detail = outside
                ? outsideClause(ctx.roster, c, outside, named[0])
                : `no row of enrollments.csv makes a teacher its owner; add the row ${school},${c.id},${value} ` +
                  '(school_id,class_id,user_id) to enrollments.csv';
            }
          }
        } else {
          const teachers = existingTeachers(c.teacherRefs);
          if (teachers.length === 0) {
            [reason, value] = ['teacher-unknown', c.teacherRefs.join(', ')];
            detail = notATeacher(ctx.roster, c.teacherRefs);
          } else if (!teachers.some(isProvisioned))
            [reason, value] = [
              'teacher-not-provisioned',
              teachers.map((t) => ctx.roster.people.id(t)).join(', '),
            ];
        }
        if (reason) ctx.reportClass(classTeacher, i, { reason, field, value, detail });
      },
    };
  },
};
