/** CSV rows from a validation result: the finding plus the record's own columns, once per school. */
import { NO_SCHOOL_NAME, type ValidationResult } from './build.ts';
import type { CsvRow } from './csv.ts';
import { remindNameOf } from '../rules/registry.ts';

export interface CsvFilter {
  /** Only findings counted in this school (null: the "(no school)" bucket); undefined: all. */
  school?: string | null;
  code?: string;
  /** Only the findings of this cause (index into the summary's `causes`), knock-on included. */
  cause?: number;
}

export function* csvRows(result: ValidationResult, filter: CsvFilter = {}): Generator<CsvRow> {
  const { roster, findings } = result;
  const schoolNames = new Map<string | null, string>(roster.schools.map((s) => [s.id, s.name]));
  schoolNames.set(null, NO_SCHOOL_NAME);
  for (let i = 0; i < findings.length; i++) {
    const raw = findings.raw[i];
    if (filter.code !== undefined && raw.code !== filter.code) continue;
    if (filter.cause !== undefined && findings.causeOf[i] !== filter.cause) continue;
    const schools = findings.schoolsOf(i);
    const inScope = filter.school === undefined ? schools : schools.filter((s) => s === filter.school);
    if (filter.school !== undefined && inScope.length === 0) continue;
    const f = findings.get(i);
    const person = raw.subject === 'person' ? roster.person(raw.index) : null;
    const cls = raw.subject === 'class' ? roster.classes[raw.index] : null;
    const base: Omit<CsvRow, 'school_id' | 'school_name'> = {
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
    };
    if (inScope.length === 0) yield { school_id: null, school_name: null, ...base };
    for (const s of inScope) yield { school_id: s, school_name: schoolNames.get(s) ?? null, ...base };
  }
}
