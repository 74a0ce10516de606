/** The one-word state of a school in the Schools table. */
import type { SchoolEntry } from './types.ts';

/** 'unplaced': the "(no school)" bucket without errors or alerts; its records fit no school, so not "Ready". */
export type SchoolStatus = 'errors' | 'alerts' | 'ready' | 'unplaced';

export const STATUS_LABEL: Record<SchoolStatus, string> = {
  errors: 'Has errors',
  alerts: 'Alerts only',
  ready: 'Ready',
  unplaced: 'No school',
};

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function schoolCounts(s: SchoolEntry): { errors: number; alerts: number } {
  return { errors: sum(s.error), alerts: sum(s.alert) };
}

export function schoolStatus(s: SchoolEntry): SchoolStatus {
  const { errors, alerts } = schoolCounts(s);
  return errors > 0 ? 'errors' : alerts > 0 ? 'alerts' : s.id === null ? 'unplaced' : 'ready';
}
