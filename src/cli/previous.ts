/** An earlier report given with --previous: its roster snapshot (hold-removals) and findings (changes since). */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/engine/validate.ts';
import type { ComparableFinding } from '../core/report/changes.ts';
import { isSnapshot, type RosterSnapshot } from '../core/report/snapshot.ts';

export interface PreviousReport {
  generatedAt: string;
  snapshot: RosterSnapshot | null;
  findings: ComparableFinding[];
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
  const report = data as {
    reportVersion?: unknown;
    generatedAt?: unknown;
    roster?: unknown;
    findings?: unknown;
  };
  if (
    typeof report !== 'object' ||
    report === null ||
    report.reportVersion !== 1 ||
    !Array.isArray(report.findings)
  ) {
    throw new InputError(`${path} is not a Roster Check report (reportVersion 1).`);
  }
  return {
    generatedAt: String(report.generatedAt ?? ''),
    snapshot: isSnapshot(report.roster) ? report.roster : null,
    findings: report.findings as ComparableFinding[],
  };
}
