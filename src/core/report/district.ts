/**
 * Whether two runs are of the same district, from their schools alone (the page's history and the
 * command line's --previous use the same rule). A school is known by its ID and its name together
 * (IDs such as "1" recur across districts; a name alone is often shared too). Two runs are of the
 * same district when they share more than half of the schools of the smaller school list, so a
 * district that adds, drops or renames a few schools, or exports only some of them, is still itself.
 * A run without any recognised school belongs to no district: it is compared with nothing.
 */
import type { SchoolEntry } from './types.ts';

/** More than this share of the smaller school list must be shared. */
export const SAME_DISTRICT_SHARE = 0.5;

type School = Pick<SchoolEntry, 'id' | 'name'>;

export function schoolKeysOf(schools: readonly School[]): string[] {
  const keys = new Set<string>();
  for (const s of schools) if (s.id !== null) keys.add(`${s.id}\u0000${s.name.trim().toLowerCase()}`);
  return [...keys].sort();
}

/** The share of the smaller list that the other holds (0 when either is empty). */
export function sharedShare(keys: readonly string[], known: readonly string[]): number {
  if (keys.length === 0 || known.length === 0) return 0;
  const set = new Set(known);
  const shared = keys.filter((k) => set.has(k)).length;
  return shared / Math.min(keys.length, set.size);
}

export function sameDistrict(keys: readonly string[], known: readonly string[]): boolean {
  return sharedShare(keys, known) > SAME_DISTRICT_SHARE;
}

/** Why an earlier report is not compared with this one (null: it is). */
export type NotComparedReason = 'no-schools' | 'other-district';

export function whyNotCompared(
  schools: readonly School[],
  earlierSchools: readonly School[],
): NotComparedReason | null {
  const keys = schoolKeysOf(schools);
  if (keys.length === 0 || schoolKeysOf(earlierSchools).length === 0) return 'no-schools';
  return sameDistrict(keys, schoolKeysOf(earlierSchools)) ? null : 'other-district';
}

export const NOT_COMPARED_TEXT: Record<NotComparedReason, string> = {
  'no-schools': 'a report that names no school is not compared (which district it is cannot be told)',
  'other-district': 'the earlier report is of another district',
};
