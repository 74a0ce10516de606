/**
 * Every CSV download of a report, as Remind's dashboard offers them: one per school and type, one
 * per school with all its findings, and one for the district. The command line writes them to a
 * folder (--csv-dir); the page zips them ("Download all").
 */
import type { ValidationResult } from './build.ts';
import { csvFileName } from './csv.ts';
import type { CsvFilter } from './csv-rows.ts';

export interface CsvFile {
  name: string;
  filter: CsvFilter;
}

export function* csvSet(result: ValidationResult): Generator<CsvFile> {
  for (const school of result.summary.schools) {
    const codes = [...Object.keys(school.error), ...Object.keys(school.alert)];
    if (codes.length === 0) continue;
    for (const code of codes)
      yield { name: csvFileName({ school: school.id, code }), filter: { school: school.id, code } };
    yield { name: csvFileName({ school: school.id }), filter: { school: school.id } };
  }
  yield { name: csvFileName({}), filter: {} };
}
