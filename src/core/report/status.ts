/** The one-word state of a school in the Schools table. */
import type { ReportSummary, SchoolEntry } from './types.ts';

/**
 * 'unplaced': the "(no school)" bucket without errors or alerts; its records fit no school, so not "Ready".
 * 'blocked': a school without errors or alerts while a formatting problem blocks the district's sync:
 * Remind processes nothing, so the school is not "Ready" either, though its own records are fine.
 * 'held': the same while a sync hold makes Remind pause the district's sync for review (rules.md §7).
 */
export type SchoolStatus = 'errors' | 'alerts' | 'ready' | 'blocked' | 'held' | 'unplaced';

export const STATUS_LABEL: Record<SchoolStatus, string> = {
  errors: 'Has errors',
  alerts: 'Alerts only',
  ready: 'Ready',
  blocked: 'Blocked by file problems',
  held: 'On hold for review',
  unplaced: 'No school',
};

/**
 * What happens to the district's sync as a whole: a blocking formatting problem stops it ('blocked');
 * otherwise a sync hold pauses it for review ('held'); otherwise it runs ('clear').
 */
export type SyncState = 'blocked' | 'held' | 'clear';

export function syncState(summary: Pick<ReportSummary, 'blocked'> & { totals: { hold: number } }): SyncState {
  if (summary.blocked) return 'blocked';
  return summary.totals.hold > 0 ? 'held' : 'clear';
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function schoolCounts(s: SchoolEntry): { errors: number; alerts: number } {
  return { errors: sum(s.error), alerts: sum(s.alert) };
}

/** `sync`: the report's `syncState` (a school without findings is "Ready" only when it is 'clear'). */
export function schoolStatus(s: SchoolEntry, sync: SyncState): SchoolStatus {
  const { errors, alerts } = schoolCounts(s);
  if (errors > 0) return 'errors';
  if (alerts > 0) return 'alerts';
  if (s.id === null) return 'unplaced';
  return sync === 'clear' ? 'ready' : sync;
}
