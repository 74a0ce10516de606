/**
 * "Changes since the last run" counted while the findings stream by: the earlier run's findings
 * (from storage) first, then this run's (from the worker), a chunk at a time. Same matching as
 * core/report/changes.ts compareFindings (by code, record ID and reason, as multisets), for the
 * district and for every school at once, keeping only the earlier run's keys in memory.
 */
import { findingKey, type Changes, type ComparableFinding } from '../../core/report/changes.ts';
import type { PackedFinding } from '../../storage/schema.ts';
import { schoolKey } from '../state/school-view.svelte.ts';

export interface RunComparison<F extends ComparableFinding = ComparableFinding> {
  district: Changes;
  /** schoolKey → changes in that school (schools without any finding in either run are left out). */
  schools: Record<string, Changes>;
  /**
   * When collected (at most the counter's limit of each): the new findings in this run's order, and
   * the positions of the resolved ones in the earlier run's order (read back from storage).
   */
  lists?: { new: F[]; resolvedAt: number[] };
}

export function comparable(p: PackedFinding): ComparableFinding {
  const [code, reason, , id, , schools, file, row, field] = p;
  return { code, reason, id, schools, file, row, field };
}

class Tally {
  readonly before = new Map<string, number>();
  readonly changes: Changes = { new: 0, resolved: 0, unchanged: 0 };

  addBefore(key: string): void {
    this.before.set(key, (this.before.get(key) ?? 0) + 1);
  }
  addNow(key: string): void {
    const left = this.before.get(key) ?? 0;
    if (left > 0) {
      this.changes.unchanged++;
      if (left === 1) this.before.delete(key);
      else this.before.set(key, left - 1);
    } else this.changes.new++;
  }
  finish(): Changes {
    let resolved = 0;
    for (const n of this.before.values()) resolved += n;
    return { ...this.changes, resolved };
  }
}

export class ChangeCounter<F extends ComparableFinding = ComparableFinding> {
  #district = new Tally();
  #schools = new Map<string, Tally>();
  #current = false;
  /** With lists: the earlier findings' positions by key (only numbers are kept of them), this run's new ones. */
  #earlier: Map<string, number[]> | null = null;
  #seen = 0;
  #matched: boolean[] = [];
  #new: F[] = [];
  readonly #limit: number;

  /** `lists`: keep up to this many of the new and resolved findings themselves, not only their numbers. */
  constructor(options: { lists?: number } = {}) {
    this.#limit = options.lists ?? 0;
    if (this.#limit > 0) this.#earlier = new Map();
  }

  #school(key: string): Tally {
    let tally = this.#schools.get(key);
    if (!tally) this.#schools.set(key, (tally = new Tally()));
    return tally;
  }

  /** A finding of the earlier run (all of them must come before the first current one). */
  addPrevious(f: ComparableFinding): void {
    if (this.#current) throw new Error('the earlier findings must all come first');
    const key = findingKey(f);
    this.#district.addBefore(key);
    for (const s of f.schools) this.#school(schoolKey({ id: s })).addBefore(key);
    if (this.#earlier) {
      const list = this.#earlier.get(key);
      const at = this.#seen++;
      if (list) list.push(at);
      else this.#earlier.set(key, [at]);
    }
  }

  addCurrent(f: F): void {
    this.#current = true;
    const key = findingKey(f);
    this.#district.addNow(key);
    for (const s of f.schools) this.#school(schoolKey({ id: s })).addNow(key);
    if (this.#earlier) {
      const list = this.#earlier.get(key);
      const at = list?.shift();
      if (at !== undefined) this.#matched[at] = true;
      else if (this.#new.length < this.#limit) this.#new.push(f);
    }
  }

  result(): RunComparison<F> {
    const schools: Record<string, Changes> = {};
    for (const [key, tally] of this.#schools) schools[key] = tally.finish();
    const result: RunComparison<F> = { district: this.#district.finish(), schools };
    if (this.#earlier) {
      const resolvedAt: number[] = [];
      for (let i = 0; i < this.#seen && resolvedAt.length < this.#limit; i++)
        if (!this.#matched[i]) resolvedAt.push(i);
      result.lists = { new: this.#new, resolvedAt };
    }
    return result;
  }
}
