import { describe, expect, it, vi } from 'vitest';
import { snapshotOf } from '../../../tests/fixtures/storage.ts';
import { checked, district } from '../../../tests/fixtures/worker-district.ts';
import { connections, FakeClient } from '../../../tests/fixtures/fake-client.ts';
import { WorkerFailure } from '../worker-client.ts';
import { FindingPager } from './finding-pager.svelte.ts';
import { RunState } from './run-state.svelte.ts';

async function finished(client: FakeClient, ...more: FakeClient[]) {
  const { connect, made } = connections(client, ...more);
  const onReport = vi.fn();
  const run = new RunState({ connect, onReport });
  const done = run.start({ kind: 'sample' }, 'the sample district');
  const { report } = await checked(district(60));
  client.lastRun.resolve(report);
  await done;
  return { run, onReport, made, report };
}

describe('a run', () => {
  it('hands each finished report to onReport (where history will keep it)', async () => {
    const { api } = await checked(district(60));
    const { run, onReport, report } = await finished(new FakeClient(api));
    expect(run.phase).toBe('done');
    expect(onReport).toHaveBeenCalledWith(report, { kind: 'sample' }, null, expect.any(Object));
  });

  it('passes the earlier run the history chooses, and checks again with another one on request', async () => {
    const { api, report } = await checked(district(3));
    const client = new FakeClient(api);
    const { connect } = connections(client);
    const guess = {
      run: 4,
      snapshot: snapshotOf('0123456789abcdef', [0xan]),
    };
    const onReport = vi.fn();
    const run = new RunState({ connect, earlier: () => Promise.resolve(guess), onReport });
    const files = { kind: 'files' as const, files: [] };
    const started = run.start(files, '0 files');
    await vi.waitFor(() => expect(client.runs).toHaveLength(1));
    expect(client.lastRun.request).toEqual({ input: files, previous: guess.snapshot });
    client.lastRun.resolve(report);
    await started;
    expect(onReport).toHaveBeenLastCalledWith(report, files, guess, expect.any(Object));

    const again = run.rerun(null);
    expect(client.lastRun.request).toEqual({ input: files });
    client.lastRun.resolve(report);
    await again;
    expect(onReport).toHaveBeenLastCalledWith(report, files, null, expect.any(Object));
  });

  it('lets the history read the finished run until another check replaces it', async () => {
    const { api } = await checked(district(60));
    const { run, onReport } = await finished(new FakeClient(api), new FakeClient(api));
    const finishedRun = onReport.mock.calls[0][3];
    expect(finishedRun.isCurrent()).toBe(true);
    expect(await finishedRun.historyFindings(0, 10)).toHaveLength(10);
    expect((await finishedRun.snapshot()).salt).toMatch(/^[0-9a-f]{16}$/);
    void run.start({ kind: 'sample' }, 'the sample district');
    expect(finishedRun.isCurrent()).toBe(false);
    await expect(finishedRun.historyFindings(0, 10)).rejects.toThrow(/replaced/);
  });

  it('fails the whole report when the worker dies while paging, and retries on a fresh worker', async () => {
    const client = new FakeClient();
    client.findings = () => Promise.reject(new WorkerFailure('crashed', 'The checker stopped: gone'));
    const { run, made } = await finished(client, new FakeClient());
    const pager = new FindingPager(run, { school: 's1' });
    await pager.load();
    expect(pager.error).toMatch(/gone/);
    expect(run.phase).toBe('failed');
    expect(run.failure).toEqual({ kind: 'crash', message: 'The checker stopped: gone' });
    expect(run.report).toBeNull();
    expect(client.disposed).toBe(true);
    void run.retry();
    expect(made).toHaveLength(2);
    expect(made[1].lastRun.request).toEqual({ input: { kind: 'sample' } });
  });

  it('keeps the report when one question fails without killing the worker', async () => {
    const client = new FakeClient();
    client.findings = () => Promise.reject(new Error('bad filter'));
    const { run } = await finished(client);
    await expect(run.findings({}, 0, 50)).rejects.toThrow('bad filter');
    expect(run.phase).toBe('done');
    expect(client.disposed).toBe(false);
  });

  it('ignores progress and answers of a run it replaced', async () => {
    const client = new FakeClient();
    const run = new RunState({ connect: connections(client).connect });
    void run.start({ kind: 'sample' }, 'the sample district');
    const first = client.lastRun;
    const second = run.changeFormat('clever');
    expect(client.lastRun.request).toEqual({ input: { kind: 'sample' }, format: 'clever' });
    first.progress({ phase: 'reading', file: 'x', bytesDone: 1, bytesTotal: 2, rows: 1, rowsPerSecond: 1 });
    first.resolve({ ok: false, message: 'old' });
    await new Promise((r) => setTimeout(r, 0));
    expect(run.progress).toBeNull();
    expect(run.phase).toBe('running');
    client.lastRun.resolve({ ok: false, message: 'new' });
    await second;
    expect(run.failure).toEqual({ kind: 'input', message: 'new' });
  });

  it('starts its worker ahead when asked, once, and the first check uses it', async () => {
    const first = new FakeClient();
    const { connect, made } = connections(first, new FakeClient());
    const run = new RunState({ connect });
    run.prepare();
    run.prepare();
    expect(made).toEqual([first]);
    void run.start({ kind: 'sample' }, 'the sample district');
    await Promise.resolve();
    expect(made).toEqual([first]);
    expect(first.lastRun.request).toEqual({ input: { kind: 'sample' } });
  });

  it('refuses questions before a report exists', async () => {
    const run = new RunState({ connect: connections().connect });
    await expect(run.download({ kind: 'json' })).rejects.toThrow(/no report/);
  });
});
