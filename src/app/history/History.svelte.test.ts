// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportHistory } from '../../storage/transfer.ts';
import { HistoryStore } from '../../storage/history-store.ts';
import {
  finding,
  freshIndexedDb,
  manyFindings,
  recordFindings,
  runReport,
  school,
  storeRun,
} from '../../../tests/fixtures/storage.ts';
import History from './History.svelte';
import { HistoryState, type StorageManagerLike } from './history-state.svelte.ts';
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

const MON = '2026-11-23T09:00:00.000Z';
const TUE = '2026-11-24T09:00:00.000Z';
const ELSEWHERE = [school('x9', 'Elsewhere High', 1)];

async function seeded() {
  const mon = [...manyFindings(3), finding('t9', 's2')];
  await storeRun(store, runReport(MON, mon, [school('s1', 'North', 3), school('s2', 'South', 1)]), mon);
  await storeRun(
    store,
    runReport(TUE, manyFindings(2), [school('s1', 'North', 2), school('s2', 'South')]),
    manyFindings(2),
  );
  await storeRun(store, runReport(TUE, [finding('e1', 'x9')], ELSEWHERE), [finding('e1', 'x9')], {
    keep: 'counts',
  });
}

const storage = (persist: boolean): StorageManagerLike => ({
  estimate: async () => ({ usage: 2048, quota: 1_000_000_000 }),
  persisted: async () => false,
  persist: async () => persist,
});

async function shown(manager: StorageManagerLike = storage(true)) {
  const history = new HistoryState(store, manager);
  await history.load();
  render(History, { history });
  return history;
}

describe('the History view', () => {
  it('names and renames a district; the name stays through its later runs', async () => {
    await seeded();
    await shown();
    await fireEvent.click(screen.getByRole('button', { name: 'Rename North and South' }));
    const field = screen.getByLabelText('Name of the district');
    await fireEvent.input(field, { target: { value: '  Springfield Public Schools ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Springfield Public Schools' });
    expect(screen.getByRole('table', { name: 'Runs of Springfield Public Schools' })).toBeTruthy();
    expect(screen.getByText('The district is now called Springfield Public Schools.')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Rename Springfield Public Schools' }),
      ),
    );
    await storeRun(store, runReport('2026-11-25T09:00:00.000Z', [], [school('s1', 'North')]), []);
    expect((await store.districts()).find((d) => d.named)?.label).toBe('Springfield Public Schools');

    await fireEvent.click(screen.getByRole('button', { name: 'Rename Springfield Public Schools' }));
    await fireEvent.input(screen.getByLabelText('Name of the district'), { target: { value: '  ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText(/A district needs a name/)).toBeTruthy();
  });

  it('lists the runs of each district newest first, with a chart of errors and alerts per run', async () => {
    await seeded();
    await shown();
    const table = screen.getByRole('table', { name: 'Runs of North and South' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2].textContent)).toEqual(['2', '4']);
    expect(rows[0].textContent).toMatch(/Remind CSV 1\.0/);
    expect(rows[0].textContent).toMatch(/1 file, 1\.2 KB/);
    const chart = screen.getByRole('img', { name: /Errors and alerts per run: North and South/ });
    expect(chart.textContent).toMatch(/errors went from 4 to 2/);
    const numbers = screen.getByRole('table', { name: 'Errors and alerts per run: North and South' });
    expect(within(numbers).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('table', { name: 'Runs of Elsewhere High' }).textContent).toMatch(/counts only/);
  });

  it("opens an earlier run's report from storage, read-only, down to a school's records", async () => {
    await seeded();
    await shown();
    await fireEvent.click(screen.getByRole('button', { name: `Open the run of ${shortTime(MON)}` }));
    expect(await screen.findByRole('heading', { name: /^Run of 23 Nov 2026/ })).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull(); // the format cannot be changed
    const schools = screen.getByRole('table', { name: 'Schools' });
    await fireEvent.click(within(schools).getByRole('button', { name: 'North' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Show 3 records' }));
    const records = await screen.findByRole('table', { name: /Records: Teacher without a usable email/ });
    expect(
      within(records)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.querySelector('code')?.textContent),
    ).toEqual(['t0', 't1', 't2']);
    await fireEvent.click(screen.getByRole('button', { name: 'All schools' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Back to the history' }));
    expect(screen.getByRole('table', { name: 'Runs of North and South' })).toBeTruthy();
  });

  it("lists a stored run's new and resolved findings, per school, as CSV, from what the two runs kept", async () => {
    const mon = [...manyFindings(3), finding('t9', 's2')];
    const tue = [finding('t1', 's1'), finding('n1', 's2'), finding('n2', 's2')];
    await recordFindings(store, runReport(MON, mon), mon);
    await recordFindings(store, runReport(TUE, tue), tue);
    await shown();
    await fireEvent.click(screen.getByRole('button', { name: `Open the run of ${shortTime(TUE)}` }));
    await screen.findByRole('heading', { name: /^Run of 24 Nov 2026/ });
    expect(screen.getByText(/Changes since the last run:/).parentElement?.textContent).toMatch(
      `3 resolved, 2 new, 1 unchanged since ${shortTime(MON)}.`,
    );
    await fireEvent.click(await screen.findByText('Resolved findings (3)'));
    const resolved = screen.getByRole('table', { name: 'Resolved findings' });
    const ids = (table: HTMLElement) =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.querySelectorAll('td')[1].textContent);
    expect(ids(resolved)).toEqual(['t0', 't2', 't9']);
    await fireEvent.change(screen.getByLabelText('School', { selector: '#change-school-resolved' }), {
      target: { value: '=s2' },
    });
    expect(ids(resolved)).toEqual(['t9']);
    const made: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (made.push(blob), 'blob:test'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await fireEvent.click(within(resolved.closest('details')!).getByRole('button', { name: /Download CSV/ }));
    const lines = (await made[0].text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^s2,South,error,teacher-email,missing,teacher,t9,/);
    await fireEvent.click(screen.getByText('New findings (2)'));
    expect(ids(screen.getByRole('table', { name: 'New findings' }))).toEqual(['n1', 'n2']);
  });

  it("says why a stored run's changes cannot be listed when the run it was compared with is gone", async () => {
    const mon = manyFindings(3);
    const first = await recordFindings(store, runReport(MON, mon), mon);
    await recordFindings(store, runReport(TUE, mon.slice(1)), mon.slice(1));
    await store.deleteRun(first);
    await shown();
    await fireEvent.click(screen.getByRole('button', { name: `Open the run of ${shortTime(TUE)}` }));
    expect(
      await screen.findByText(/The new and resolved findings cannot be listed: the run it was compared with/),
    ).toBeTruthy();
    expect(screen.getByText(/is no longer in this browser's history/)).toBeTruthy();
    expect(screen.queryByText(/Resolved findings/)).toBeNull();
  });

  it('deletes one run', async () => {
    await seeded();
    await shown();
    await fireEvent.click(screen.getByRole('button', { name: `Delete the run of ${shortTime(MON)}` }));
    await screen.findByText('The run was deleted.');
    await waitFor(() => {
      const table = screen.getByRole('table', { name: 'Runs of North and South' });
      expect(within(table).getAllByRole('row')).toHaveLength(2);
    });
    expect((await store.runs()).map((r) => r.at)).toEqual([TUE, TUE]);
  });

  it("says so when deleting a district's last run deletes its acknowledged findings", async () => {
    await storeRun(store, runReport(MON, [], ELSEWHERE), []);
    const [run] = await store.runs();
    await store.acknowledge(run.district, [
      { code: 'teacher-email', id: 't1' },
      { code: 'teacher-email', id: 't2' },
    ]);
    await shown();
    await fireEvent.click(screen.getByRole('button', { name: `Delete the run of ${shortTime(MON)}` }));
    await screen.findByText(
      "The run was deleted. It was its district's last run, so the district's 2 acknowledged findings were deleted with it.",
    );
    expect(await store.allAcknowledgements()).toEqual([]);
  });

  it('deletes everything only once confirmed', async () => {
    await seeded();
    await shown();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete all history' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Keep the history' }));
    expect((await store.runs()).length).toBe(3);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete all history' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    expect(await screen.findByText(/No run is kept yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(await store.runs()).toEqual([]);
    expect(await store.districts()).toEqual([]);
  });

  it.each([
    [true, /keeps this data until you delete it/],
    [false, /asked to keep it, it did not agree/],
  ])('shows the storage used and the answer when asked to keep the data (%s)', async (answer, text) => {
    await shown(storage(answer));
    expect(screen.getByText(/This page's data in this browser: 2\.0 KB/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep the data' }));
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it('keeps counts only once chosen', async () => {
    const history = await shown();
    await fireEvent.click(screen.getByRole('radio', { name: /Counts only/ }));
    await screen.findByText('Later runs keep their counts only.');
    expect(await store.keepMode()).toBe('counts');
    expect(history.keep).toBe('counts');
  });

  it('imports an exported history, and a second import adds nothing', async () => {
    await seeded();
    const text = await (await exportHistory(store)).text();
    await store.deleteAll();
    const history = await shown();
    const file = new NodeBlob([text]) as unknown as File;
    const picker = screen.getByLabelText('Import history');
    await fireEvent.change(picker, { target: { files: [file] } });
    await waitFor(() => expect(history.message).toBe('3 runs imported.'));
    expect(await screen.findByRole('table', { name: 'Runs of North and South' })).toBeTruthy();
    await fireEvent.change(picker, { target: { files: [file] } });
    await waitFor(() => expect(history.message).toBe('0 runs imported, 3 already here.'));
    expect(screen.getByText('0 runs imported, 3 already here.')).toBeTruthy();
    expect((await store.runs()).length).toBe(3);
  });

  it('says so when the browser keeps no data', async () => {
    globalThis.indexedDB = undefined as unknown as IDBFactory;
    await shown();
    expect(screen.getByText(/does not let the page keep data/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete all history' })).toBeNull();
  });
});
