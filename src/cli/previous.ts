/** An earlier report given with --previous. */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/engine/validate.ts';
import type { RosterSnapshot } from '../core/report/snapshot.ts';

export interface PreviousReport {
  generatedAt: string;
  snapshot: RosterSnapshot | null;
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
  const report = data as { reportVersion?: unknown; generatedAt?: unknown; roster?: RosterSnapshot };
  if (typeof report !== 'object' || report === null || report.reportVersion !== 1) {
    throw new InputError(`${path} is not a Roster Check report (reportVersion 1).`);
  }
  return { generatedAt: String(report.generatedAt ?? ''), snapshot: report.roster ?? null };
}
