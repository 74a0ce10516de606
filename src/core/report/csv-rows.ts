/** CSV rows from a validation result: the finding plus the record's own columns, once per school. */
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

/** The `acknowledged` column: "yes" or empty. */
export const acknowledgedCell = (acknowledged: boolean) => (acknowledged ? 'yes' : null);

export function* csvRows(
  result: ValidationResult,
  filter: CsvFilter = {},
  isAcknowledged: (f: Finding) => boolean = () => false,
): Generator<CsvRow> {
  const { roster, findings } = result;
  const names = schoolNameMap(roster.schools);
  for (let i = 0; i < findings.length; i++) {
    const raw = findings.raw[i];
    if (filter.code !== undefined && raw.code !== filter.code) continue;
    if (filter.cause !== undefined && findings.causeOf[i] !== filter.cause) continue;
    const schools = findings.schoolsOf(i);
    if (filter.school !== undefined && !schools.includes(filter.school)) continue;
    const f = findings.get(i);
    const person = raw.subject === 'person' ? roster.person(raw.index) : null;
    const cls = raw.subject === 'class' ? roster.classes[raw.index] : null;
    const columns: FindingColumns = {
      severity: f.severity,
      code: f.code,
      reason: f.reason,
      role: f.entity,
      source_id: f.id,
      first_name: person ? person.firstName : null,
      last_name: person && !person.singleName ? person.lastName : null,
      email: person ? person.emails.join('; ') : f.field === 'email' ? f.value : null,
      phone: person ? person.phones.join('; ') : f.field === 'phone' ? f.value : null,
      dob: person?.role === 'student' ? person.dob : null,
      class_id: cls ? cls.id : null,
      class_name: cls ? cls.name : null,
      file: f.file,
      row: f.row,
      problem: f.message,
      how_to_fix: f.fix,
      remind_name: remindNameOf(f.code),
      acknowledged: acknowledgedCell(isAcknowledged(f)),
    };
    yield* rowsPerSchool(columns, schools, filter.school, names);
  }
}
