/**
 * What a report keeps of a roster so a later run can compare (hold-removals, "changes since"):
 * the IDs of teachers, students, parents and classes as salted hashes (id-hash.ts), never names,
 * sorted so the order of the files does not show. It travels in the report JSON as `roster`.
 */
import type { Roster } from '../model/roster.ts';
import { IdHasher } from './id-hash.ts';

export const SNAPSHOT_KINDS = ['teachers', 'students', 'parents', 'classes'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

export interface RosterSnapshot {
  /** 16 hex digits; the same salt is reused for every later run of the same district. */
  salt: string;
  teachers: string[];
  students: string[];
  parents: string[];
  classes: string[];
}

export function takeSnapshot(roster: Roster, salt: string): RosterSnapshot {
  const hasher = new IdHasher(salt);
  const snapshot: RosterSnapshot = { salt, teachers: [], students: [], parents: [], classes: [] };
  const list = { teacher: snapshot.teachers, student: snapshot.students, parent: snapshot.parents } as const;
  const people = roster.people;
  for (let i = 0; i < people.count; i++) {
    const role = people.role(i);
    if (role !== 'staff') list[role].push(hasher.hash(people.id(i)));
  }
  for (const c of roster.classes) snapshot.classes.push(hasher.hash(c.id));
  for (const kind of SNAPSHOT_KINDS) snapshot[kind].sort();
  return snapshot;
}

/** How many of the earlier IDs of each kind are gone now (both snapshots must share the salt). */
export function removedSince(
  previous: RosterSnapshot,
  current: RosterSnapshot,
): Record<SnapshotKind, { gone: number; before: number }> {
  const out = {} as Record<SnapshotKind, { gone: number; before: number }>;
  for (const kind of SNAPSHOT_KINDS) {
    const now = new Set(current[kind]);
    const before = previous[kind] ?? [];
    out[kind] = { gone: before.filter((h) => !now.has(h)).length, before: before.length };
  }
  return out;
}

export function isSnapshot(value: unknown): value is RosterSnapshot {
  const v = value as RosterSnapshot;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.salt === 'string' &&
    /^[0-9a-f]{16}$/.test(v.salt) &&
    SNAPSHOT_KINDS.every((k) => Array.isArray(v[k]) && v[k].every((h) => typeof h === 'string'))
  );
}
