// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryStore } from '../../storage/history-store.ts';
import { NO_SCHOOLS_DISTRICT } from '../../storage/district.ts';
import { freshIndexedDb, runReport, school, snapshotOf, storeRun } from '../../../tests/fixtures/storage.ts';
import type { ValidatorApi } from '../../worker/api.ts';
import { checked, district } from '../../../tests/fixtures/worker-district.ts';
import App from '../App.svelte';
import { connections, FakeClient } from '../../../tests/fixtures/fake-client.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
/** Slow machines (the whole suite at once): the page's storage and worker round trips take their time. */
const SLOW = { timeout: 5000 };

afterEach(() => {
  cleanup();
  store.close();
  vi.restoreAllMocks();
});

/** A page with a worker whose every run is a check of the same district (12 teachers without email). */
async function page(runsBefore = 0, files = district(12)) {
  const { api, report } = await checked(files);
  const client = new FakeClient(api as ValidatorApi);
  const { connect } = connections(client);
  render(App, { options: { connect, history: store } });
  if (runsBefore) await screen.findByRole('button', { name: `History (${runsBefore})` });
  const picker = screen.getByLabelText('Roster files');
  await fireEvent.change(picker, { target: { files: [new File(['x'], 'teachers.csv')] } });
  await waitFor(() => expect(client.runs).toHaveLength(1), SLOW);
  client.lastRun.resolve(report);
  await screen.findByText(/Kept in this browser's history/, {}, { timeout: 3000 });
  return client;
}

async function openNorthRecords(school = 'North') {
  const schools = screen.getByRole('table', { name: 'Schools' });
  await fireEvent.click(within(schools).getByRole('button', { name: school }));
  await fireEvent.click(await screen.findByRole('button', { name: /^Show 12 records/ }, SLOW));
}

describe('acknowledging findings on the page', () => {
  it('acknowledges a record with a note, keeps it for the next run of the district, and takes it back', async () => {
    let client = await page();
    await openNorthRecords();
    await fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge teacher t000' }, SLOW));
    const form = screen.getByRole('form', { name: 'Acknowledge teacher t000' });
    await fireEvent.input(within(form).getByLabelText('Note (optional)'), {
      target: { value: 'Substitute, no school email' },
    });
    await fireEvent.click(within(form).getByRole('button', { name: 'Save acknowledgement' }));
    await screen.findByText('Acknowledged: teacher t000.', {}, SLOW);
    const [run] = await store.runs();
    expect(await store.acknowledgements(run.district)).toEqual([
      { code: 'teacher-email', id: 't000', field: 'email', value: null, note: 'Substitute, no school email' },
    ]);
    // Shown apart, still counted: the type keeps its 12 records, its list shows the 11 others.
    await screen.findByText(/12 records, 1 acknowledged/, {}, SLOW);
    expect(screen.queryByRole('button', { name: 'Acknowledge teacher t000' })).toBeNull();
    expect(screen.getByText(/1 acknowledged finding/).parentElement?.textContent).toMatch(/in this school/);
    expect(client.acknowledged.at(-1)).toHaveLength(1);

    // The page again (a reload), the same files: still acknowledged, with its note.
    cleanup();
    client = await page(1);
    // The stored list went to the new run in the worker.
    await waitFor(
      () => expect(client.acknowledged).toEqual([[expect.objectContaining({ id: 't000' })]]),
      SLOW,
    );
    await openNorthRecords();
    await screen.findByText(/12 records, 1 acknowledged/, {}, SLOW);
    await fireEvent.click(screen.getByRole('button', { name: 'Show 1 acknowledged' }));
    const list = screen.getByRole('table', { name: 'Acknowledged findings in this school' });
    expect(within(list).getByText('“Substitute, no school email”')).toBeTruthy();
    await fireEvent.click(within(list).getByRole('button', { name: 'Un-acknowledge teacher t000' }));
    await screen.findByText('No longer acknowledged: teacher t000.', {}, SLOW);
    expect(await store.acknowledgements(run.district)).toEqual([]);
    await waitFor(() => expect(screen.queryByText(/1 acknowledged/)).toBeNull(), SLOW);
  });

  it('applies the acknowledgements of the right district when the guess was another district', async () => {
    const elsewhere = runReport('2026-11-20T09:00:00.000Z', [], [school('x9', 'Elsewhere High')]);
    await storeRun(store, elsewhere, [], { snapshot: snapshotOf('0123456789abcdef', [0x1n]) });
    const [other] = await store.runs();
    await store.acknowledge(other.district, [{ code: 'teacher-email', id: 't001' }]);
    const client = await page(1);
    expect(client.comparedAgain).toEqual([null]);
    // The acknowledgements were applied only once the district was known: North and South's (none).
    await waitFor(() => expect(client.acknowledged).toEqual([[]]), SLOW);
    const schools = screen.getByRole('table', { name: 'Schools' });
    await fireEvent.click(within(schools).getByRole('button', { name: 'North' }));
    await screen.findByRole('button', { name: /^Show 12 records/ }, SLOW);
    expect(screen.queryByText(/acknowledged/)).toBeNull();
  });

  it('offers no acknowledging in a run whose files name no school until its district is named', async () => {
    const { 'schools.csv': _, ...noSchools } = district(12);
    const client = await page(0, noSchools);
    await screen.findByText(/cannot be acknowledged until you name its district/);
    await openNorthRecords('(no school)');
    await screen.findByText('t000', {}, SLOW);
    expect(screen.queryByRole('button', { name: 'Acknowledge teacher t000' })).toBeNull();
    expect(client.acknowledged).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: /All schools/ }));

    // Named: a district of its own, whose acknowledgements apply.
    await fireEvent.change(screen.getByLabelText('District of this run'), { target: { value: '' } });
    await fireEvent.input(screen.getByLabelText('Name of the new district'), {
      target: { value: 'Springfield' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Compare with this district' }));
    await screen.findByText(/you said this run is of/, {}, SLOW);
    await openNorthRecords('(no school)');
    await fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge teacher t000' }, SLOW));
    const form = screen.getByRole('form', { name: 'Acknowledge teacher t000' });
    await fireEvent.click(within(form).getByRole('button', { name: 'Save acknowledgement' }));
    await screen.findByText('Acknowledged: teacher t000.', {}, SLOW);
    const springfield = (await store.districts()).find((d) => d.label === 'Springfield')!;
    expect(await store.acknowledgements(springfield.id)).toEqual([expect.objectContaining({ id: 't000' })]);
    expect(await store.acknowledgements(NO_SCHOOLS_DISTRICT)).toEqual([]);

    // Named again, another new district: the run moves, and its acknowledgement with it.
    await fireEvent.click(screen.getByRole('button', { name: /All schools/ }));
    await fireEvent.click(screen.getByText('Another district'));
    await fireEvent.change(screen.getByLabelText('District of this run'), { target: { value: '' } });
    await fireEvent.input(screen.getByLabelText('Name of the new district'), {
      target: { value: 'Shelbyville' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Compare with this district' }));
    await waitFor(async () => expect((await store.districts()).map((d) => d.label)).toEqual(['Shelbyville']));
    const [shelbyville] = await store.districts();
    await waitFor(async () =>
      expect(await store.acknowledgements(shelbyville.id)).toEqual([expect.objectContaining({ id: 't000' })]),
    );
    // And it applies to the run on the page there.
    await waitFor(
      () => expect(client.acknowledged.at(-1)).toEqual([expect.objectContaining({ id: 't000' })]),
      SLOW,
    );
    expect(client.acknowledged.length).toBeGreaterThan(2);
  });

  it('offers no acknowledging in a run that could not be kept, and says why', async () => {
    vi.spyOn(store, 'finishRun').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const { api, report } = await checked(district(12));
    const client = new FakeClient(api as ValidatorApi);
    render(App, { options: { connect: connections(client).connect, history: store } });
    await fireEvent.change(screen.getByLabelText('Roster files'), {
      target: { files: [new File(['x'], 'teachers.csv')] },
    });
    await waitFor(() => expect(client.runs).toHaveLength(1), SLOW);
    client.lastRun.resolve(report);
    await screen.findByText(/This run was not saved/, {}, SLOW);
    expect(screen.getByText(/Its findings\s+cannot be acknowledged/)).toBeTruthy();
    await openNorthRecords();
    expect(screen.queryByRole('button', { name: 'Acknowledge teacher t000' })).toBeNull();
    expect(client.acknowledged).toEqual([]);
    expect(await store.allAcknowledgements()).toEqual([]);
  });
});
