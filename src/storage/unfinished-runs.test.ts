import { beforeEach, describe, expect, it, vi } from 'vitest';
import { packFinding } from './codec.ts';
import { FakeLocks } from './fake-locks.ts';
import { HistoryStore } from './history-store.ts';
import { detailsOf, headOf } from './records.ts';
import { freshIndexedDb, manyFindings, runReport, storeCounts } from '../../tests/fixtures/storage.ts';

beforeEach(() => void freshIndexedDb());

const MON = '2026-11-23T09:00:00.000Z';

describe('runs left unfinished by a page that is gone', () => {
  const unfinished = async (tab: HistoryStore, findings = 3) => {
    const report = runReport(MON, manyFindings(findings));
    const facts = { sample: false, kept: 'findings' as const, findingCount: findings, chunkCount: 0 };
    const run = await tab.beginRun(
      headOf(report.summary, 'd-1', { ...facts, changes: null, complete: false }),
    );
    await tab.addChunk({ run, index: 0, items: manyFindings(findings).map(packFinding) });
    return run;
  };

  /** A tab writing a run, and another tab that started (ready()) meanwhile. */
  const writingAndStarted = async () => {
    const locks = new FakeLocks();
    const writing = new HistoryStore({ locks });
    const run = await unfinished(writing);
    const other = new HistoryStore({ locks });
    await other.ready();
    return { locks, writing, other, run };
  };

  it('are swept at the next start-up when the browser has no Web Locks', async () => {
    const before = new HistoryStore({ locks: null });
    await unfinished(before);
    before.close(); // the page reloads mid-save
    const after = new HistoryStore({ locks: null });
    await after.ready();
    expect(await storeCounts()).toMatchObject({ runs: 0, findings: 0 });
    after.close();
  });

  it('are swept at start-up once their writer lock is free, and not while another tab is writing', async () => {
    const { locks, writing, other, run } = await writingAndStarted(); // the writing tab is still open
    expect((await storeCounts()).runs).toBe(1);
    writing.close(); // ... and now it reloads: its lock goes, the waiting sweep removes the run
    await vi.waitFor(async () => expect(await storeCounts()).toMatchObject({ runs: 0, findings: 0 }));
    expect(await other.run(run)).toBeNull();
    other.close();

    const again = new HistoryStore({ locks });
    await unfinished(again);
    again.close();
    const next = new HistoryStore({ locks });
    await next.ready(); // reloaded: its writer lock is already free
    expect((await storeCounts()).runs).toBe(0);
    next.close();
  });

  it('leave a run another tab finishes alone', async () => {
    const { writing, other, run } = await writingAndStarted();
    await writing.finishRun(run, {
      details: detailsOf(run, runReport(MON, []), null),
      snapshot: null,
      district: { id: 'd-1', label: 'd', schools: [], lastRunAt: MON },
      changes: null,
      findingCount: 3,
      chunkCount: 1,
    });
    writing.close();
    await new Promise((r) => setTimeout(r, 20));
    expect((await other.runs()).map((r) => r.id)).toEqual([run]);
    other.close();
  });
});
