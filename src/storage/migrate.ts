/**
 * Upgrading the history database, one step per version. Each step checks what exists before it
 * creates anything, so running it again changes nothing; a step that fails aborts the upgrade
 * transaction, which leaves the database as it was (IndexedDB upgrades are atomic).
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { isPackedSnapshot, packSnapshot } from '../core/snapshot/packed-snapshot.ts';
import { isSnapshot } from '../core/snapshot/snapshot.ts';
import { packFinding } from './codec.ts';
import { districtAfterRun } from './district.ts';
import { detailsOf, headOf } from './records.ts';
import { DB_VERSION, FINDINGS_PER_CHUNK, type DistrictRecord, type V1Run } from './schema.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration handles every version's records */
type AnyDb = IDBPDatabase<any>;
type UpgradeTx = IDBPTransaction<any, any, 'versionchange'>;

function ensureStore(db: AnyDb, name: string, options: IDBObjectStoreParameters): void {
  if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, options);
}

/** Version 1: the first build kept each run whole in one store. */
function toV1(db: AnyDb): void {
  ensureStore(db, 'runs', { keyPath: 'id', autoIncrement: true });
}

export function isV1Run(value: unknown): value is V1Run {
  const v = value as V1Run;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.summary === 'object' &&
    v.summary !== null &&
    Array.isArray(v.findings) &&
    !('complete' in v)
  );
}

/** Version 2: findings in chunks, details, snapshots, districts and settings in stores of their own. */
async function toV2(db: AnyDb, tx: UpgradeTx): Promise<void> {
  ensureStore(db, 'details', { keyPath: 'run' });
  ensureStore(db, 'findings', { keyPath: ['run', 'index'] });
  ensureStore(db, 'snapshots', { keyPath: 'run' });
  ensureStore(db, 'districts', { keyPath: 'id' });
  ensureStore(db, 'settings', { keyPath: 'key' });
  const runs = tx.objectStore('runs');
  if (!runs.indexNames.contains('by-district')) runs.createIndex('by-district', ['district', 'at']);
  if (!runs.indexNames.contains('by-fingerprint')) runs.createIndex('by-fingerprint', 'fingerprint');

  const districts: DistrictRecord[] = await tx.objectStore('districts').getAll();
  // v1 keys grew with time, so the runs come oldest first and districts form as they did.
  for (let cursor = await runs.openCursor(); cursor; cursor = await cursor.continue()) {
    const old = cursor.value;
    if (!isV1Run(old)) continue;
    const run = cursor.primaryKey as number;
    const district = districtAfterRun(old.summary.schools, old.summary.generatedAt, districts);
    const at = districts.findIndex((d) => d.id === district.id);
    if (at >= 0) districts[at] = district;
    else districts.push(district);
    const chunkCount = Math.ceil(old.findings.length / FINDINGS_PER_CHUNK);
    for (let index = 0; index < chunkCount; index++) {
      const items = old.findings.slice(index * FINDINGS_PER_CHUNK, (index + 1) * FINDINGS_PER_CHUNK);
      await tx.objectStore('findings').put({ run, index, items: items.map(packFinding) });
    }
    await tx.objectStore('details').put(detailsOf(run, old, null));
    if (old.snapshot) await tx.objectStore('snapshots').put({ run, snapshot: old.snapshot });
    const head = headOf(old.summary, district.id, {
      sample: false,
      kept: 'findings',
      findingCount: old.findings.length,
      chunkCount,
      changes: null,
      complete: true,
    });
    await cursor.update({ ...head, id: run, startedAt: old.savedAt });
  }
  for (const d of districts) await tx.objectStore('districts').put(d);
}

/**
 * Version 3: snapshots as sorted numbers instead of hex lists. One that is neither (no build wrote
 * such a thing) is dropped rather than failing the upgrade: the next run of that district is then
 * compared without it, as after a run kept before snapshots existed.
 */
async function toV3(_db: AnyDb, tx: UpgradeTx): Promise<void> {
  const snapshots = tx.objectStore('snapshots');
  for (let cursor = await snapshots.openCursor(); cursor; cursor = await cursor.continue()) {
    const { snapshot } = cursor.value;
    if (isPackedSnapshot(snapshot)) continue;
    if (isSnapshot(snapshot)) await cursor.update({ ...cursor.value, snapshot: packSnapshot(snapshot) });
    else await cursor.delete();
  }
}

/** Version 4: each district's acknowledged findings; nothing older changes. */
function toV4(db: AnyDb): void {
  ensureStore(db, 'acknowledgements', { keyPath: 'district' });
}

/** Step n makes version n. */
const STEPS: ((db: AnyDb, tx: UpgradeTx) => void | Promise<void>)[] = [toV1, toV2, toV3, toV4];

/** Every step after `oldVersion` up to `newVersion`, in order. */
export async function upgrade(
  db: AnyDb,
  oldVersion: number,
  tx: UpgradeTx,
  newVersion = DB_VERSION,
): Promise<void> {
  for (let version = oldVersion + 1; version <= Math.min(newVersion, STEPS.length); version++)
    await STEPS[version - 1](db, tx);
}

/** How many versions `upgrade` knows (a test checks it is DB_VERSION: a forgotten step would be silent). */
export const UPGRADE_STEPS = STEPS.length;
