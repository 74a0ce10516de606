/** OneRoster 1.1 and 1.2 (formats.md): one reader, two file lists. */
import { NO_TICK, TICK_EVERY } from '../model/ticks.ts';
import { IntList } from '../model/int-list.ts';
import { own, ROLE_RANK, type Role } from '../model/roster.ts';
import {
  ONEROSTER_11_FILES,
  ONEROSTER_12_FILES,
  ONEROSTER_MANIFEST_PROPERTIES,
  ONEROSTER_OTHER_FILES,
} from './oneroster-files.ts';
import type { AdapterContext, FormatAdapter, FormatReader, RecordKind, RowContext } from './types.ts';

/** A Map, not an object: a role written "__proto__" or "constructor" is just another staff role. */
const ROLE_MAP = new Map<string, Role>([
  ['teacher', 'teacher'],
  ['student', 'student'],
  ['parent', 'parent'],
  ['guardian', 'parent'],
  ['relative', 'parent'],
]);

export function oneRosterRole(value: string): Role {
  return ROLE_MAP.get(value.trim().toLowerCase()) ?? 'staff';
}

const NONE: readonly string[] = [];

/** Comma-separated list cells (orgSourcedIds, agentSourcedIds, termSourcedIds). */
function list(value: string): readonly string[] {
  if (value.indexOf(',') === -1) return value === '' ? NONE : [value];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function removed(r: RowContext): boolean {
  return r.is('status', 'tobedeleted');
}

function reader({ roster }: AdapterContext, version: '1.1' | '1.2'): FormatReader {
  const files = version === '1.1' ? ONEROSTER_11_FILES : ONEROSTER_12_FILES;
  /** agentSourcedIds: the person listing them, and each ID listed (as a text). */
  const agentOf = new IntList();
  const agentIds = new IntList();
  const otherOrgs = new Map<string, { file: number; row: number }>();
  /** First row of each session and course, for id-duplicate findings. */
  const firstRows = new Map<string, { file: number; row: number }>();
  const once = (r: RowContext, key: string, column: string, id: string): boolean => {
    const earlier = firstRows.get(key);
    if (earlier) r.duplicate(column, id, earlier);
    else firstRows.set(key, { file: r.file, row: r.row });
    return !earlier;
  };
  const people = roster.people;
  /** 1.2 users start without a role; this marks those that got one from roles.csv. */
  let roleGiven: Uint8Array | null = null;
  /** Per person: the demographics row that gave the birth date (the first one counts). */
  let dobRows: Int32Array | null = null;

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
    'manifest.csv'(r) {
      // file.users,delta: Remind reads every upload as the whole roster (formats.md).
      r.property('propertyName', ONEROSTER_MANIFEST_PROPERTIES);
      const property = r.get('propertyName');
      if (!property.startsWith('file.') || !r.is('value', 'delta')) return;
      const name = `${property.slice(5)}.csv`.toLowerCase();
      const spec = files.find((f) => f.name.toLowerCase() === name && f.required !== 'no');
      if (spec) r.delta('value', spec.name);
    },
    'orgs.csv'(r) {
      // Vocabulary values in any letter case (`School`) are the binding's (`school`), as status and roles are.
      const isSchool = r.is('type', 'school');
      const id = defineOnce(r, isSchool ? 'school' : 'org', 'sourcedId');
      if (id === null) return;
      // parentSourcedId (an org's district, a term's school year) is not read: Remind never follows it, and
      // rules.md §9 checks only school, class and user references (decisions.md).
      const earlier = roster.schoolIndex.has(id)
        ? roster.schools[roster.schoolIndex.get(id)!]
        : otherOrgs.get(id);
      if (earlier) return r.duplicate('sourcedId', id, earlier);
      if (isSchool) roster.addSchool(id, r.get('name'), r.file, r.row);
      else {
        r.define('org', id, r.get('type'));
        otherOrgs.set(own(id), { file: r.file, row: r.row });
      }
    },
    'academicSessions.csv'(r) {
      const id = defineOnce(r, 'session', 'sourcedId');
      if (id === null) return;
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
        const orgs = list(r.get('orgSourcedIds'));
        for (const org of orgs) people.addSchool(index, r.refIndex('org', 'orgSourcedIds', { value: org }));
        // rules.md §9: a record's school is a link it cannot exist without (id-missing); parents reach
        // schools through their children and staff are not checked, so only their cells may be empty.
        if (orgs.length === 0 && (role === 'teacher' || role === 'student'))
          r.ref('org', 'orgSourcedIds', { value: '' });
      }
      for (const agent of list(r.get('agentSourcedIds'))) {
        if (r.ref('person', 'agentSourcedIds', { value: agent })) {
          agentOf.push(index);
          agentIds.push(people.texts.add(agent));
        }
      }
    },
    'roles.csv'(r) {
      if (removed(r)) return;
      const index = r.refIndex('person', 'userSourcedId');
      const school = r.refIndex('org', 'orgSourcedId');
      if (index < 0) return;
      const role = oneRosterRole(r.get('role'));
      const given = (roleGiven ??= new Uint8Array(people.count));
      if (!given[index] || ROLE_RANK[role] > people.rank(index)) people.setRole(index, role);
      given[index] = 1;
      people.addSchool(index, school);
    },
    'classes.csv'(r) {
      const id = defineOnce(r, 'class', 'sourcedId');
      // A removed class is left out whole, its references included (as in every other file).
      if (id === null && removed(r)) return;
      const school = r.refIndex('school', 'schoolSourcedId');
      // Courses are not required (formats.md): an empty link is fine, a filled one is checked.
      r.ref('course', 'courseSourcedId', { optional: true });
      for (const term of list(r.get('termSourcedIds'))) r.ref('session', 'termSourcedIds', { value: term });
      if (id === null) return;
      const index = roster.addClass(id, r.file, r.row);
      if (index < 0) return r.duplicate('sourcedId', id, roster.classes[roster.classIndex.get(id)!]);
      const c = roster.classes[index];
      c.name = own(r.get('title'));
      c.school = school;
    },
    'enrollments.csv'(r) {
      if (removed(r)) return;
      r.hasId('sourcedId');
      const c = r.refIndex('class', 'classSourcedId');
      r.refIndex('school', 'schoolSourcedId');
      const user = r.refIndex('person', 'userSourcedId');
      if (c < 0) return;
      if (r.is('role', 'teacher')) roster.addClassTeacher(roster.classes[c], r.get('userSourcedId'));
      else if (user >= 0 && r.is('role', 'student')) people.addSchool(user, roster.classes[c].school);
    },
    'demographics.csv'(r) {
      if (removed(r)) return;
      const index = r.refIndex('person', 'sourcedId');
      if (index < 0) return;
      const rows = (dobRows ??= new Int32Array(people.count));
      if (rows[index] > 0)
        return r.duplicate('sourcedId', r.get('sourcedId'), { file: r.file, row: rows[index] });
      rows[index] = r.row;
      people.setDob(index, r.get('birthDate'));
    },
  };

  return {
    rows,
    finish(tick = NO_TICK) {
      // agentSourcedIds link parents and students whichever side lists the other.
      for (let k = 0; k < agentOf.length; k++) {
        if ((k & TICK_EVERY) === 0) tick(k, agentOf.length);
        const index = agentOf.get(k);
        const other = people.findText(agentIds.get(k));
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
