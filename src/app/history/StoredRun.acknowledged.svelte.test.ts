// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  finding,
  manyFindings,
  runReport,
  school,
  storePerTest,
  storeRun,
} from '../../../tests/fixtures/storage.ts';
import History from './History.svelte';
import { HistoryState } from './history-state.svelte.ts';
import { shortTime } from './when.ts';

const store = storePerTest();
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const MON = '2026-11-23T09:00:00.000Z';
const SLOW = { timeout: 5000 };
const NORTH_SOUTH = [school('s1', 'North', 3), school('s2', 'South', 1)];

/** A kept run of North and South (t0…t2 in North, t9 in South), and its district. */
async function kept(keep: 'findings' | 'counts' = 'findings') {
  const findings = [...manyFindings(3), finding('t9', 's2')];
  await storeRun(store(), runReport(MON, findings, NORTH_SOUTH), findings, { keep });
  const [run] = await store().runs();
  return run.district;
}

async function opened() {
  const history = new HistoryState(store(), undefined);
  await history.load();
  render(History, { history });
  await fireEvent.click(screen.getByRole('button', { name: `Open the run of ${shortTime(MON)}` }));
  await screen.findByRole('heading', { name: /^Run of 23 Nov 2026/ });
  return history;
}

async function northRecords() {
  const schools = screen.getByRole('table', { name: 'Schools' });
  await fireEvent.click(within(schools).getByRole('button', { name: 'North' }));
  await screen.findByText(/3 records, 1 acknowledged/, {}, SLOW);
  await fireEvent.click(screen.getByRole('button', { name: 'Show 3 records' }));
  return screen.findByRole('table', { name: /Records: Teacher without a usable email/ });
}

const idsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('code')?.textContent);

describe("a stored run shows its district's acknowledgements of today", () => {
  it('marks and counts them as a fresh run does, and lists them apart with their note', async () => {
    const district = await kept();
    // Made after the run was kept: a stored finding carries no flag of its own.
    await store().acknowledge(district, [
      { code: 'teacher-email', id: 't1', field: 'email', value: null, note: 'Substitute, no school email' },
    ]);
    await opened();
    // The district's page: its acknowledged findings, and the file the command line reads.
    await screen.findByText(/1 acknowledged finding/, {}, SLOW);
    expect(screen.getByRole('button', { name: /Download acknowledged findings/ })).toBeTruthy();

    const records = await northRecords();
    await waitFor(() => expect(idsOf(records)).toEqual(['t0', 't2']), SLOW);
    await fireEvent.click(screen.getByRole('button', { name: 'Show 1 acknowledged' }));
    const list = screen.getByRole('table', { name: 'Acknowledged findings in this school' });
    expect(within(list).getByText('“Substitute, no school email”')).toBeTruthy();
    expect(within(list).getByRole('button', { name: 'Un-acknowledge teacher t1' })).toBeTruthy();
  });

  it('acknowledges and takes back from the stored run, and the current run follows', async () => {
    const district = await kept();
    await store().acknowledge(district, [{ code: 'teacher-email', id: 't1', field: 'email', value: null }]);
    const history = await opened();
    const reload = vi.spyOn(history.acknowledgements, 'reload');
    const records = await northRecords();

    await fireEvent.click(await within(records).findByRole('button', { name: 'Acknowledge teacher t0' }));
    const form = screen.getByRole('form', { name: 'Acknowledge teacher t0' });
    await fireEvent.click(within(form).getByRole('button', { name: 'Save acknowledgement' }));
    await screen.findByText('Acknowledged: teacher t0.', {}, SLOW);
    await screen.findByText(/3 records, 2 acknowledged/, {}, SLOW);
    expect((await store().acknowledgements(district)).map((a) => a.id)).toEqual(['t1', 't0']);
    expect(reload).toHaveBeenCalledTimes(1);

    await fireEvent.click(screen.getByRole('button', { name: 'Show 2 acknowledged' }));
    const list = screen.getByRole('table', { name: 'Acknowledged findings in this school' });
    await fireEvent.click(within(list).getByRole('button', { name: 'Un-acknowledge teacher t1' }));
    await screen.findByText('No longer acknowledged: teacher t1.', {}, SLOW);
    expect((await store().acknowledgements(district)).map((a) => a.id)).toEqual(['t0']);
    await screen.findByText(/3 records, 1 acknowledged/, {}, SLOW);
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('offers nothing to acknowledge on a run that kept its counts only', async () => {
    const district = await kept('counts');
    await store().acknowledge(district, [{ code: 'teacher-email', id: 't1' }]);
    await opened();
    expect(screen.getByText(/kept its counts only/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Acknowledged findings' })).toBeNull();
  });

  it('says a run whose files name no school is of no district, and offers no acknowledging', async () => {
    const findings = [finding('t0', null)];
    await storeRun(store(), runReport(MON, findings, [school('', '(no school)', 1)].slice(0, 0)), findings);
    await opened();
    expect(screen.getByText(/name no school, so it is of no district/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Acknowledged findings' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Acknowledge/ })).toBeNull();
  });
});
