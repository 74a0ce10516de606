// @vitest-environment jsdom
/**
 * The ways a check can fail to finish, as the page shows them: the worker dies (error event, a
 * message it cannot read, or silence), or the engine throws something other than an InputError.
 * Each time the page says the check did not finish, offers Try again, and shows no part of a report,
 * however far the run had got. (A worker crash reported by the client is in App.svelte.test.ts.)
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { checked, district } from '../../tests/fixtures/worker-district.ts';
import App from './App.svelte';
import { connections, FakeClient } from '../../tests/fixtures/fake-client.ts';
import { clientOf, type WorkerLike } from './worker-client.ts';

afterEach(cleanup);

/** A worker that never answers and can be made to fail the way browsers report it. */
class DyingWorker extends EventTarget implements WorkerLike {
  terminated = false;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

const trySample = () => fireEvent.click(screen.getByRole('button', { name: 'Try the sample district' }));

async function expectFailureShown(message: RegExp): Promise<void> {
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(/The check did not finish/);
  expect(alert.textContent).toMatch(message);
  expect(screen.getByText(/No results are shown, because they would be incomplete/)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  expect(screen.queryByRole('progressbar')).toBeNull();
  expect(screen.queryByRole('table', { name: 'Schools' })).toBeNull();
  expect(screen.queryByRole('heading', { name: 'Results' })).toBeNull();
}

describe('a check that does not finish', () => {
  it.each([
    [
      'an uncaught error in the worker',
      new ErrorEvent('error', { message: 'Out of memory' }),
      /Out of memory/,
    ],
    ['an error event without details', new Event('error'), /The checker stopped unexpectedly/],
    ['a message the page cannot read', new Event('messageerror'), /a message the page could not read/],
  ])(
    '%s: said plainly, the worker ended, and Try again starts a fresh one',
    async (_label, event, message) => {
      const worker = new DyingWorker();
      const { api, report } = await checked(district(2));
      const fresh = new FakeClient(api);
      const clients = [clientOf(worker), fresh];
      let made = 0;
      render(App, { options: { connect: () => clients[made++] } });
      await trySample();
      worker.dispatchEvent(event);
      await expectFailureShown(message);
      expect(worker.terminated).toBe(true);

      await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(made).toBe(2);
      fresh.lastRun.resolve(report);
      expect(await screen.findByRole('table', { name: 'Schools' })).toBeTruthy();
    },
  );

  it('a worker ended without any event: after its silence, the same failure and Try again', async () => {
    const worker = new DyingWorker();
    const { api, report } = await checked(district(2));
    const fresh = new FakeClient(api);
    const clients = [clientOf(worker, { silenceMs: 30 }), fresh];
    let made = 0;
    render(App, { options: { connect: () => clients[made++] } });
    await trySample();
    await expectFailureShown(/The checker stopped responding/);
    expect(worker.terminated).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    fresh.lastRun.resolve(report);
    expect(await screen.findByRole('table', { name: 'Schools' })).toBeTruthy();
  });

  it('an unexpected engine error (not an InputError): a failed check with its reason, never a report', async () => {
    const client = new FakeClient();
    render(App, { options: { connect: connections(client).connect } });
    await trySample();
    client.lastRun.progress({
      phase: 'checking',
      file: '',
      bytesDone: 1000,
      bytesTotal: 1000,
      rows: 500,
      rowsPerSecond: 5000,
    });
    client.lastRun.reject(new TypeError('e.people is not iterable'));
    await expectFailureShown(/The check failed: e\.people is not iterable/);
  });
});
