/** An earlier report given with --previous: its roster snapshot (hold-removals) and findings (changes since). */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/engine/validate.ts';
import { checkReportShape } from '../core/report/schema.ts';
import type { Finding, SchoolEntry } from '../core/report/types.ts';
import { readAcknowledgements, type Acknowledgement } from '../core/report/acknowledged.ts';
import { isSnapshot, type RosterSnapshot } from '../core/snapshot/snapshot.ts';

export interface PreviousReport {
  generatedAt: string;
  snapshot: RosterSnapshot | null;
  /** Its schools tell whether it is of the same district (core/report/district.ts). */
  schools: SchoolEntry[];
  findings: Finding[];
}

export async function readPrevious(path: string): Promise<PreviousReport> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InputError(
      `Cannot read the earlier report ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  // The whole shape is checked: a hand-edited or truncated report must not crash the comparison.
  const problems = checkReportShape(data);
  if (problems.length > 0) {
    throw new InputError(`${path} is not a Roster Check report (reportVersion 1): ${problems[0]}.`);
  }
  const report = data as {
    generatedAt: string;
    roster?: unknown;
    schools: SchoolEntry[];
    findings: Finding[];
  };
  return {
    generatedAt: report.generatedAt,
    schools: report.schools,
    snapshot: isSnapshot(report.roster) ? report.roster : null,
    findings: report.findings,
  };
}

/** The file given with --acknowledged: `{ "acknowledged": [ { "code", "id", "field", "value", "note" } ] }`. */
export async function readAcknowledged(path: string): Promise<Acknowledgement[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InputError(
      `Cannot read the acknowledged findings ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const list = readAcknowledgements(data);
  if (typeof list === 'string')
    throw new InputError(`${path} is not a list of acknowledged findings: ${list}.`);
  return list;
}
