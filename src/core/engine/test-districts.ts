/**
 * Test fixtures only (imported by *.test.ts, never by the app): one small, clean district per
 * format, written from the format's own file specs so a test can change one file or one cell.
 */
import { adapterFor } from '../formats/registry.ts';
import type { FormatId } from '../formats/types.ts';

export type Records = Array<Record<string, string>>;
export type District = Record<string, Records>;

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** The columns of a file of the format, in spec order. */
export function columnsOf(format: FormatId, file: string): string[] {
  const spec = adapterFor(format)?.files.find((f) => f.name === file);
  if (!spec) throw new Error(`${format} has no ${file}`);
  return spec.columns.map((c) => c.name);
}

/**
 * CSV text: a header of `columns`, one row per record (cells the record leaves out are empty).
 * A record key outside `known` is a typo in a test and throws; keys of left-out columns are dropped.
 */
export function table(columns: string[], records: Records, known = columns): string {
  const lines = [columns.map(quote).join(',')];
  for (const record of records) {
    const unknown = Object.keys(record).filter((k) => !known.includes(k));
    if (unknown.length) throw new Error(`no column ${unknown.join(', ')} in ${columns.join(',')}`);
    lines.push(columns.map((c) => quote(record[c] ?? '')).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Every file of a district as CSV text with all the format's columns; `drop` leaves columns out. */
export function filesOf(
  format: FormatId,
  district: District,
  drop: Record<string, string[]> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, records] of Object.entries(district)) {
    const all = columnsOf(format, file);
    out[file] = table(
      all.filter((c) => !drop[file]?.includes(c)),
      records,
      all,
    );
  }
  return out;
}

export const REMIND_1: District = {
  'schools.csv': [{ school_id: 's1', school_name: 'North High' }],
  'teachers.csv': [
    {
      school_id: 's1',
      teacher_id: 't1',
      teacher_first_name: 'Ada',
      teacher_last_name: 'Lovelace',
      teacher_email: 'ada@north.org',
    },
  ],
  'students.csv': [
    {
      school_id: 's1',
      student_id: 'st1',
      student_first_name: 'Bo',
      student_last_name: 'Kim',
      dob: '01/05/2012',
      guardian_first_name: 'Cy',
      guardian_last_name: 'Kim',
      guardian_email: 'cy@home.org',
    },
  ],
  'classes.csv': [{ school_id: 's1', class_id: 'c1', teacher_id: 't1', class_name: 'Math 7' }],
  'enrollments.csv': [
    { school_id: 's1', class_id: 'c1', user_id: 't1' },
    { school_id: 's1', class_id: 'c1', user_id: 'st1' },
  ],
};

export const CLEVER: District = {
  'schools.csv': [{ School_id: 's1', School_name: 'North High' }],
  'teachers.csv': [
    {
      School_id: 's1',
      Teacher_id: 't1',
      First_name: 'Ada',
      Last_name: 'Lovelace',
      Teacher_email: 'ada@north.org',
    },
  ],
  'students.csv': [
    {
      School_id: 's1',
      Student_id: 'st1',
      First_name: 'Bo',
      Last_name: 'Kim',
      DOB: '1/5/2012',
      Contact_name: 'Cy Kim',
      Contact_type: 'Primary',
      Contact_email: 'cy@home.org',
    },
  ],
  'sections.csv': [{ School_id: 's1', Section_id: 'c1', Teacher_id: 't1', Name: 'Math 7' }],
  'enrollments.csv': [{ School_id: 's1', Section_id: 'c1', Student_id: 'st1' }],
};

const ORGS: Records = [
  { sourcedId: 'd1', status: 'active', name: 'District', type: 'district' },
  { sourcedId: 's1', status: 'active', name: 'North High', type: 'school', parentSourcedId: 'd1' },
];
const SESSIONS: Records = [
  { sourcedId: 'term1', status: 'active', title: 'Fall', type: 'term', schoolYear: '2027' },
];
const COURSES: Records = [{ sourcedId: 'co1', status: 'active', title: 'Math', orgSourcedId: 's1' }];
const CLASSES: Records = [
  {
    sourcedId: 'c1',
    status: 'active',
    title: 'Math 7',
    courseSourcedId: 'co1',
    classType: 'scheduled',
    schoolSourcedId: 's1',
    termSourcedIds: 'term1',
  },
];
const ENROLLMENTS: Records = [
  { sourcedId: 'e1', classSourcedId: 'c1', schoolSourcedId: 's1', userSourcedId: 't1', role: 'teacher' },
  { sourcedId: 'e2', classSourcedId: 'c1', schoolSourcedId: 's1', userSourcedId: 'st1', role: 'student' },
];
const DEMOGRAPHICS: Records = [{ sourcedId: 'st1', status: 'active', birthDate: '2012-01-05' }];
const person = (id: string, given: string, email: string, agents = '') => ({
  sourcedId: id,
  status: 'active',
  enabledUser: 'true',
  username: id,
  givenName: given,
  familyName: 'Kim',
  email,
  agentSourcedIds: agents,
});

export const ONEROSTER_11: District = {
  'manifest.csv': [
    { propertyName: 'manifest.version', value: '1.0' },
    { propertyName: 'oneroster.version', value: '1.1' },
  ],
  'orgs.csv': ORGS,
  'academicSessions.csv': SESSIONS,
  'courses.csv': COURSES,
  'users.csv': [
    { ...person('t1', 'Ada', 'ada@north.org'), role: 'teacher', orgSourcedIds: 's1' },
    { ...person('st1', 'Bo', '', 'p1'), role: 'student', orgSourcedIds: 's1' },
    { ...person('p1', 'Cy', 'cy@home.org'), role: 'parent', orgSourcedIds: 's1' },
  ],
  'classes.csv': CLASSES,
  'enrollments.csv': ENROLLMENTS,
  'demographics.csv': DEMOGRAPHICS,
};

export const ONEROSTER_12: District = {
  ...ONEROSTER_11,
  'manifest.csv': [
    { propertyName: 'manifest.version', value: '1.0' },
    { propertyName: 'oneroster.version', value: '1.2' },
  ],
  'users.csv': [
    person('t1', 'Ada', 'ada@north.org'),
    person('st1', 'Bo', '', 'p1'),
    person('p1', 'Cy', 'cy@home.org'),
  ],
  'roles.csv': [
    { sourcedId: 'r1', userSourcedId: 't1', roleType: 'primary', role: 'teacher', orgSourcedId: 's1' },
    { sourcedId: 'r2', userSourcedId: 'st1', roleType: 'primary', role: 'student', orgSourcedId: 's1' },
    { sourcedId: 'r3', userSourcedId: 'p1', roleType: 'primary', role: 'parent', orgSourcedId: 's1' },
  ],
};

export const REMIND_2: District = {
  'schools.csv': [{ school_id: 's1', school_name: 'North High' }],
  'classes.csv': [{ class_id: 'c1', school_id: 's1', class_name: 'Math 7' }],
  'users.csv': [
    { user_id: 't1', role: 'teacher', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@north.org' },
    { user_id: 'st1', role: 'student', first_name: 'Bo', last_name: 'Kim', dob: '2012-01-05' },
    {
      user_id: 'p1',
      role: 'parent',
      first_name: 'Cy',
      last_name: 'Kim',
      email: 'cy@home.org',
      student_ids: 'st1',
    },
  ],
  'enrollments.csv': [
    { class_id: 'c1', user_id: 't1', role: 'owner' },
    { class_id: 'c1', user_id: 'st1', role: 'member' },
  ],
  'school_enrollments.csv': [],
};

export const DISTRICTS: Record<FormatId, District> = {
  'remind-csv-1.0': REMIND_1,
  'remind-csv-2.0': REMIND_2,
  'oneroster-1.1': ONEROSTER_11,
  'oneroster-1.2': ONEROSTER_12,
  clever: CLEVER,
};

/** A district's files with some records replaced: `{ 'users.csv': [...] }`. */
export function districtFiles(
  format: FormatId,
  changes: Partial<District> = {},
  drop: Record<string, string[]> = {},
): Record<string, string> {
  const district: District = { ...DISTRICTS[format] };
  for (const [file, records] of Object.entries(changes)) if (records) district[file] = records;
  return filesOf(format, district, drop);
}
