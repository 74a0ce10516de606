/**
 * Which findings match a filter, computed once per filter and kept: paging through 100 000 findings
 * then costs a slice, not a scan. A finding counting in two schools appears once in each school.
 */
import type { ValidationResult } from '../core/report/build.ts';
import { FilterMatches } from '../shared/finding-filter.ts';
import { filterKey, type FindingFilter } from '../shared/report-types.ts';

export interface FilterIndex {
  /** Indexes into result.findings, in report order. */
  indexes: Int32Array;
  /** reason → count ("" for none). */
  reasons: Record<string, number>;
}

/**
 * `acknowledged[i]` is 1 for a finding the district's admin acknowledged (null: none are); a
 * filter asking for acknowledged findings only, or the others only, reads it.
 */
export function buildIndex(
  result: ValidationResult,
  filter: FindingFilter,
  acknowledged: Uint8Array | null = null,
): FilterIndex {
  const { findings } = result;
  const matches = new FilterMatches<number>(filter);
  const bySchool = filter.school !== undefined;
  for (let i = 0; i < findings.length; i++) {
    const raw = findings.raw[i];
    // The schools are worked out only when the filter asks for them (a million findings).
    if (filter.code !== undefined && raw.code !== filter.code) continue;
    // The fix plan's cause: a fresh run only (the history keeps no causes).
    if (filter.cause !== undefined && findings.causeOf[i] !== filter.cause) continue;
    if (filter.acknowledged !== undefined && (acknowledged?.[i] === 1) !== filter.acknowledged) continue;
    matches.add(i, raw.code, raw.reason, bySchool ? findings.schoolsOf(i) : []);
  }
  return { indexes: Int32Array.from(matches.at), reasons: matches.reasons };
}

/** Indexes by filter for one result, built on first use. */
export class FindingIndex {
  private readonly cache = new Map<string, FilterIndex>();
  constructor(
    private readonly result: ValidationResult,
    private readonly acknowledged: Uint8Array | null = null,
  ) {}

  /**
   * The same result with other acknowledgements: the indexes of filters that do not ask about them
   * are kept (an acknowledge click rebuilds only the lists of acknowledged or other findings).
   */
  withAcknowledged(acknowledged: Uint8Array | null): FindingIndex {
    const index = new FindingIndex(this.result, acknowledged);
    for (const [key, entry] of this.cache) if (key.endsWith('\u0000*')) index.cache.set(key, entry);
    return index;
  }

  get(filter: FindingFilter): FilterIndex {
    const key = filterKey(filter);
    let entry = this.cache.get(key);
    if (!entry) {
      entry = buildIndex(this.result, filter, this.acknowledged);
      this.cache.set(key, entry);
    }
    return entry;
  }
}
