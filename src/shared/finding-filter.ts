/**
 * Filtering and paging findings: the one implementation for a fresh run (the worker) and a run read
 * back from the history (the page), so both page, filter and count reasons alike.
 */
import { MAX_PAGE, type FindingFilter } from './report-types.ts';

/** Whether a finding of this code, counted in these schools, matches the filter. */
export function matchesFilter(
  filter: FindingFilter,
  code: string,
  schools: readonly (string | null)[],
): boolean {
  return (
    (filter.code === undefined || code === filter.code) &&
    (filter.school === undefined || schools.includes(filter.school))
  );
}

/** The matches of one filter, gathered a finding at a time: their positions and their reasons. */
export class FilterMatches<P> {
  readonly at: P[] = [];
  /** reason → count ("" for none). */
  readonly reasons: Record<string, number> = {};

  constructor(private readonly filter: FindingFilter) {}

  add(position: P, code: string, reason: string | null, schools: readonly (string | null)[]): void {
    if (!matchesFilter(this.filter, code, schools)) return;
    this.at.push(position);
    const key = reason ?? '';
    this.reasons[key] = (this.reasons[key] ?? 0) + 1;
  }
}

/** The [start, end) of a page of `total` items asked from `offset`, at most `limit` and `max`. */
export function pageRange(total: number, offset: number, limit: number, max = MAX_PAGE): [number, number] {
  const start = Math.max(0, Math.min(Math.floor(offset), total));
  const end = Math.min(total, start + Math.max(0, Math.min(Math.floor(limit), max)));
  return [start, end];
}
