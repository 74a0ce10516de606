// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryStore } from '../../storage/history-store.ts';
import { DB_NAME, type V1Run } from '../../storage/schema.ts';
import {
  freshIndexedDb,
  manyFindings,
  runReport,
  school,
  snapshotOf,
  storeRun,
} from '../../../tests/fixtures/storage.ts';
import type { RunOutcome, ValidatorApi } from '../../worker/api.ts';
import { checked, district } from '../../../tests/fixtures/worker-district.ts';
import App from '../App.svelte';
import { connections, FakeClient } from '../../../tests/fixtures/fake-client.ts';
import { shortTime } from './when.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => {
  cleanup();
  store.close();
  vi.restoreAllMocks();
});

/** One worker whose result the test replaces run by run, as a real worker would. */
class Worker {
  api!: ValidatorApi;
  readonly facade: ValidatorApi = {
    run: (...a) => this.api.run(...a),
    findings: (...a) => this.api.findings(...a),
    download: (...a) => this.api.download(...a),
    snapshot: () => this.api.snapshot(),
    historyFindings: (...a) => this.api.historyFindings(...a),
    compareAgain: (...a) => this.api.compareAgain(...a),
    acknowledge: (...a) => this.api.acknowledge(...a),
  };
  readonly client = new FakeClient(this.facade);

  /** Answers the pending run with a check of a district with this many teachers without email. */
  answer(teachersWithoutEmail: number): Promise<RunOutcome> {
    return this.answerFiles(district(teachersWithoutEmail));
  }

  async answerFiles(files: Record<string, string>): Promise<RunOutcome> {
    const { api, report } = await checked(files);
    this.api = api;
    this.client.lastRun.resolve(report);
    return report;
  }
}

function renderApp(worker: Worker) {
  const { connect } = connections(worker.client);
  render(App, { options: { connect, history: store } });
}

async function checkFiles(worker: Worker, runs: number) {
  const picker = screen.getByLabelText('Roster files');
  await fireEvent.change(picker, { target: { files: [new File(['x'], 'teachers.csv')] } });
  await waitFor(() => expect(worker.client.runs).toHaveLength(runs));
}

const kept = () => screen.findByText(/Kept in this browser's history/, {}, { timeout: 3000 });

/** A tab of an older build holding a version-1 history open, deaf to versionchange. */
function olderTab(run: V1Run): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore('runs', { keyPath: 'id', autoIncrement: true }).add(run);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('the report and the history together', () => {
  it('keeps each run and shows what changed since the previous one, for the district and per school', async () => {
    const worker = new Worker();
    renderApp(worker);
    await checkFiles(worker, 1);
    expect(worker.client.lastRun.request.previous).toBeUndefined();
    await worker.answer(12);
    await kept();
    expect(screen.getByText(/first run of this district/)).toBeTruthy();
    const [first] = await store.runs();

    await checkFiles(worker, 2);
    // hold-removals: the earlier run of the district goes to the worker, whose salt is reused.
    expect(worker.client.lastRun.request.previous).toEqual(await store.snapshot(first.id!));
    await worker.answer(5);
    await kept();
    const since = shortTime(first.at);
    expect(screen.getByText(/Changes since the last run:/).parentElement?.textContent).toMatch(
      `7 resolved, 0 new, 6 unchanged since ${since}.`,
    );
    // The findings themselves: the seven teachers now gone, listed.
    await fireEvent.click(screen.getByText('Resolved findings (7)'));
    const resolved = screen.getByRole('table', { name: 'Resolved findings' });
    expect(within(resolved).getAllByRole('row')).toHaveLength(8);
    expect(within(resolved).getAllByRole('row')[1].textContent).toMatch(/teacher-email.*North/);
    expect(screen.queryByText(/^New findings/)).toBeNull();
    const schools = screen.getByRole('table', { name: 'Schools' });
    await fireEvent.click(within(schools).getByRole('button', { name: 'North' }));
    expect(screen.getByText(/In this school:/).parentElement?.textContent).toMatch(
      `7 resolved, 0 new, 5 unchanged since ${since}.`,
    );
    // The school's own lists, without a school menu.
    await fireEvent.click(screen.getByText('Resolved findings (7)'));
    const inSchool = screen.getByRole('table', { name: 'Resolved findings' });
    expect(within(inSchool).getAllByRole('row')).toHaveLength(8);
    expect(screen.queryByLabelText('School')).toBeNull();
    expect(await screen.findByRole('button', { name: 'History (2)' })).toBeTruthy();
  });

  it('compares again with the right district when the guess was another district, files read once', async () => {
    const elsewhere = runReport('2026-11-20T09:00:00.000Z', [], [school('x9', 'Elsewhere High')]);
    await storeRun(store, elsewhere, [], { snapshot: snapshotOf('0123456789abcdef', [0x1n, 0x2n]) });
    const worker = new Worker();
    renderApp(worker);
    await waitFor(() => screen.getByRole('button', { name: 'History (1)' }));
    await checkFiles(worker, 1);
    expect(worker.client.lastRun.request.previous).toEqual(snapshotOf('0123456789abcdef', [0x1n, 0x2n]));
    await worker.answer(3);
    await kept();
    // Only the comparison was redone (with no earlier run of this district): one check, one read.
    expect(worker.client.comparedAgain).toEqual([null]);
    expect(worker.client.runs).toHaveLength(1);
    const districts = await store.districts();
    expect(districts.map((d) => d.label).sort()).toEqual(['Elsewhere High', 'North and South']);
  });

  it('compares the sample district with its own earlier export, and with its previous run for the changes', async () => {
    const worker = new Worker();
    renderApp(worker);
    for (const runs of [1, 2]) {
      await fireEvent.click(screen.getByRole('button', { name: 'Try the sample district' }));
      await waitFor(() => expect(worker.client.runs).toHaveLength(runs));
      expect(worker.client.lastRun.request).toEqual({ input: { kind: 'sample' } });
      await worker.answer(4);
      await kept();
    }
    expect(screen.getByText(/Changes since the last run:/).parentElement?.textContent).toMatch(
      /0 resolved, 0 new, 5 unchanged since/,
    );
    expect((await store.runs()).every((r) => r.sample)).toBe(true);
  });

  it('keeps a run of a forced format apart: marked, and never the last run of the detected format', async () => {
    const worker = new Worker();
    renderApp(worker);
    await checkFiles(worker, 1);
    await worker.answer(12);
    await kept();
    const [first] = await store.runs();

    await fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'clever' } });
    await waitFor(() => expect(worker.client.runs).toHaveLength(2));
    expect(worker.client.lastRun.request.format).toBe('clever');
    // No earlier run was forced to this format: nothing to compare with, no removal hold.
    expect(worker.client.lastRun.request.previous).toBeUndefined();
    await worker.answer(2);
    await kept();
    expect(screen.getByText(/The format was chosen by hand/)).toBeTruthy();
    expect(screen.queryByText(/Changes since the last run:/)).toBeNull();
    const [forced] = await store.runs();
    expect(forced.formatForced).toBe(true);
    await screen.findByRole('button', { name: 'History (2)' });

    await checkFiles(worker, 3);
    expect(worker.client.lastRun.request.previous).toEqual(await store.snapshot(first.id!));
    await worker.answer(12);
    await kept();
    expect(screen.getByText(/Changes since the last run:/).parentElement?.textContent).toMatch(
      `0 resolved, 0 new, 13 unchanged since ${shortTime(first.at)}.`,
    );
    await fireEvent.click(await screen.findByRole('button', { name: 'History (3)' }));
    expect(await screen.findByText('format chosen', {}, { timeout: 3000 })).toBeTruthy();
  });

  it('does not compare a run whose files name no school, and says why', async () => {
    const worker = new Worker();
    renderApp(worker);
    await checkFiles(worker, 1);
    await worker.answer(4);
    await kept();
    await screen.findByRole('button', { name: 'History (1)' });
    const { 'schools.csv': _, ...noSchools } = district(4);
    await checkFiles(worker, 2);
    // The guess (the newest run) went with the check; the run names no school: compared again without it.
    expect(worker.client.lastRun.request.previous).toBeDefined();
    await worker.answerFiles(noSchools);
    await kept();
    expect(worker.client.comparedAgain).toEqual([null]);
    expect(screen.getByText(/its files name no school/)).toBeTruthy();
    expect(screen.queryByText(/Changes since/)).toBeNull();
    expect(screen.queryByText(/first run/)).toBeNull();
    await screen.findByRole('button', { name: 'History (2)' });

    await checkFiles(worker, 3);
    // A run without schools is never the guess for a later one either.
    expect(worker.client.lastRun.request.previous).toEqual(await store.snapshot((await store.runs())[1].id!));
    await worker.answerFiles(noSchools);
    await kept();
    expect(worker.client.comparedAgain).toEqual([null, null]);
    expect(screen.getByText(/its files name no school/)).toBeTruthy();
  });

  it('compares a run without schools with the district the admin names, the files read once', async () => {
    const worker = new Worker();
    renderApp(worker);
    await checkFiles(worker, 1);
    await worker.answer(12);
    await kept();
    const [first] = await store.runs();
    const { 'schools.csv': _, ...noSchools } = district(4);
    await checkFiles(worker, 2);
    await worker.answerFiles(noSchools);
    await kept();
    expect(worker.client.comparedAgain).toEqual([null]);
    const choice = await screen.findByLabelText('District of this run');
    expect([...(choice as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'North and South',
      'A new district…',
    ]);
    await fireEvent.click(screen.getByRole('button', { name: 'Compare with this district' }));
    await screen.findByText(/you said this run is of/, {}, { timeout: 3000 });
    // The form gave way to the run's note: focus is on its status, not lost to the page.
    await waitFor(() => expect(document.activeElement?.classList.contains('save')).toBe(true));
    expect(document.activeElement?.getAttribute('role')).toBe('status');
    await kept();
    // Only the comparison was redone, against the named district's last run: no second read.
    expect(worker.client.comparedAgain).toEqual([null, await store.snapshot(first.id!)]);
    expect(worker.client.runs).toHaveLength(2);
    expect(screen.getByText(/Changes since the last run:/).parentElement?.textContent).toMatch(
      `since ${shortTime(first.at)}.`,
    );
    expect(screen.queryByText(/its files name no school, so which district/)).toBeNull();
    await waitFor(async () => expect(await store.runs()).toHaveLength(2));
    const [named, earlier] = await store.runs();
    expect([named.district, named.districtNamed, named.changes?.since]).toEqual([
      earlier.district,
      true,
      first.id,
    ]);
    expect((await store.districts()).map((d) => d.label)).toEqual(['North and South']);

    // Another district after all: a new name; the run moves there and is compared with nothing.
    await fireEvent.click(screen.getByText('Another district'));
    await fireEvent.change(screen.getByLabelText('District of this run'), { target: { value: '' } });
    await fireEvent.input(screen.getByLabelText('Name of the new district'), {
      target: { value: 'Springfield' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Compare with this district' }));
    await screen.findByText(/first run of this district/, {}, { timeout: 3000 });
    expect(worker.client.comparedAgain).toHaveLength(3);
    expect(worker.client.comparedAgain[2]).toBeNull();
    expect(worker.client.runs).toHaveLength(2);
    await waitFor(async () =>
      expect((await store.districts()).map((d) => d.label).sort()).toEqual([
        'North and South',
        'Springfield',
      ]),
    );
    expect((await store.runs()).map((r) => r.districtNamed)).toEqual([true, undefined]);
    await fireEvent.click(await screen.findByRole('button', { name: 'History (2)' }));
    const springfield = await screen.findByRole('table', { name: 'Runs of Springfield' });
    expect(within(springfield).getByText('district named')).toBeTruthy();
  });

  it('says what the sample district is compared with, and never "first run" beside it', async () => {
    const worker = new Worker();
    renderApp(worker);
    await fireEvent.click(screen.getByRole('button', { name: 'Try the sample district' }));
    await waitFor(() => expect(worker.client.runs).toHaveLength(1));
    await worker.answer(4);
    await kept();
    expect(screen.getByText(/compared with a made-up export of last month/)).toBeTruthy();
    expect(screen.queryByText(/first run/)).toBeNull();
  });

  /** The findings chunks of every run cannot be read from now on (a damaged store). */
  const damageFindings = () => {
    const get = FakeObjectStore.prototype.get;
    vi.spyOn(FakeObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, ...a) {
      if (this.name === 'findings') throw new DOMException('damaged', 'UnknownError');
      return get.apply(this, a as Parameters<typeof get>);
    });
  };

  /** Chooses "Counts only" in the History view, as a person would, and comes back. */
  const chooseCountsOnly = async () => {
    await fireEvent.click(await screen.findByRole('button', { name: /^History/ }));
    await fireEvent.click(screen.getByRole('radio', { name: /Counts only/ }));
    await screen.findByText('Later runs keep their counts only.');
    await fireEvent.click(screen.getByRole('button', { name: 'Check files' }));
  };

  it.each([
    ['kept its counts only', 'counts', chooseCountsOnly, () => {}, 'that run kept its counts only'],
    [
      'kept findings that cannot be read',
      'findings',
      async () => {},
      damageFindings,
      'the findings of that run could not be read',
    ],
  ])('says why the changes are not known when the previous run %s', async (_, keep, before, spoil, says) => {
    const worker = new Worker();
    renderApp(worker);
    await before();
    await checkFiles(worker, 1);
    await worker.answer(12);
    await kept();
    const [first] = await store.runs();
    expect(first.kept).toBe(keep);
    spoil();
    await checkFiles(worker, 2);
    await worker.answer(5);
    await kept();
    const note = screen.getByText(/Changes since the last run \(.*\) are not known/);
    expect(note.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `Changes since the last run (${shortTime(first.at)}) are not known: ${says}.`,
    );
  });

  it('keeps the report on screen and says the run was not saved when the browser refuses', async () => {
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'findings') throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const worker = new Worker();
    renderApp(worker);
    await checkFiles(worker, 1);
    await worker.answer(12);
    const note = await screen.findByText(/This run was not saved in the history/);
    expect(note.closest('[role=status]')?.textContent).toMatch(/no room left/);
    expect(screen.getByRole('table', { name: 'Schools' })).toBeTruthy();
    expect(await store.runs()).toEqual([]);
  });

  it.each([
    ['there is no IndexedDB (storage turned off)', () => (globalThis.indexedDB = undefined as never)],
    [
      'opening is refused (private browsing)',
      () =>
        vi.spyOn(indexedDB, 'open').mockImplementation(() => {
          throw new DOMException('denied', 'SecurityError');
        }),
    ],
  ])('keeps the report on screen and says the run was not saved when %s', async (_, refuse) => {
    refuse();
    const worker = new Worker();
    renderApp(worker);
    await checkFiles(worker, 1);
    await worker.answer(12);
    const note = await screen.findByText(/This run was not saved in the history/);
    expect(note.closest('[role=status]')?.textContent).toMatch(/private browsing, or storage turned off/);
    expect(screen.getByRole('table', { name: 'Schools' })).toBeTruthy();
  });

  it('says the run was not saved while an older tab blocks the upgrade, and loses no earlier run', async () => {
    const findings = manyFindings(4);
    const old = { savedAt: '2026-11-20T09:00:00.000Z', ...runReport('2026-11-20T09:00:00.000Z', findings) };
    const tab = await olderTab({ ...old, findings, snapshot: null });
    const worker = new Worker();
    renderApp(worker);
    await checkFiles(worker, 1);
    await worker.answer(12);
    const note = await screen.findByText(/This run was not saved in the history/);
    expect(note.closest('[role=status]')?.textContent).toMatch(/open in another tab/);
    expect(screen.getByRole('table', { name: 'Schools' })).toBeTruthy();
    tab.close();
    await new Promise((r) => setTimeout(r, 10));
    const runs = await store.runs();
    expect(runs.map((r) => [r.at, r.findingCount])).toEqual([['2026-11-20T09:00:00.000Z', 4]]);
  });

  it('switches between the check and the History view', async () => {
    const worker = new Worker();
    renderApp(worker);
    await fireEvent.click(screen.getByRole('button', { name: 'History' }));
    expect(screen.getByRole('heading', { name: 'History', level: 2 })).toBeTruthy();
    expect(screen.queryByLabelText('Roster files')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Check files' }));
    expect(screen.getByLabelText('Roster files')).toBeTruthy();
  });
});
