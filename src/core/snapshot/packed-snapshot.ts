/**
 * A roster snapshot as sorted 64-bit numbers: the form in which it crosses between the worker and
 * the page and is kept in the history. A structured clone (postMessage, IndexedDB) copies these
 * arrays in one piece, where the hex lists of a million-student district are 2.6 million strings
 * that the page's main thread would make and copy one by one, for most of a second.
 */
import {
  compactSnapshot,
  hashesOf,
  HEX_HASH,
  SNAPSHOT_KINDS,
  type RosterSnapshot,
  type SnapshotHashes,
} from './snapshot.ts';
import { HIGH, LOW, sortHashes } from './sort-hashes.ts';

export interface PackedSnapshot extends SnapshotHashes {
  /** 16 hex digits, as in RosterSnapshot. */
  salt: string;
}

/** The snapshot's numbers (shared with it, not copied, when it was made from numbers). */
export function packSnapshot(snapshot: RosterSnapshot): PackedSnapshot {
  const hashes = hashesOf(snapshot);
  const packed = { salt: snapshot.salt } as PackedSnapshot;
  for (const kind of SNAPSHOT_KINDS) packed[kind] = hashes ? hashes[kind] : numbersOf(snapshot[kind]);
  return packed;
}

/** The snapshot of these numbers; its hex lists are made only if someone reads them. */
export function unpackSnapshot(packed: PackedSnapshot): RosterSnapshot {
  const { salt, ...hashes } = packed;
  return compactSnapshot(salt, hashes);
}

/** Hex hashes (isSnapshot checked them: 16 hex digits each) as sorted numbers. */
function numbersOf(hexes: string[]): BigUint64Array {
  const list = new BigUint64Array(hexes.length);
  const words = new Uint32Array(list.buffer);
  for (let i = 0; i < hexes.length; i++) {
    words[2 * i + HIGH] = parseInt(hexes[i].slice(0, 8), 16);
    words[2 * i + LOW] = parseInt(hexes[i].slice(8), 16);
  }
  sortHashes(list);
  return list;
}

/** Is this a packed snapshot (as read back from the history)? By tag, so it holds across realms. */
export function isPackedSnapshot(value: unknown): value is PackedSnapshot {
  const v = value as PackedSnapshot;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.salt === 'string' &&
    HEX_HASH.test(v.salt) &&
    SNAPSHOT_KINDS.every((k) => Object.prototype.toString.call(v[k]) === '[object BigUint64Array]')
  );
}
