/**
 * CSV rows of findings: the finding plus its record's own columns, once per school. One path for a
 * fresh run (the record's columns from the roster) and for findings the page holds as report
 * objects (a stored run, the lists of changes), whose record columns come from the finding itself:
 * its name (whole, in first_name, as a fresh run writes a one-field name), the value of its own
 * email, phone or birth date field. What a finding does not carry (first and last name apart, the
 * email or phone of another field) stays empty there.
 */
import type { Role, Roster } from '../model/roster.ts';
import type { RawFinding } from '../model/finding.ts';
import { NO_SCHOOL_NAME, type ValidationResult } from './build.ts';
import type { CsvRow } from './csv.ts';
import type { Finding } from './types.ts';
import { remindNameOf } from '../rules/registry.ts';

export interface CsvFilter {
  /** Only findings counted in this school (null: the "(no school)" bucket); undefined: all. */
  school?: string | null;
  code?: string;
  /** Only the findings of this cause (index into the summary's `causes`), knock-on included. */
  cause?: number;
}

/** A finding's columns, without the school's: the same on each of its rows. */
export type FindingColumns = Omit<CsvRow, 'school_id' | 'school_name'>;

/** The record's columns of a finding's row. */
export type RecordColumns = Pick<
  CsvRow,
  'first_name' | 'last_name' | 'email' | 'phone' | 'dob' | 'class_id' | 'class_name'
>;

const PERSON_ROLES: ReadonlySet<string> = new Set<Role>(['teacher', 'student', 'parent', 'staff']);

/**
 * What the finding itself tells of its record: a person's name, the value of its email, phone or
 * birth date field, its class. The name is one text (first and last are not told apart any more), so
 * it goes whole into first_name, as a fresh run writes a name the roster holds as one field.
 */
export function recordOfFinding(f: Finding): RecordColumns {
  const isClass = f.entity === 'class';
  return {
    first_name: PERSON_ROLES.has(f.entity) ? f.name : null,
    last_name: null,
    email: f.field === 'email' ? f.value : null,
    phone: f.field === 'phone' ? f.value : null,
    dob: f.field === 'dob' ? f.value : null,
    class_id: isClass ? f.id : null,
    class_name: isClass ? f.name : null,
  };
}

/** The record's columns from the roster a fresh run holds (the finding's own for file findings). */
function recordOfRoster(roster: Roster, raw: RawFinding, f: Finding): RecordColumns {
  if (raw.subject === 'person') {
    const person = roster.person(raw.index);
    return {
      first_name: person.firstName,
      last_name: person.singleName ? null : person.lastName,
      email: person.emails.join('; '),
      phone: person.phones.join('; '),
      dob: person.role === 'student' ? person.dob : null,
      class_id: null,
      class_name: null,
    };
  }
  if (raw.subject === 'class') {
    const cls = roster.classes[raw.index];
    return { ...recordOfFinding(f), class_id: cls.id, class_name: cls.name };
  }
  return { ...recordOfFinding(f), class_id: null, class_name: null };
}

/** The `acknowledged` column: "yes" or empty. */
export const acknowledgedCell = (acknowledged: boolean) => (acknowledged ? 'yes' : null);

export function findingColumns(
  f: Finding,
  record: RecordColumns,
  remindName: string | null,
  acknowledged = false,
): FindingColumns {
  return {
    severity: f.severity,
    code: f.code,
    reason: f.reason,
    role: f.entity,
    source_id: f.id,
    ...record,
    file: f.file,
    row: f.row,
    problem: f.message,
    how_to_fix: f.fix,
    remind_name: remindName,
    acknowledged: acknowledgedCell(acknowledged),
  };
}

/** School ID → name, the "(no school)" bucket included. */
export function schoolNameMap(
  schools: readonly { id: string | null; name: string }[],
): Map<string | null, string> {
  const names = new Map<string | null, string>(schools.map((s) => [s.id, s.name]));
  names.set(null, NO_SCHOOL_NAME);
  return names;
}

/**
 * A finding's CSV rows: one per school it counts in (only `school`'s when a school is asked for), or
 * one without a school when it counts in none.
 */
export function* rowsPerSchool(
  columns: FindingColumns,
  schools: readonly (string | null)[],
  school: string | null | undefined,
  names: ReadonlyMap<string | null, string>,
): Generator<CsvRow> {
  if (school !== undefined) {
    if (schools.includes(school))
      yield { school_id: school, school_name: names.get(school) ?? null, ...columns };
    return;
  }
  if (schools.length === 0) yield { school_id: null, school_name: null, ...columns };
  for (const s of schools) yield { school_id: s, school_name: names.get(s) ?? null, ...columns };
}

/** `only`: the indexes of the findings to look at, in report order (csv-set.ts); default all. */
export function* csvRows(
  result: ValidationResult,
  filter: CsvFilter = {},
  isAcknowledged: (f: Finding) => boolean = () => false,
  only?: ArrayLike<number>,
): Generator<CsvRow> {
  const { roster, findings } = result;
  const names = schoolNameMap(roster.schools);
  const count = only ? only.length : findings.length;
  for (let k = 0; k < count; k++) {
    const i = only ? only[k] : k;
    const raw = findings.raw[i];
    if (filter.code !== undefined && raw.code !== filter.code) continue;
    if (filter.cause !== undefined && findings.causeOf[i] !== filter.cause) continue;
    const schools = findings.schoolsOf(i);
    if (filter.school !== undefined && !schools.includes(filter.school)) continue;
    const f = findings.get(i);
    const columns = findingColumns(
      f,
      recordOfRoster(roster, raw, f),
      remindNameOf(f.code),
      isAcknowledged(f),
    );
    yield* rowsPerSchool(columns, schools, filter.school, names);
  }
}

/** How findings held as report objects name their schools and types. */
export interface CsvNames {
  /** school ID → name (schoolNameMap: the "(no school)" bucket named too). */
  schools: ReadonlyMap<string | null, string>;
  /** Remind's own name of a code, where known (a stored run: its rules). */
  remindName: (code: string) => string | null;
}

/** CSV rows of findings the page holds as report objects (a stored run, the lists of changes). */
export function* findingCsvRows(
  findings: Iterable<Finding>,
  names: CsvNames,
  filter: Omit<CsvFilter, 'cause'> = {},
  isAcknowledged: (f: Finding) => boolean = () => false,
): Generator<CsvRow> {
  for (const f of findings) {
    if (filter.code !== undefined && f.code !== filter.code) continue;
    const columns = findingColumns(f, recordOfFinding(f), names.remindName(f.code), isAcknowledged(f));
    yield* rowsPerSchool(columns, f.schools, filter.school, names.schools);
  }
}
