import { isPackedSnapshot } from '../../core/snapshot/packed-snapshot.ts';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { districtAfterRun } from '../../storage/district.ts';
import { HistoryStore } from '../../storage/history-store.ts';
import { DB_NAME, DB_VERSION, STORES, type KeepMode } from '../../storage/schema.ts';
import { freshIndexedDb } from '../../../tests/fixtures/storage.ts';
import { checked, district } from '../../../tests/fixtures/worker-district.ts';
import { recordRun, Replaced, type RecordOutcome } from './recorder.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => {
  store.close();
  vi.restoreAllMocks();
});

/** Another tab with a newer build opens the database (this tab's connection steps aside). */
function openNewerVersion(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked by this tab'));
  });
}

/** Checks a district with the real worker facade and keeps the run as the page does. */
async function checkAndRecord(
  teachersWithoutEmail: number,
  options: { keep?: KeepMode; isCurrent?: () => boolean } = {},
): Promise<RecordOutcome> {
  const { api, report } = await checked(district(teachersWithoutEmail));
  const place = districtAfterRun(report.summary.schools, report.summary.generatedAt, await store.districts());
  return recordRun(
    store,
    { ...api, isCurrent: options.isCurrent ?? (() => true) },
    {
      report,
      sample: false,
      previous: await store.latestRun(place.id),
      district: place,
      keep: options.keep ?? 'findings',
    },
  );
}

/** Every record of every store, read with a connection of its own. */
async function everyRecord(): Promise<Record<string, unknown[]>> {
  const db = await openDB(DB_NAME, DB_VERSION);
  const out: Record<string, unknown[]> = {};
  for (const name of STORES) out[name] = await db.getAll(name);
  db.close();
  return out;
}

/** The browser refuses writes to one store (as a full disk would) from now on. */
function refuseWrites(method: 'add' | 'put', store: string) {
  const original = FakeObjectStore.prototype[method];
  vi.spyOn(FakeObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === store) throw new DOMException('full', 'QuotaExceededError');
    return original.apply(this, args as Parameters<typeof original>);
  });
}

describe('keeping a finished run', () => {
  it('stores the first run of a district with all its findings and nothing to compare', async () => {
    const outcome = await checkAndRecord(12);
    expect(outcome).toMatchObject({ comparison: null, notSaved: null });
    const [head] = await store.runs();
    expect(head).toMatchObject({
      id: outcome.runId,
      findingCount: 13,
      chunkCount: 1,
      changes: null,
      kept: 'findings',
    });
    expect(isPackedSnapshot(await store.snapshot(head.id!))).toBe(true);
    expect((await store.snapshot(head.id!))!.teachers).toHaveLength(13);
  });

  it('compares a second run with the first: resolved, new and unchanged, for the district and per school', async () => {
    await checkAndRecord(12);
    const outcome = await checkAndRecord(5);
    // 7 teachers gone from North (resolved); 5 still without email and the South student unchanged.
    expect(outcome.comparison?.district).toEqual({ new: 0, resolved: 7, unchanged: 6 });
    expect(outcome.comparison?.schools['id:s1']).toEqual({ new: 0, resolved: 7, unchanged: 5 });
    expect(outcome.comparison?.schools['id:s2']).toEqual({ new: 0, resolved: 0, unchanged: 1 });
    const [second, first] = await store.runs();
    expect(second.changes).toEqual({ new: 0, resolved: 7, unchanged: 6, since: first.id, sinceAt: first.at });
    expect((await store.details(second.id!))?.schoolChanges).toEqual(outcome.comparison?.schools);
  });

  it('keeps counts only when set, and a later run then cannot know the changes', async () => {
    await checkAndRecord(12, { keep: 'counts' });
    const [head] = await store.runs();
    expect(head).toMatchObject({ kept: 'counts', findingCount: 13, chunkCount: 0 });
    expect(await checkAndRecord(5)).toMatchObject({ comparison: null, earlierUnreadable: false });
  });

  it('says when the earlier run kept its findings but they cannot be read (no comparison)', async () => {
    await checkAndRecord(12);
    expect((await checkAndRecord(5)).earlierUnreadable).toBe(false);
    const get = FakeObjectStore.prototype.get;
    vi.spyOn(FakeObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'findings') throw new DOMException('damaged', 'UnknownError');
      return get.apply(this, args as Parameters<typeof get>);
    });
    const outcome = await checkAndRecord(3);
    expect(outcome).toMatchObject({ comparison: null, earlierUnreadable: true, notSaved: null });
    expect((await store.runs())[0]).toMatchObject({ findingCount: 4, changes: null });
  });

  it('still compares when the browser refuses the write, says why, and leaves the earlier run as it was', async () => {
    await checkAndRecord(12);
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'findings') throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const outcome = await checkAndRecord(5);
    expect(outcome.runId).toBeNull();
    expect(outcome.notSaved?.kind).toBe('quota');
    expect(outcome.comparison?.district).toEqual({ new: 0, resolved: 7, unchanged: 6 });
    vi.restoreAllMocks();
    const runs = await store.runs();
    expect(runs.map((r) => r.findingCount)).toEqual([13]);
    expect(await store.districts()).toHaveLength(1);
  });

  it('says the run was not saved when another tab upgrades the database while it is written', async () => {
    await checkAndRecord(12);
    const { api, report } = await checked(district(5));
    const place = districtAfterRun(
      report.summary.schools,
      report.summary.generatedAt,
      await store.districts(),
    );
    let newer: IDBDatabase | undefined;
    const source = {
      ...api,
      isCurrent: () => true,
      async historyFindings(offset: number, limit: number) {
        newer ??= await openNewerVersion();
        return api.historyFindings(offset, limit);
      },
    };
    const previous = await store.latestRun(place.id);
    const outcome = await recordRun(store, source, {
      report,
      sample: false,
      previous,
      district: place,
      keep: 'findings',
    });
    expect(outcome.notSaved?.kind).toBe('newer');
    expect(outcome.notSaved?.message).toMatch(/reload this page/);
    expect(outcome.comparison?.district).toEqual({ new: 0, resolved: 7, unchanged: 6 });
    newer?.close();
  });

  it('keeps record IDs of a counts-only run only as salted hashes, and no name anywhere', async () => {
    await checkAndRecord(12, { keep: 'counts' });
    const records = await everyRecord();
    const [{ snapshot }] = records.snapshots as { snapshot: Record<string, unknown> }[];
    // Only numbers (sorted salted hashes) and the salt.
    expect(isPackedSnapshot(snapshot)).toBe(true);
    expect(Object.keys(snapshot).sort()).toEqual(['classes', 'parents', 'salt', 'students', 'teachers']);
    expect((snapshot.teachers as BigUint64Array).length).toBe(13);
    const stored = JSON.stringify(records, (_key, v: unknown) =>
      typeof v === 'bigint' ? v.toString(16) : v,
    );
    for (const kept of ['t000', 't011', 'tz', 'st1', 'st2', 'c1', 'Zed', 'N0', 'Kim', 'Ray', 'zed@x.org'])
      expect(stored).not.toContain(`"${kept}"`);
    expect(stored).not.toMatch(/Teacher N|Bo Kim|Al Ray/);
  });

  it.each([
    ['the head of the run', 'add', 'runs'],
    ['a chunk of findings', 'put', 'findings'],
    ['the details that complete the run', 'put', 'details'],
    ['the district', 'put', 'districts'],
  ] as const)('leaves every store as it was when the browser refuses %s', async (_, method, refused) => {
    await checkAndRecord(12);
    const before = await everyRecord();
    refuseWrites(method, refused);
    const outcome = await checkAndRecord(5);
    expect(outcome).toMatchObject({ runId: null, notSaved: { kind: 'quota' } });
    expect(outcome.comparison?.district).toEqual({ new: 0, resolved: 7, unchanged: 6 });
    vi.restoreAllMocks();
    expect(await everyRecord()).toEqual(before);
  });

  it('drops the half-written run when another check replaces it in the worker', async () => {
    await expect(checkAndRecord(12, { isCurrent: () => false })).rejects.toBeInstanceOf(Replaced);
    expect(await store.runs()).toEqual([]);
    await new HistoryStore().ready();
    expect(await store.runs()).toEqual([]);
  });
});
