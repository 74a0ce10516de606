/**
 * Which district a run belongs to, so "the previous run" is the previous run of the same district.
 *
 * A school is known by its ID and its name together (IDs such as "1" or "100" recur across
 * districts; a name alone is often shared too). A district is every school seen in its runs. A
 * run belongs to the known district with which it shares more than half of the schools of the
 * smaller of the two (the most recently run district wins a tie). So a district that adds, drops
 * or renames a few schools, exports only some of them, or the whole district after a partial
 * export, is still recognised; a run whose schools are mostly new starts a district of its own.
 * Runs without any school (a schools file missing) share one district of their own.
 */
import { schoolKeysOf, SAME_DISTRICT_SHARE, sharedShare } from '../core/report/district.ts';
import type { SchoolEntry } from '../core/report/types.ts';
import type { DistrictRecord } from './schema.ts';

export { schoolKeysOf, SAME_DISTRICT_SHARE };

export const NO_SCHOOLS_DISTRICT = 'no-schools';

type School = Pick<SchoolEntry, 'id' | 'name'>;

export function matchDistrict(
  keys: readonly string[],
  districts: readonly DistrictRecord[],
): DistrictRecord | null {
  if (keys.length === 0) return districts.find((d) => d.id === NO_SCHOOLS_DISTRICT) ?? null;
  let best: DistrictRecord | null = null;
  let bestShare = 0;
  for (const d of districts) {
    if (d.id === NO_SCHOOLS_DISTRICT) continue;
    const share = sharedShare(keys, d.schools);
    if (share <= SAME_DISTRICT_SHARE) continue;
    if (!best || share > bestShare || (share === bestShare && d.lastRunAt > best.lastRunAt))
      [best, bestShare] = [d, share];
  }
  return best;
}

/** "North High", "North High and South Elementary", "North High, South Elementary and 3 more schools". */
export function districtLabel(schools: readonly School[]): string {
  const names = schools.filter((s) => s.id !== null).map((s) => s.name || s.id || '');
  if (names.length === 0) return 'Runs without schools';
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  const rest = names.length - 2;
  return `${names[0]}, ${names[1]} and ${rest} more ${rest === 1 ? 'school' : 'schools'}`;
}

function newDistrictId(): string {
  return `d-${crypto.randomUUID()}`;
}

/** The admin says which district a run without schools is of: a known one, or a new name. */
export type DistrictChoice = { id: string } | { label: string };

/**
 * The district record for a run without schools whose district the admin named (null: no such
 * district, or an empty name). A new name that is already a district's is that district.
 */
export function namedDistrict(
  choice: DistrictChoice,
  at: string,
  districts: readonly DistrictRecord[],
): DistrictRecord | null {
  const known = districts.filter((d) => d.id !== NO_SCHOOLS_DISTRICT);
  const name = 'label' in choice ? choice.label.trim() : '';
  const found =
    'id' in choice
      ? known.find((d) => d.id === choice.id)
      : known.find((d) => d.label.trim().toLowerCase() === name.toLowerCase());
  if (found) return { ...found, lastRunAt: found.lastRunAt > at ? found.lastRunAt : at };
  if (!name) return null;
  return { id: newDistrictId(), label: name, named: true, schools: [], lastRunAt: at };
}

/** The district record after a run of these schools: an existing one grown, or a new one. */
export function districtAfterRun(
  schools: readonly School[],
  at: string,
  districts: readonly DistrictRecord[],
): DistrictRecord {
  const keys = schoolKeysOf(schools);
  const found = matchDistrict(keys, districts);
  if (!found) {
    const id = keys.length === 0 ? NO_SCHOOLS_DISTRICT : newDistrictId();
    return { id, label: districtLabel(schools), schools: keys, lastRunAt: at };
  }
  const merged = [...new Set([...found.schools, ...keys])].sort();
  if (at < found.lastRunAt) return { ...found, schools: merged }; // an older run, imported
  const label = found.named ? found.label : districtLabel(schools);
  return { ...found, label, schools: merged, lastRunAt: at };
}
