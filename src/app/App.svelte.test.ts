// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { BROKEN_TEACHER_ROW, checked, district } from '../../tests/fixtures/worker-district.ts';
import App from './App.svelte';
import { connections, FakeClient } from '../../tests/fixtures/fake-client.ts';
import { WorkerFailure } from './worker-client.ts';

afterEach(cleanup);

const reading = {
  phase: 'reading' as const,
  file: 'teachers.csv',
  bytesDone: 250,
  bytesTotal: 1000,
  rows: 4200,
  rowsPerSecond: 12000,
};

function renderApp(...clients: FakeClient[]) {
  const { connect, made } = connections(...clients);
  render(App, { options: { connect } });
  return made;
}

const trySample = () => fireEvent.click(screen.getByRole('button', { name: 'Try the sample district' }));

describe('the page', () => {
  it('has a file picker labelled "Roster files" that takes several files', () => {
    renderApp();
    const picker = screen.getByLabelText('Roster files') as HTMLInputElement;
    expect(picker.type).toBe('file');
    expect(picker.multiple).toBe(true);
    expect(screen.getByLabelText('Roster folder').hasAttribute('webkitdirectory')).toBe(true);
  });

  it('starts the worker once the page is idle, before any files are chosen', async () => {
    const made = renderApp(new FakeClient());
    expect(made).toHaveLength(0);
    await waitFor(() => expect(made).toHaveLength(1));
  });

  it('shows progress while checking, and Cancel stops the worker and leaves the page ready', async () => {
    const first = new FakeClient();
    const second = new FakeClient();
    const made = renderApp(first, second);
    await trySample();
    expect(first.lastRun.request.input).toEqual({ kind: 'sample' });
    const bar = () => screen.getByRole('progressbar', { name: 'Checking the roster' }) as HTMLProgressElement;
    expect(bar().hasAttribute('value')).toBe(false); // nothing known yet
    expect(
      (screen.getByRole('button', { name: 'Try the sample district' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    first.lastRun.progress(reading);
    await screen.findByText(/12,000 rows per second/);
    expect(bar().value).toBe(25);
    expect(screen.getByText('teachers.csv')).toBeTruthy();
    first.lastRun.progress({ ...reading, phase: 'checking', file: '' });
    await screen.findByText(/applying Remind's rules/);
    expect(bar().value).toBe(100);
    // Once the checking reports its share, the bar follows it instead of staying full.
    first.lastRun.progress({ ...reading, phase: 'checking', file: '', checked: 0.37 });
    await screen.findByText(/applying Remind's rules… 37%/);
    expect(bar().value).toBe(37);

    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(first.disposed).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Choose the files to check' }));

    // A late answer of the cancelled run changes nothing; the next try gets a fresh worker.
    first.lastRun.resolve((await checked(district(3))).report);
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByRole('table', { name: 'Schools' })).toBeNull();
    await trySample();
    expect(made).toEqual([first, second]);
    expect(screen.getByRole('progressbar')).toBeTruthy();
  });

  it('shows the report when the run completes and moves focus to the results', async () => {
    const { api, report } = await checked(district(3));
    const client = new FakeClient(api);
    renderApp(client);
    await trySample();
    // Focus leaves the progress heading before the panel is removed (a focused element's removal
    // makes the browser lay out the new report inside the task that draws it).
    const progressHeading = screen.getByRole('heading', { name: /^Checking/ });
    expect(document.activeElement).toBe(progressHeading);
    let blurredInPlace: boolean | null = null;
    progressHeading.addEventListener('blur', () => (blurredInPlace = progressHeading.isConnected));
    client.lastRun.resolve(report);
    expect(await screen.findByRole('table', { name: 'Schools' })).toBeTruthy();
    expect(blurredInPlace).toBe(true);
    // Focus moves once the report is drawn, in a task of its own.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Results' })),
    );
    expect(screen.getByText(/would sync these files, with errors/).closest('[role=status]')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    // Opening a school moves focus to its heading; closing gives it back to the row.
    await fireEvent.click(screen.getByRole('button', { name: 'North' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'North' }));
    await fireEvent.click(screen.getByRole('button', { name: 'All schools' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'North' }));
  });

  it('leaves focus where the person put it before the report was drawn', async () => {
    const { api, report } = await checked(district(3));
    const client = new FakeClient(api);
    renderApp(client);
    await trySample();
    client.lastRun.resolve(report);
    // In the same task as the report's arrival, before its first frame: the person tabs to a school.
    const north = await screen.findByRole('button', { name: 'North' });
    north.focus();
    await new Promise((r) => setTimeout(r, 100)); // the frame and the task after it (afterPaint)
    expect(document.activeElement).toBe(north);
  });

  it('warns with an alert when Remind would block the sync, formatting findings first', async () => {
    const { api, report } = await checked(district(3, BROKEN_TEACHER_ROW));
    const client = new FakeClient(api);
    renderApp(client);
    await trySample();
    client.lastRun.resolve(report);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Remind would not sync these files/);
    const files = screen.getByRole('table', { name: 'File problems by file' });
    const schools = screen.getByRole('table', { name: 'Schools' });
    expect(files.compareDocumentPosition(schools) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(files.textContent).toMatch(/teachers\.csv.*1 problem\s+blocks the sync/);

    // Each formatting type is one line until its details are asked for.
    const type = screen.getByRole('region', { name: report.rules['row-columns'].title });
    expect(within(type).getByText(/blocks the sync/)).toBeTruthy();
    expect(within(type).queryByText(report.rules['row-columns'].explanation)).toBeNull();
    await fireEvent.click(within(type).getByRole('button', { name: 'Details' }));
    expect(within(type).getByText(report.rules['row-columns'].explanation)).toBeTruthy();
    await fireEvent.click(within(type).getByRole('button', { name: 'Show 1 record' }));
    // The file name is isolated in a <bdi>, so the place reads across two elements.
    const place = (_: string, el: Element | null) =>
      el?.classList.contains('where') === true && /teachers\.csv, row/.test(el.textContent ?? '');
    expect(await within(type).findByText(place)).toBeTruthy();
  });

  it('re-runs with the format the person chooses', async () => {
    const { api, report } = await checked(district(3));
    const client = new FakeClient(api);
    renderApp(client);
    await trySample();
    client.lastRun.resolve(report);
    const select = (await screen.findByRole('combobox', { name: 'Format' })) as HTMLSelectElement;
    expect(select.value).toBe('remind-csv-1.0');
    await fireEvent.change(select, { target: { value: 'clever' } });
    expect(client.runs).toHaveLength(2);
    expect(client.lastRun.request).toEqual({ input: { kind: 'sample' }, format: 'clever' });
    expect(screen.getByRole('progressbar')).toBeTruthy();
  });

  it('turns a worker crash into a clear message with a retry on a fresh worker', async () => {
    const { api, report } = await checked(district(3));
    const crashed = new FakeClient();
    const fresh = new FakeClient(api);
    const made = renderApp(crashed, fresh);
    await trySample();
    crashed.lastRun.progress(reading);
    crashed.lastRun.reject(new WorkerFailure('crashed', 'The checker stopped: Out of memory'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The check did not finish/);
    expect(alert.textContent).toMatch(/Out of memory/);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('table', { name: 'Schools' })).toBeNull();
    expect(crashed.disposed).toBe(true);

    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(made).toEqual([crashed, fresh]);
    expect(fresh.lastRun.request.input).toEqual({ kind: 'sample' });
    fresh.lastRun.resolve(report);
    expect(await screen.findByRole('table', { name: 'Schools' })).toBeTruthy();
  });

  it('explains files that cannot be checked, without a retry', async () => {
    const client = new FakeClient();
    renderApp(client);
    await trySample();
    client.lastRun.resolve({ ok: false, message: 'No known roster format: users.csv has no known header.' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/These files could not be checked/);
    expect(alert.textContent).toMatch(/users\.csv has no known header/);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(client.disposed).toBe(false); // the worker is fine and is used for the next try
  });
});
