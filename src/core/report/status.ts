/** The one-word state of a school in the Schools table. */
import type { SchoolEntry } from './types.ts';

/**
 * 'unplaced': the "(no school)" bucket without errors or alerts; its records fit no school, so not "Ready".
 * 'blocked': a school without errors or alerts while a formatting problem blocks the district's sync:
 * Remind processes nothing, so the school is not "Ready" either, though its own records are fine.
 */
export type SchoolStatus = 'errors' | 'alerts' | 'ready' | 'blocked' | 'unplaced';

export const STATUS_LABEL: Record<SchoolStatus, string> = {
  errors: 'Has errors',
  alerts: 'Alerts only',
  ready: 'Ready',
  blocked: 'Blocked by file problems',
  unplaced: 'No school',
};

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function schoolCounts(s: SchoolEntry): { errors: number; alerts: number } {
  return { errors: sum(s.error), alerts: sum(s.alert) };
}

/** `blocked`: the report's `summary.blocked` (a formatting problem stops the whole sync). */
export function schoolStatus(s: SchoolEntry, blocked: boolean): SchoolStatus {
  const { errors, alerts } = schoolCounts(s);
  if (errors > 0) return 'errors';
  if (alerts > 0) return 'alerts';
  if (s.id === null) return 'unplaced';
  return blocked ? 'blocked' : 'ready';
}
