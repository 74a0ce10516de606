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
import { NO_TICK, TICK_EVERY, type Tick } from '../engine/ticks.ts';

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
type Hashes = Record<SnapshotKind, BigUint64Array>;
const compactHashes = new WeakMap<RosterSnapshot, Hashes>();
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Word positions of the high and low halves of a 64-bit number in a Uint32Array view. */
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = 1 - HIGH;

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

function compactSnapshot(salt: string, hashes: Hashes): RosterSnapshot {
  const snapshot = { salt } as RosterSnapshot;
  for (const kind of SNAPSHOT_KINDS) {
    let hex: string[] | null = null;
    // An own, enumerable getter: JSON.stringify, structured clone and spreading all read it.
    Object.defineProperty(snapshot, kind, { enumerable: true, get: () => (hex ??= hexList(hashes[kind])) });
  }
  compactHashes.set(snapshot, hashes);
  return snapshot;
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
  for (const kind of SNAPSHOT_KINDS) {
    const before = previous[kind] ?? [];
    let gone = 0;
    if (compact) {
      const words = new Uint32Array(compact[kind].buffer);
      for (const h of before) if (!containsHex(words, h)) gone++;
    } else {
      const now = new Set(current[kind]);
      for (const h of before) if (!now.has(h)) gone++;
    }
    out[kind] = { gone, before: before.length };
  }
  return out;
}

/** Binary search of a hex hash among sorted 64-bit numbers (as 32-bit word pairs). */
function containsHex(words: Uint32Array, hex: string): boolean {
  if (!/^[0-9a-f]{16}$/.test(hex)) return false;
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

/** A bucket longer than this (only repeated IDs or chosen inputs make one) goes to the built-in sort. */
const INSERTION_LIMIT = 32;

/**
 * Sorts 64-bit hashes in place like `BigUint64Array.prototype.sort`, in about half its time:
 * salted hashes are uniform, so one counting pass on their top bits spreads them into buckets of a
 * few each, and a short insertion sort finishes every bucket.
 */
export function sortHashes(list: BigUint64Array): void {
  const n = list.length;
  if (n < 2) return;
  // About one bucket per number, at most 65 536.
  const bits = Math.min(16, 32 - Math.clz32(n - 1));
  const shift = 32 - bits;
  const words = new Uint32Array(list.buffer, list.byteOffset, 2 * n);
  const starts = new Int32Array((1 << bits) + 1);
  for (let i = 0; i < n; i++) starts[(words[2 * i + HIGH] >>> shift) + 1]++;
  for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
  const sorted = new BigUint64Array(n);
  const out = new Uint32Array(sorted.buffer);
  const next = starts.slice(0, -1);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + HIGH];
    const at = 2 * next[high >>> shift]++;
    out[at + HIGH] = high;
    out[at + LOW] = words[2 * i + LOW];
  }
  for (let b = 0; b + 1 < starts.length; b++) {
    const from = starts[b];
    const to = starts[b + 1];
    if (to - from > INSERTION_LIMIT) sorted.subarray(from, to).sort();
    else if (to - from > 1) insertionSort(out, from, to);
  }
  list.set(sorted);
}

/** Sorts the numbers from…to-1 of `words` (pairs of 32-bit halves). */
function insertionSort(words: Uint32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const high = words[2 * i + HIGH];
    const low = words[2 * i + LOW];
    let j = i - 1;
    for (; j >= from; j--) {
      const h = words[2 * j + HIGH];
      if (h < high || (h === high && words[2 * j + LOW] <= low)) break;
      words[2 * j + 2 + HIGH] = h;
      words[2 * j + 2 + LOW] = words[2 * j + LOW];
    }
    words[2 * j + 2 + HIGH] = high;
    words[2 * j + 2 + LOW] = low;
  }
}
