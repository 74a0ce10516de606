/**
 * Every CSV download of a report, as Remind's dashboard offers them: one per school and type, one
 * per school with all its findings, and one for the district. The command line writes them to a
 * folder (--csv-dir); the page zips them ("Download all").
 */
import type { ValidationResult } from './build.ts';
import { fileSlug } from './csv.ts';
import type { CsvFilter } from './csv-rows.ts';

export interface CsvFile {
  name: string;
  filter: CsvFilter;
}

export function* csvSet(result: ValidationResult): Generator<CsvFile> {
  for (const school of result.summary.schools) {
    const codes = [...Object.keys(school.error), ...Object.keys(school.alert)];
    if (codes.length === 0) continue;
    const slug = school.id === null ? 'no-school' : fileSlug(school.id);
    for (const code of codes)
      yield { name: `school-${slug}-${code}.csv`, filter: { school: school.id, code } };
    yield { name: `school-${slug}-all.csv`, filter: { school: school.id } };
  }
  yield { name: 'district-all.csv', filter: {} };
}
