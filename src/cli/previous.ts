/** An earlier report given with --previous: its roster snapshot (hold-removals) and findings (changes since). */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/engine/validate.ts';
import type { ComparableFinding } from '../core/report/changes.ts';
import { checkReportShape } from '../core/report/schema.ts';
import { isSnapshot, type RosterSnapshot } from '../core/snapshot/snapshot.ts';

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
  // The whole shape is checked: a hand-edited or truncated report must not crash the comparison.
  const problems = checkReportShape(data);
  if (problems.length > 0) {
    throw new InputError(`${path} is not a Roster Check report (reportVersion 1): ${problems[0]}.`);
  }
  const report = data as { generatedAt: string; roster?: unknown; findings: ComparableFinding[] };
  return {
    generatedAt: report.generatedAt,
    snapshot: isSnapshot(report.roster) ? report.roster : null,
    findings: report.findings,
  };
}
