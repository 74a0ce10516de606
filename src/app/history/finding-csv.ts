/**
 * CSV rows of findings the page holds as report objects (an earlier run read back, or the lists of
 * new and resolved findings): one row per school the finding counts in, as the worker's downloads.
 * The record columns the report does not carry (first and last name apart, birth date, the email or
 * phone of another field) are left empty.
 */
import { CSV_HEADER, csvLine, type CsvRow } from '../../core/report/csv.ts';
import { rowsPerSchool, schoolNameMap, type FindingColumns } from '../../core/report/csv-rows.ts';
import type { Finding, FindingFilter } from '../../shared/report-types.ts';

export interface CsvNames {
  /** school ID → name (the "(no school)" bucket is named here). */
  schools: ReadonlyMap<string | null, string>;
  /** Remind's own name of a code, where known. */
  remindName: (code: string) => string | null;
}

/** School ID → name, the "(no school)" bucket included. */
export const schoolNames = schoolNameMap;

export function csvRowsOf(f: Finding, names: CsvNames, filter: FindingFilter = {}): CsvRow[] {
  if (filter.code !== undefined && f.code !== filter.code) return [];
  const isClass = f.entity === 'class';
  const columns: FindingColumns = {
    severity: f.severity,
    code: f.code,
    reason: f.reason,
    role: f.entity,
    source_id: f.id,
    first_name: null,
    last_name: null,
    email: f.field === 'email' ? f.value : null,
    phone: f.field === 'phone' ? f.value : null,
    dob: null,
    class_id: isClass ? f.id : null,
    class_name: isClass ? f.name : null,
    file: f.file,
    row: f.row,
    problem: f.message,
    how_to_fix: f.fix,
    remind_name: names.remindName(f.code),
    acknowledged: null, // an earlier run's downloads do not mark acknowledgements
  };
  return [...rowsPerSchool(columns, f.schools, filter.school, names.schools)];
}

/** A CSV file of findings held in the page. */
export function csvBlobOf(findings: Iterable<Finding>, names: CsvNames, filter: FindingFilter = {}): Blob {
  const parts: BlobPart[] = [CSV_HEADER];
  for (const f of findings) for (const row of csvRowsOf(f, names, filter)) parts.push(csvLine(row));
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
