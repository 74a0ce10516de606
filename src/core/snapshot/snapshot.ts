/**
 * What a report keeps of a roster so a later run can compare (hold-removals, "changes since"):
 * the IDs of teachers, students, parents and classes as salted hashes (id-hash.ts), never names,
 * sorted so the order of the files does not show. It travels in the report JSON as `roster`.
 *
 * A run keeps its hashes as sorted 64-bit numbers (8 bytes an ID); the lists of hex strings are
 * made the first time someone reads them (the JSON, the history), so a district of millions of
 * people does not hold millions of strings it may never need.
 */
import { ROLE_RANK, type Role, type Roster } from '../model/roster.ts';
import { hexOf, IdHasher } from './id-hash.ts';
import { NO_TICK, TICK_EVERY, type Tick } from '../model/ticks.ts';
import { HIGH, LOW, sortHashes } from './sort-hashes.ts';

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

/** Per kind, the hashes as sorted numbers (BigUint64Array: the hex order is the numeric order). */
export type SnapshotHashes = Record<SnapshotKind, BigUint64Array>;
const compactHashes = new WeakMap<RosterSnapshot, SnapshotHashes>();
/** A salt or a salted hash: 16 hex digits. */
export const HEX_HASH = /^[0-9a-f]{16}$/;

/** The list of a person (teachers 0, students 1, parents 2; staff none) by role rank: no string keys per person. */
const KIND_OF_ROLE = { teacher: 0, student: 1, parent: 2, staff: -1 } as const;
const KIND_OF_RANK: number[] = [];
for (const role of Object.keys(KIND_OF_ROLE) as Role[]) KIND_OF_RANK[ROLE_RANK[role]] = KIND_OF_ROLE[role];

export function takeSnapshot(roster: Roster, salt: string, tick: Tick = NO_TICK): RosterSnapshot {
  const hasher = new IdHasher(salt);
  const people = roster.people;
  const texts = people.texts;
  const counts = [0, 0, 0, roster.classes.length];
  for (let i = 0; i < people.count; i++) {
    const k = KIND_OF_RANK[people.rank(i)];
    if (k >= 0) counts[k]++;
  }
  const lists = counts.map((n) => new BigUint64Array(n));
  const words = lists.map((list) => new Uint32Array(list.buffer));
  const filled = [0, 0, 0, 0];
  const put = (k: number, first: number) => {
    const at = 2 * filled[k]++;
    words[k][at + HIGH] = first;
    words[k][at + LOW] = hasher.second;
  };
  for (let i = 0; i < people.count; i++) {
    if ((i & TICK_EVERY) === 0) tick(i, people.count + 4);
    const k = KIND_OF_RANK[people.rank(i)];
    if (k < 0) continue;
    const ref = people.idRef(i);
    put(k, hasher.hashWords(texts.source(ref), texts.offset(ref), texts.length(ref)));
  }
  for (const c of roster.classes) put(3, hasher.hashWords(c.id, 0, c.id.length));
  lists.forEach((list, k) => {
    sortHashes(list);
    tick(people.count + k, people.count + lists.length);
  });
  const [teachers, students, parents, classes] = lists;
  return compactSnapshot(salt, { teachers, students, parents, classes });
}

/** A snapshot over sorted hashes; its hex lists are made the first time they are read. */
export function compactSnapshot(salt: string, hashes: SnapshotHashes): RosterSnapshot {
  const snapshot = { salt } as RosterSnapshot;
  for (const kind of SNAPSHOT_KINDS) {
    let hex: string[] | null = null;
    // An own, enumerable getter: JSON.stringify, structured clone and spreading all read it.
    Object.defineProperty(snapshot, kind, { enumerable: true, get: () => (hex ??= hexList(hashes[kind])) });
  }
  compactHashes.set(snapshot, hashes);
  return snapshot;
}

/** The sorted numbers behind a snapshot made by takeSnapshot or compactSnapshot (none for plain lists). */
export function hashesOf(snapshot: RosterSnapshot): SnapshotHashes | undefined {
  return compactHashes.get(snapshot);
}

function hexList(list: BigUint64Array): string[] {
  const words = new Uint32Array(list.buffer, list.byteOffset, list.length * 2);
  const out = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = hexOf(words[2 * i + HIGH], words[2 * i + LOW]);
  return out;
}

/** How many of the earlier IDs of each kind are gone now (both snapshots must share the salt). */
export function removedSince(
  previous: RosterSnapshot,
  current: RosterSnapshot,
): Record<SnapshotKind, { gone: number; before: number }> {
  const out = {} as Record<SnapshotKind, { gone: number; before: number }>;
  const compact = compactHashes.get(current);
  const compactBefore = compactHashes.get(previous);
  for (const kind of SNAPSHOT_KINDS) {
    if (compact && compactBefore) {
      // Both sorted: one walk, and no hex string is made.
      out[kind] = {
        gone: countMissing(compactBefore[kind], compact[kind]),
        before: compactBefore[kind].length,
      };
      continue;
    }
    const before = previous[kind] ?? [];
    let gone = 0;
    if (compact) {
      const list = compact[kind];
      const words = new Uint32Array(list.buffer, list.byteOffset, 2 * list.length);
      for (const h of before) if (!containsHex(words, h)) gone++;
    } else {
      const now = new Set(current[kind]);
      for (const h of before) if (!now.has(h)) gone++;
    }
    out[kind] = { gone, before: before.length };
  }
  return out;
}

/**
 * How many numbers of sorted `before` are not in sorted `now` (a repeated number counts each time).
 * Compared as 32-bit halves: reading a BigUint64Array makes a BigInt per element.
 */
function countMissing(before: BigUint64Array, now: BigUint64Array): number {
  const a = new Uint32Array(before.buffer, before.byteOffset, 2 * before.length);
  const b = new Uint32Array(now.buffer, now.byteOffset, 2 * now.length);
  let gone = 0;
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    const high = a[2 * i + HIGH];
    const low = a[2 * i + LOW];
    while (j < now.length && (b[2 * j + HIGH] < high || (b[2 * j + HIGH] === high && b[2 * j + LOW] < low)))
      j++;
    if (j === now.length || b[2 * j + HIGH] !== high || b[2 * j + LOW] !== low) gone++;
  }
  return gone;
}

/** Binary search of a hex hash among sorted 64-bit numbers (as 32-bit word pairs). */
function containsHex(words: Uint32Array, hex: string): boolean {
  if (!HEX_HASH.test(hex)) return false;
  const high = parseInt(hex.slice(0, 8), 16);
  const low = parseInt(hex.slice(8), 16);
  let lo = 0;
  let hi = words.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const h = words[2 * mid + HIGH];
    const l = words[2 * mid + LOW];
    if (h === high && l === low) return true;
    if (h < high || (h === high && l < low)) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A snapshot as the report JSON carries it: a 16-hex-digit salt and lists of 16-hex-digit hashes. */
export function isSnapshot(value: unknown): value is RosterSnapshot {
  const v = value as RosterSnapshot;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.salt === 'string' &&
    HEX_HASH.test(v.salt) &&
    SNAPSHOT_KINDS.every(
      (k) => Array.isArray(v[k]) && v[k].every((h) => typeof h === 'string' && HEX_HASH.test(h)),
    )
  );
}
