/**
 * What the Schools table sorts and filters by, worked out once per list of schools: at 100 000
 * schools, lower-casing every name and sorting on every keystroke took seconds of the main thread.
 * Each order is sorted once and kept; the filter walks the chosen order and keeps what matches, and
 * a longer filter text narrows the last result instead of starting over.
 */
import { schoolCounts, schoolStatus, type SchoolStatus, type SyncState } from '../../core/report/status.ts';
import type { SchoolEntry } from '../../shared/report-types.ts';
import type { SortDirection, SortKey } from './sort.ts';

// "Ready", "Blocked by file problems" and "On hold for review" never meet in one report: they take the same place.
const STATUS_RANK: Record<SchoolStatus, number> = {
  unplaced: 0,
  ready: 1,
  blocked: 1,
  held: 1,
  alerts: 2,
  errors: 3,
};

/**
 * Lower case for comparing. `toLowerCase` is `toLocaleLowerCase('en-US')` (English has no
 * language-specific case rules), without the latter's cost of a locale look-up per call.
 */
const lower = (text: string) => text.toLowerCase();

export class SchoolIndex {
  readonly schools: readonly SchoolEntry[];
  /** The report's `syncState`: a school without findings is "Ready" only when it is 'clear'. */
  readonly sync: SyncState;
  #names: string[] | null = null;
  #ids: string[] | null = null;
  #orders = new Map<string, Uint32Array>();
  #last: { order: string; needle: string; shown: number[] } | null = null;
  /** How many schools the filter has looked at (tests count work with it). */
  visited = 0;

  constructor(schools: readonly SchoolEntry[], sync: SyncState = 'clear') {
    this.schools = schools;
    this.sync = sync;
  }

  /** Positions in `schools`, sorted; ties keep the report's order. By name, "(no school)" stays last. */
  order(key: SortKey, direction: SortDirection): Uint32Array {
    const name = `${key} ${direction}`;
    let order = this.#orders.get(name);
    if (!order) {
      order = this.#sort(key, direction === 'ascending' ? 1 : -1);
      this.#orders.set(name, order);
    }
    return order;
  }

  /** Positions of the schools whose name or ID contains `text` (ignoring case), in the given order. */
  shown(text: string, key: SortKey, direction: SortDirection): number[] {
    const needle = lower(text.trim());
    const order = this.order(key, direction);
    const orderName = `${key} ${direction}`;
    const last = this.#last;
    let shown: number[];
    if (!needle) shown = Array.from(order);
    else if (last && last.order === orderName && last.needle && needle.includes(last.needle))
      shown = this.#filter(last.shown, needle);
    else shown = this.#filter(order, needle);
    this.#last = { order: orderName, needle, shown };
    return shown;
  }

  #filter(from: ArrayLike<number>, needle: string): number[] {
    const names = (this.#names ??= this.schools.map((s) => lower(s.name)));
    const ids = (this.#ids ??= this.schools.map((s) => lower(s.id ?? '')));
    const out: number[] = [];
    for (let k = 0; k < from.length; k++) {
      const i = from[k];
      if (names[i].includes(needle) || ids[i].includes(needle)) out.push(i);
    }
    this.visited += from.length;
    return out;
  }

  #sort(key: SortKey, sign: number): Uint32Array {
    const n = this.schools.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const last = (i: number) => (key === 'name' && this.schools[i].id === null ? 1 : 0);
    if (key === 'name') {
      const names = (this.#names ??= this.schools.map((s) => lower(s.name)));
      const byName = (a: number, b: number) =>
        last(a) - last(b) || (names[a] < names[b] ? -sign : names[a] > names[b] ? sign : a - b);
      return order.sort(byName);
    }
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = numberOf(this.schools[i], key, this.sync);
    return order.sort((a, b) => sign * (values[a] - values[b]) || a - b);
  }
}

function numberOf(school: SchoolEntry, key: Exclude<SortKey, 'name'>, sync: SyncState): number {
  switch (key) {
    case 'teachers':
      return school.counts.teachers;
    case 'students':
      return school.counts.students;
    case 'errors':
      return schoolCounts(school).errors;
    case 'alerts':
      return schoolCounts(school).alerts;
    case 'status':
      return STATUS_RANK[schoolStatus(school, sync)];
  }
}

const indexes = new WeakMap<readonly SchoolEntry[], SchoolIndex>();

/**
 * The index of a list of schools, made the first time it is asked for (going back to a report reuses
 * it). `sync` is the same report's `syncState`, so it never changes for one list.
 */
export function schoolIndex(schools: readonly SchoolEntry[], sync: SyncState = 'clear'): SchoolIndex {
  let index = indexes.get(schools);
  if (!index) indexes.set(schools, (index = new SchoolIndex(schools, sync)));
  return index;
}
