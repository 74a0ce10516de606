/** OneRoster 1.1 and 1.2 (formats.md): one reader, two file lists. */
import { own, ROLE_RANK, type Role } from '../model/roster.ts';
import { ONEROSTER_11_FILES, ONEROSTER_12_FILES, ONEROSTER_OTHER_FILES } from './oneroster-files.ts';
import type { AdapterContext, FormatAdapter, FormatReader, RecordKind, RowContext } from './types.ts';

const ROLE_MAP: Record<string, Role> = {
  teacher: 'teacher',
  student: 'student',
  parent: 'parent',
  guardian: 'parent',
  relative: 'parent',
};

export function oneRosterRole(value: string): Role {
  const key = value.trim().toLowerCase();
  // Own keys only: a role written "__proto__" or "constructor" is just another staff role.
  return Object.hasOwn(ROLE_MAP, key) ? ROLE_MAP[key] : 'staff';
}

/** Comma-separated list cells (orgSourcedIds, agentSourcedIds, termSourcedIds). */
function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function removed(r: RowContext): boolean {
  return r.get('status').toLowerCase() === 'tobedeleted';
}

function reader({ roster }: AdapterContext, version: '1.1' | '1.2'): FormatReader {
  const agents: Array<[number, string]> = [];
  const otherOrgs = new Map<string, { file: number; row: number }>();
  /** First row of each session, course and birth date, for id-duplicate findings. */
  const firstRows = new Map<string, { file: number; row: number }>();
  const once = (r: RowContext, key: string, column: string, id: string): boolean => {
    const earlier = firstRows.get(key);
    if (earlier) r.duplicate(column, id, earlier);
    else firstRows.set(key, { file: r.file, row: r.row });
    return !earlier;
  };
  /** 1.2 users start without a role; this marks those that got one from roles.csv. */
  const roleGiven = new Set<number>();
  const schoolOf = (id: string | null) => (id === null ? -1 : (roster.schoolIndex.get(id) ?? -1));
  const people = roster.people;

  function defineOnce(r: RowContext, kind: RecordKind, column: string): string | null {
    const id = r.id(column);
    if (id === null) return null;
    if (removed(r)) {
      r.removed(kind, id);
      return null;
    }
    return id;
  }

  const rows: FormatReader['rows'] = {
    'manifest.csv'() {},
    'orgs.csv'(r) {
      const id = defineOnce(r, r.get('type') === 'school' ? 'school' : 'org', 'sourcedId');
      if (id === null) return;
      r.ref('org', 'parentSourcedId', { optional: true });
      const earlier = roster.schoolIndex.has(id)
        ? roster.schools[roster.schoolIndex.get(id)!]
        : otherOrgs.get(id);
      if (earlier) return r.duplicate('sourcedId', id, earlier);
      if (r.get('type') === 'school') roster.addSchool(id, r.get('name'), r.file, r.row);
      else {
        r.define('org', id);
        otherOrgs.set(own(id), { file: r.file, row: r.row });
      }
    },
    'academicSessions.csv'(r) {
      const id = defineOnce(r, 'session', 'sourcedId');
      if (id === null) return;
      r.ref('session', 'parentSourcedId', { optional: true });
      if (once(r, 'session\u0000' + id, 'sourcedId', id)) r.define('session', id);
    },
    'courses.csv'(r) {
      const id = defineOnce(r, 'course', 'sourcedId');
      if (id === null) return;
      r.ref('session', 'schoolYearSourcedId', { optional: true });
      r.ref('org', 'orgSourcedId', { optional: true });
      if (once(r, 'course\u0000' + id, 'sourcedId', id)) r.define('course', id);
    },
    'users.csv'(r) {
      const id = defineOnce(r, 'person', 'sourcedId');
      if (id === null) return;
      const role = version === '1.1' ? oneRosterRole(r.get('role')) : 'staff';
      const index = roster.addPerson(id, role, r.file, r.row);
      if (index < 0) return r.duplicate('sourcedId', id, roster.origin(roster.findPerson(id)));
      people.setName(index, r.get('givenName'), r.get('familyName'));
      people.addEmail(index, r.get('email'));
      people.addPhone(index, r.get('phone'));
      people.addPhone(index, r.get('sms'));
      if (version === '1.1') {
        for (const org of list(r.get('orgSourcedIds')))
          people.addSchool(index, schoolOf(r.ref('org', 'orgSourcedIds', { value: org })));
      }
      for (const agent of list(r.get('agentSourcedIds'))) {
        if (r.ref('person', 'agentSourcedIds', { value: agent })) agents.push([index, own(agent)]);
      }
    },
    'roles.csv'(r) {
      if (removed(r)) return;
      const user = r.ref('person', 'userSourcedId');
      const org = r.ref('org', 'orgSourcedId');
      const index = user === null ? -1 : roster.findPerson(user);
      if (index < 0) return;
      const role = oneRosterRole(r.get('role'));
      if (!roleGiven.has(index) || ROLE_RANK[role] > people.rank(index)) people.setRole(index, role);
      roleGiven.add(index);
      people.addSchool(index, schoolOf(org));
    },
    'classes.csv'(r) {
      const id = defineOnce(r, 'class', 'sourcedId');
      // A removed class is left out whole, its references included (as in every other file).
      if (id === null && removed(r)) return;
      const school = r.ref('school', 'schoolSourcedId');
      r.ref('course', 'courseSourcedId');
      for (const term of list(r.get('termSourcedIds'))) r.ref('session', 'termSourcedIds', { value: term });
      if (id === null) return;
      const index = roster.addClass(id, r.file, r.row);
      if (index < 0) return r.duplicate('sourcedId', id, roster.classes[roster.classIndex.get(id)!]);
      const c = roster.classes[index];
      c.name = own(r.get('title'));
      c.school = schoolOf(school);
    },
    'enrollments.csv'(r) {
      if (removed(r)) return;
      r.id('sourcedId');
      const cls = r.ref('class', 'classSourcedId');
      r.ref('school', 'schoolSourcedId');
      const user = r.ref('person', 'userSourcedId');
      const c = cls === null ? undefined : roster.classIndex.get(cls);
      if (c === undefined || user === null) return;
      const role = r.get('role').toLowerCase();
      if (role === 'teacher') roster.addClassTeacher(roster.classes[c], user);
      else if (role === 'student') {
        const p = roster.findPerson(user);
        if (p >= 0) people.addSchool(p, roster.classes[c].school);
      }
    },
    'demographics.csv'(r) {
      if (removed(r)) return;
      const id = r.ref('person', 'sourcedId');
      const index = id === null ? -1 : roster.findPerson(id);
      if (index < 0) return;
      if (!once(r, 'dob\u0000' + id, 'sourcedId', id!)) return;
      people.setDob(index, r.get('birthDate'));
    },
  };

  return {
    rows,
    finish() {
      // agentSourcedIds link parents and students whichever side lists the other.
      for (const [index, otherId] of agents) {
        const other = roster.findPerson(otherId);
        if (other < 0) continue;
        const a = people.role(index);
        const b = people.role(other);
        if (a === 'parent' && b === 'student') people.addStudent(index, other);
        else if (a === 'student' && b === 'parent') people.addStudent(other, index);
      }
    },
  };
}

export const oneRoster11: FormatAdapter = {
  id: 'oneroster-1.1',
  label: 'OneRoster 1.1',
  reconstructed: false,
  headerCase: 'exact',
  files: ONEROSTER_11_FILES,
  knownExtraFiles: ONEROSTER_OTHER_FILES,
  read: (ctx) => reader(ctx, '1.1'),
};

export const oneRoster12: FormatAdapter = {
  id: 'oneroster-1.2',
  label: 'OneRoster 1.2',
  reconstructed: false,
  headerCase: 'exact',
  files: ONEROSTER_12_FILES,
  knownExtraFiles: ONEROSTER_OTHER_FILES,
  read: (ctx) => reader(ctx, '1.2'),
};
