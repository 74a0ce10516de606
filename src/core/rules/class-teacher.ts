import { teacherEmailReason } from './teacher-email.ts';
import type { Role, Roster } from '../model/roster.ts';
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
      'its class_id, and the teacher’s teacher_id as user_id (the message gives the exact row). In the SIS, ' +
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
        return (
          `${cls}: teacher ${f.value} is named in ${f.file ?? 'the class file'}, but no row of enrollments.csv ` +
          `makes a teacher its owner; add the row ${f.detail} (school_id,class_id,user_id) to enrollments.csv.`
        );
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
          if (named.length === 0) [reason, value] = ['teacher-unknown', c.namedTeacherRefs.join(', ')];
          else {
            const school = c.school >= 0 ? ctx.roster.schools[c.school].id : '<school_id>';
            const id = ctx.roster.people.id(named[0]);
            [reason, value, detail] = ['teacher-not-enrolled', id, `${school},${c.id},${id}`];
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
