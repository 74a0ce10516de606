import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unpackFinding } from './codec.ts';
import { StorageError } from './db.ts';
import { HistoryStore } from './history-store.ts';
import { upgrade, UPGRADE_STEPS } from './migrate.ts';
import { DB_NAME, DB_VERSION, FINDINGS_PER_CHUNK, STORES, type V1Run } from './schema.ts';
import {
  freshIndexedDb,
  hexSnapshotOf,
  manyFindings,
  runReport,
  school,
  snapshotOf,
} from '../../tests/fixtures/storage.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => store.close());

/** What the first build wrote: version 1, one `runs` store, each run whole. Raw IndexedDB calls. */
function writeVersion1(runs: V1Run[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('runs', 'readwrite');
      for (const run of runs) tx.objectStore('runs').add(run);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

function v1Run(
  at: string,
  findingCount: number,
  schools = [school('s1', 'North'), school('s2', 'South')],
): V1Run {
  const findings = manyFindings(findingCount, `t${at.slice(8, 10)}-`);
  const report = runReport(at, findings, schools);
  return { savedAt: at, ...report, findings, snapshot: hexSnapshotOf(SALT, [BigInt(Date.parse(at))]) };
}

const SALT = '0123456789abcdef';
const MON = '2026-11-23T09:00:00.000Z';
const TUE = '2026-11-24T09:00:00.000Z';
const WED = '2026-11-25T09:00:00.000Z';

async function rawCounts(version?: number) {
  const db = await openDB(DB_NAME, version);
  const counts: Record<string, number> = {};
  for (const name of db.objectStoreNames) counts[name] = await db.count(name as never);
  const result = { version: db.version, counts };
  db.close();
  return result;
}

describe('upgrading a history written by an older build', () => {
  const big = FINDINGS_PER_CHUNK * 2 + 123;

  it('moves every version-1 run into the version-2 stores without losing anything', async () => {
    const old = [v1Run(MON, big), v1Run(TUE, 3, [school('x9', 'Elsewhere High')]), v1Run(WED, 2)];
    await writeVersion1(old);
    await store.ready();

    const runs = await store.runs();
    expect(runs.map((r) => r.at)).toEqual([WED, TUE, MON]);
    expect(runs.every((r) => r.complete && r.kept === 'findings' && r.changes === null)).toBe(true);
    // Monday and Wednesday are the same district (same schools); Tuesday's is another.
    const [wed, tue, mon] = runs;
    expect(mon.district).toBe(wed.district);
    expect(tue.district).not.toBe(mon.district);
    expect((await store.districts()).map((d) => d.label).sort()).toEqual([
      'Elsewhere High',
      'North and South',
    ]);
    expect(await store.latestRun(mon.district)).toMatchObject({ id: wed.id });

    expect(mon).toMatchObject({
      findingCount: big,
      chunkCount: 3,
      totals: old[0].summary.totals,
      files: old[0].summary.files,
    });
    const back = [];
    for await (const chunk of store.findings(mon))
      back.push(...chunk.map((p) => unpackFinding(p, old[0].rules)));
    expect(back).toEqual(old[0].findings);
    expect(await store.details(mon.id!)).toMatchObject({
      schools: old[0].summary.schools,
      rules: old[0].rules,
    });
    expect(await store.snapshot(mon.id!)).toEqual(snapshotOf(SALT, [BigInt(Date.parse(MON))]));

    const after = await rawCounts();
    expect(after.version).toBe(DB_VERSION);
    expect(after.counts).toMatchObject({ runs: 3, details: 3, snapshots: 3, districts: 2, findings: 5 });
  });

  it('is idempotent: running the steps again over migrated data changes nothing', async () => {
    await writeVersion1([v1Run(MON, 7), v1Run(TUE, 1)]);
    await store.ready();
    store.close();
    const before = await rawCounts();
    const db = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade: (database, _old, _new, tx) => void upgrade(database, 1, tx),
    });
    db.close();
    expect((await rawCounts()).counts).toEqual(before.counts);
  });

  it('leaves the version-1 database as it was when the migration fails', async () => {
    const broken = { ...v1Run(MON, 2), summary: { ...v1Run(MON, 2).summary, schools: 'not a list' } };
    await writeVersion1([v1Run(MON, 2), broken as unknown as V1Run]);
    await expect(store.ready()).rejects.toBeInstanceOf(StorageError);
    const after = await rawCounts();
    expect(after.version).toBe(1);
    expect(after.counts).toEqual({ runs: 2 });
  });

  it('keeps version-2 snapshots (hex lists) as sorted numbers, and drops one that is not a snapshot', async () => {
    const hex = hexSnapshotOf(SALT, [0xffn, 0x10n, 2n ** 64n - 1n]);
    hex.teachers.reverse(); // the numbers come back sorted whatever the stored order
    const db = await openDB(DB_NAME, 2, {
      upgrade: (database, oldVersion, newVersion, tx) => void upgrade(database, oldVersion, tx, newVersion!),
    });
    await db.put('snapshots', { run: 1, snapshot: hex });
    await db.put('snapshots', { run: 2, snapshot: { salt: SALT, teachers: ['not a hash'] } });
    db.close();

    await store.ready();
    expect(await store.snapshot(1)).toEqual(snapshotOf(SALT, [0x10n, 0xffn, 2n ** 64n - 1n]));
    expect(await store.snapshot(2)).toBeNull();
    expect((await rawCounts()).version).toBe(DB_VERSION);
  });

  it('adds the acknowledgements store to a version-3 history, whose runs survive', async () => {
    await writeVersion1([v1Run(MON, 7), v1Run(TUE, 3)]);
    const v3 = await openDB(DB_NAME, 3, {
      upgrade: (database, oldVersion, newVersion, tx) => void upgrade(database, oldVersion, tx, newVersion!),
    });
    v3.close();
    const before = await rawCounts(3);
    expect(before.counts).not.toHaveProperty('acknowledgements');
    expect(before.counts).toMatchObject({ runs: 2, findings: 2, districts: 1 });

    await store.ready();
    const after = await rawCounts();
    expect(after.version).toBe(4);
    expect(after.counts).toEqual({ ...before.counts, acknowledgements: 0 });
    const [tue, mon] = await store.runs();
    expect([tue.at, mon.at, mon.findingCount]).toEqual([TUE, MON, 7]);
    const ack = { code: 'teacher-email', id: 't1', field: null, value: null, note: 'left' };
    await store.acknowledge(mon.district, [ack]);
    expect(await store.acknowledgements(mon.district)).toEqual([ack]);
  });

  it('has a step for every version (a version raised without one would upgrade nothing)', () => {
    expect(UPGRADE_STEPS).toBe(DB_VERSION);
  });

  it('creates the current schema from nothing', async () => {
    await store.ready();
    const after = await rawCounts();
    expect(after.version).toBe(DB_VERSION);
    expect(Object.keys(after.counts).sort()).toEqual([...STORES].sort());
  });
});
