/**
 * Which IDs exist, per kind of record, for `ref-unknown`. A kind is checked only once every file
 * defining it has been read; references met earlier (a parent listed before its child in the same
 * users.csv) wait until then. When a defining file is missing or unreadable, references to its
 * kind are not checked: the file finding already says what is wrong.
 */
import type { RecordKind } from '../formats/types.ts';
import type { People, Roster } from '../model/roster.ts';
import { DamageTracker } from './damage.ts';
import { PendingRefs } from './pending-refs.ts';

export type { PendingRef } from './pending-refs.ts';

type Status = 'pending' | 'complete' | 'unavailable';

export class References {
  private readonly status = new Map<RecordKind, Status>();
  private readonly extra = new Map<RecordKind, Set<string>>();
  private readonly removedIds = new Map<RecordKind, Set<string>>();
  /** What some records are, for messages (an org's type), by kind and ID. */
  private readonly labels = new Map<string, string>();
  readonly waiting = new PendingRefs();
  /** What a spreadsheet did to the files (unresolved references are its best clue). */
  readonly damage: DamageTracker;

  constructor(private readonly roster: Roster) {
    this.damage = new DamageTracker(roster);
  }

  get people(): People {
    return this.roster.people;
  }

  setStatus(kind: RecordKind, status: Status): void {
    if (this.status.get(kind) === 'unavailable') return;
    this.status.set(kind, status);
  }

  statusOf(kind: RecordKind): Status {
    if (kind === 'org') return this.statusOf('school');
    return this.status.get(kind) ?? 'unavailable';
  }

  define(kind: RecordKind, id: string, label?: string): boolean {
    let set = this.extra.get(kind);
    if (!set) this.extra.set(kind, (set = new Set()));
    if (set.has(id)) return false;
    set.add(id);
    if (label) this.labels.set(`${kind}\u0000${id}`, label);
    return true;
  }

  remove(kind: RecordKind, id: string): void {
    let set = this.removedIds.get(kind);
    if (!set) this.removedIds.set(kind, (set = new Set()));
    set.add(id);
  }

  isRemoved(kind: RecordKind, id: string): boolean {
    if (this.removedIds.get(kind)?.has(id)) return true;
    return kind === 'org' ? this.isRemoved('school', id) : false;
  }

  exists(kind: RecordKind, id: string): boolean {
    switch (kind) {
      case 'school':
        return this.roster.schoolIndex.has(id);
      case 'org':
        return this.roster.schoolIndex.has(id) || !!this.extra.get('org')?.has(id);
      case 'person':
        return this.roster.findPerson(id) >= 0;
      case 'class':
        return this.roster.classIndex.has(id);
      default:
        return !!this.extra.get(kind)?.has(id);
    }
  }

  /** Index of the record in the roster (schools for kinds school and org), or -1. */
  indexOf(kind: RecordKind, id: string): number {
    switch (kind) {
      case 'school':
      case 'org':
        return this.roster.schoolIndex.get(id) ?? -1;
      case 'person':
        return this.roster.findPerson(id);
      case 'class':
        return this.roster.classIndex.get(id) ?? -1;
      default:
        return -1;
    }
  }

  /** 'ok', 'unknown', or 'later' (not all definitions read yet). */
  check(kind: RecordKind, id: string): 'ok' | 'unknown' | 'later' {
    const status = this.statusOf(kind);
    if (status === 'unavailable') return 'ok';
    if (this.exists(kind, id) || this.isRemoved(kind, id)) return 'ok';
    return status === 'pending' ? 'later' : 'unknown';
  }

  /**
   * Why a school reference failed, when the ID is an org of another type: that type ("department"),
   * "" when it has none written, null when no org has the ID.
   */
  orgTypeOf(id: string): string | null {
    if (!this.extra.get('org')?.has(id)) return null;
    return this.labels.get(`org\u0000${id}`) ?? '';
  }
}
