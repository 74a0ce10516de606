import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../core/report/types.ts';
import { HistoryStore } from '../../storage/history-store.ts';
import type { KeepMode } from '../../storage/schema.ts';
import { finding, freshIndexedDb, recordFindings, runReport } from '../../../tests/fixtures/storage.ts';
import { storedChangeLists } from './stored-changes.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => store.close());

const keep = (at: string, findings: Finding[], mode: KeepMode = 'findings') =>
  recordFindings(store, runReport(at, findings), findings, mode);

async function listsOf(run: number, limit?: number) {
  const head = (await store.run(run))!;
  return storedChangeLists(store, head, (await store.details(run))!, limit);
}

const BEFORE = [finding('t1', 's1'), finding('t2', 's1'), finding('t3', 's2'), finding('t3', 's2')];
const AFTER = [
  finding('t2', 's1'),
  finding('t3', 's2'),
  finding('t4', 's2'),
  finding('r', null, 'row-columns'),
];

describe("a stored run's new and resolved findings", () => {
  it('lists them from the kept findings of the run and of the run it was compared with', async () => {
    await keep('2026-11-01T09:00:00.000Z', BEFORE);
    const run = await keep('2026-11-08T09:00:00.000Z', AFTER);
    const head = (await store.run(run))!;
    expect(head.changes).toMatchObject({ new: 2, resolved: 2, unchanged: 2 });
    const result = await listsOf(run);
    expect(result).toEqual({ lists: { new: [AFTER[2], AFTER[3]], resolved: [BEFORE[0], BEFORE[3]] } });
  });

  it('keeps to the limit of each list, as the page does for a fresh run', async () => {
    await keep('2026-11-01T09:00:00.000Z', BEFORE);
    const run = await keep('2026-11-08T09:00:00.000Z', AFTER);
    expect(await listsOf(run, 1)).toEqual({ lists: { new: [AFTER[2]], resolved: [BEFORE[0]] } });
  });

  it('says why when the earlier run kept its counts only, was deleted, or this run kept counts', async () => {
    const first = await keep('2026-11-01T09:00:00.000Z', BEFORE, 'counts');
    const second = await keep('2026-11-08T09:00:00.000Z', AFTER);
    // Compared with a run that kept counts only: no changes were counted at all.
    expect((await store.run(second))!.changes).toBeNull();
    expect(await listsOf(second)).toBeNull();
    await store.deleteRun(first);
    const third = await keep('2026-11-15T09:00:00.000Z', BEFORE, 'counts');
    expect(await listsOf(third)).toEqual({ because: 'counts-only' });
    const fourth = await keep('2026-11-22T09:00:00.000Z', AFTER);
    expect((await store.run(fourth))!.changes).toBeNull(); // third kept counts
    const fifth = await keep('2026-11-29T09:00:00.000Z', BEFORE);
    expect((await store.run(fifth))!.changes).toMatchObject({ since: fourth });
    await store.deleteRun(fourth);
    expect(await listsOf(fifth)).toEqual({ because: 'earlier-gone' });
  });

  it('says the earlier run kept counts only when it was kept so after the comparison (an import)', async () => {
    await keep('2026-11-01T09:00:00.000Z', BEFORE);
    const run = await keep('2026-11-08T09:00:00.000Z', AFTER);
    const head = (await store.run(run))!;
    const earlier = { ...(await store.run(head.changes!.since))!, kept: 'counts' as const, chunkCount: 0 };
    const fake = Object.create(store) as HistoryStore;
    fake.run = (id) => (id === earlier.id ? Promise.resolve(earlier) : store.run(id));
    expect(await storedChangeLists(fake, head, (await store.details(run))!)).toEqual({
      because: 'earlier-counts-only',
    });
  });

  it('stops reading the kept findings once its view closes or another run is opened', async () => {
    await keep('2026-11-01T09:00:00.000Z', BEFORE);
    const run = await keep('2026-11-08T09:00:00.000Z', AFTER);
    const head = (await store.run(run))!;
    const details = (await store.details(run))!;
    const stop = new AbortController();
    const chunk = store.chunk.bind(store);
    const read = vi.spyOn(store, 'chunk').mockImplementation(async (id, index) => {
      stop.abort(); // closed while the first chunk is read
      return chunk(id, index);
    });
    expect(await storedChangeLists(store, head, details, undefined, stop.signal)).toBeNull();
    expect(read).toHaveBeenCalledTimes(1);
    // Not stopped: both runs' chunks are read (and the earlier one's again for the resolved findings).
    read.mockImplementation(chunk);
    read.mockClear();
    expect(await storedChangeLists(store, head, details)).toHaveProperty('lists');
    expect(read).toHaveBeenCalledTimes(3);
  });
});
