/**
 * Every CSV download the page offers for a report: one per school and type, one per school with all
 * its findings (as Remind's dashboard offers them), one per formatting and hold type for the district
 * (the page's File problems and Sync holds), one per cause of the fix plan, and one for the district.
 * The command line writes them to a folder (--csv-dir); the page zips them ("Download all"). Each file
 * is one pass over findings, written as it is made.
 */
import type { ValidationResult } from './build.ts';
import { causeFileName, csvFileName } from './csv.ts';
import type { CsvFilter } from './csv-rows.ts';

export interface CsvFile {
  name: string;
  filter: CsvFilter;
  /** The findings the file's rows come from, in report order (csvRows' `only`); undefined: all. */
  only?: Int32Array;
}

/**
 * Per school (null: no school), the indexes of the findings counted in it, in report order: found
 * in one pass, so that each school's files read only its own findings instead of all of them (a
 * district of a thousand schools and a few hundred thousand findings took half a minute).
 */
export function findingsBySchool(result: ValidationResult): Map<string | null, Int32Array> {
  const { findings } = result;
  // Two passes (count, then fill) rather than keeping every finding's list of schools in between.
  const counts = new Map<string | null, number>();
  for (let i = 0; i < findings.length; i++)
    for (const s of findings.schoolsOf(i)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const lists = new Map([...counts].map(([s, n]) => [s, { at: 0, list: new Int32Array(n) }]));
  for (let i = 0; i < findings.length; i++) {
    for (const s of findings.schoolsOf(i)) {
      const entry = lists.get(s)!;
      entry.list[entry.at++] = i;
    }
  }
  return new Map([...lists].map(([s, { list }]) => [s, list]));
}

export function* csvSet(result: ValidationResult): Generator<CsvFile> {
  const bySchool = findingsBySchool(result);
  for (const school of result.summary.schools) {
    const codes = [...Object.keys(school.error), ...Object.keys(school.alert)];
    if (codes.length === 0) continue;
    const only = bySchool.get(school.id) ?? new Int32Array(0);
    for (const code of codes)
      yield { name: csvFileName({ school: school.id, code }), filter: { school: school.id, code }, only };
    yield { name: csvFileName({ school: school.id }), filter: { school: school.id }, only };
  }
  // Formatting findings and holds count in no school: the page offers them per type for the district.
  const { formatting, hold } = result.summary;
  for (const code of [...Object.keys(formatting), ...Object.keys(hold)])
    yield { name: csvFileName({ code }), filter: { code } };
  // The fix plan's "Save these records (CSV)": each cause's findings and knock-on.
  for (const [k, cause] of (result.summary.causes ?? []).entries())
    yield { name: causeFileName(k, cause), filter: { cause: k } };
  yield { name: csvFileName({}), filter: {} };
}
