import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csv, TODAY } from '../../tests/helpers.ts';
import { REMIND_1_HEADERS as H } from '../../tests/fixtures/headers.ts';
import { csvFileName } from '../core/report/csv.ts';
import type { RunOutcome, ValidatorApi } from '../worker/api.ts';
import type { Progress } from '../shared/report-types.ts';
import { createValidator } from '../worker/validator.ts';
import { wireApi } from '../worker/wire.ts';
import { clientOf, WorkerFailure, type WorkerLike } from './worker-client.ts';

/** A Worker stand-in: one end of a MessageChannel, with error events dispatched by the test. */
class PortWorker extends EventTarget implements WorkerLike {
  terminated = false;
  constructor(private readonly port: MessagePort) {
    super();
    port.addEventListener('message', (e) =>
      this.dispatchEvent(new MessageEvent('message', { data: e.data })),
    );
    port.start();
  }
  postMessage(data: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
    this.port.postMessage(data, transfer as Transferable[]);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
}

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

/**
 * A client whose worker runs the real facade (serving = true), `api` when given, or never answers;
 * `silenceMs` is the client's watchdog.
 */
function connected(serving: boolean | Partial<ValidatorApi>, silenceMs?: number) {
  const channel = new MessageChannel();
  channels.push(channel);
  if (serving) {
    const api = serving === true ? wireApi(createValidator()) : serving;
    Comlink.expose(api, channel.port2 as unknown as Comlink.Endpoint);
  }
  const worker = new PortWorker(channel.port1);
  return { worker, client: clientOf(worker, { silenceMs }), port: channel.port2 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SILENT = /The checker stopped responding/;

const files = {
  'schools.csv': csv([H['schools.csv'], ['s1', 'North']]),
  'teachers.csv': csv([H['teachers.csv'], ['s1', 't1', 'Ada', 'Park', '', '']]),
  'students.csv': csv([H['students.csv']]),
  'classes.csv': csv([H['classes.csv']]),
  'enrollments.csv': csv([H['enrollments.csv']]),
};
const request = {
  input: {
    kind: 'files' as const,
    files: Object.entries(files).map(([name, text]) => ({ name, blob: new Blob([text]) })),
  },
  now: TODAY.toISOString(),
};

describe('the worker client', () => {
  it('runs through comlink with one progress callback, then pages and downloads', async () => {
    const { client } = connected(true);
    const progress: Progress[] = [];
    const outcome = await client.run(request, (p) => progress.push(p));
    expect(outcome.ok && outcome.summary.totals.error).toBe(1);
    expect(progress.map((p) => p.phase)).toContain('done');
    // The schools cross packed and come out as the worker made them.
    const direct = await createValidator().run(request);
    const at = (o: RunOutcome) => (o.ok ? { ...o, summary: { ...o.summary, generatedAt: '' } } : o);
    expect(at(outcome)).toEqual(at(direct));
    expect(outcome.ok && outcome.summary.schools.map((s) => s.id)).toEqual(['s1']);
    const page = await client.findings({ school: 's1' }, 0, 50);
    expect(page.items.map((f) => `${f.code} ${f.id}`)).toEqual(['teacher-email t1']);
    const download = await client.download({ kind: 'csv', school: 's1', code: 'teacher-email' });
    expect(download.name).toBe(csvFileName({ school: 's1', code: 'teacher-email' }));
    expect(await download.blob.text()).toContain('t1');
    client.dispose();
  });

  it.each([
    ['an error event', new Event('error', { cancelable: true }), /stopped/],
    ['an unreadable message', new Event('messageerror'), /could not read/],
  ])('turns %s into a failure of every pending and later call', async (_, event, message) => {
    const { worker, client } = connected(false);
    const pending = client.run(request, () => {});
    worker.dispatchEvent(event);
    await expect(pending).rejects.toThrow(message);
    await expect(pending).rejects.toBeInstanceOf(WorkerFailure);
    await expect(client.findings({}, 0, 10)).rejects.toMatchObject({ kind: 'crashed' });
    expect(worker.terminated).toBe(true);
  });

  it('names the error the worker reported', async () => {
    const { worker, client } = connected(false);
    const pending = client.run(request, () => {});
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'Out of memory' }));
    await expect(pending).rejects.toThrow('The checker stopped: Out of memory');
  });

  it('stops the worker on dispose, rejecting what was pending', async () => {
    const { worker, client } = connected(false);
    const pending = client.run(request, () => {});
    client.dispose();
    await expect(pending).rejects.toMatchObject({ kind: 'stopped' });
    expect(worker.terminated).toBe(true);
  });
});

describe('the watchdog: a worker ended without any event (as a browser may end one for memory)', () => {
  it('fails the pending call as a crash and ends the worker once nothing comes for silenceMs', async () => {
    // The watchdog's timer is faked: not one millisecond early, by simulated time and not the clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { worker, client } = connected(false, 50);
    const pending = client.run(request, () => {});
    let settled = false;
    pending.catch(() => {}).finally(() => (settled = true));
    try {
      await vi.advanceTimersByTimeAsync(49);
      expect([settled, worker.terminated]).toEqual([false, false]);
      await vi.advanceTimersByTimeAsync(1);
    } finally {
      vi.useRealTimers();
    }
    await expect(pending).rejects.toThrow(SILENT);
    await expect(pending).rejects.toMatchObject({ kind: 'crashed' });
    expect(worker.terminated).toBe(true);
    await expect(client.findings({}, 0, 10)).rejects.toThrow(SILENT);
  });

  it('lets a long run live while its progress keeps coming', async () => {
    // Simulated time: ten progress events 40 ms apart, 400 ms in all, against a 60 ms watchdog.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let next = () => {};
      const run = async (_: unknown, onProgress: (p: Progress) => void): Promise<RunOutcome> => {
        for (let i = 0; i < 10; i++) {
          onProgress({
            phase: 'reading',
            file: 'a.csv',
            bytesDone: i,
            bytesTotal: 10,
            rows: i,
            rowsPerSecond: 1,
          });
          await new Promise<void>((go) => (next = go));
        }
        return { ok: false, message: 'no files' };
      };
      const { worker, client } = connected({ run }, 60);
      const seen: Progress[] = [];
      const pending = client.run(request, (p) => seen.push(p));
      for (let i = 1; i <= 10; i++) {
        while (seen.length < i) await new Promise((r) => setImmediate(r));
        await vi.advanceTimersByTimeAsync(40);
        expect(worker.terminated).toBe(false);
        next();
      }
      expect(await pending).toEqual({ ok: false, message: 'no files' });
      expect(seen).toHaveLength(10);
      expect(worker.terminated).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts any message of the worker as a sign of life', async () => {
    // Simulated time: ten messages 40 ms apart never leave 60 ms of silence, whatever the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { worker, client } = connected(false, 60);
    const pending = client.snapshot();
    pending.catch(() => {});
    try {
      for (let i = 0; i < 10; i++) {
        await vi.advanceTimersByTimeAsync(40);
        worker.dispatchEvent(new MessageEvent('message', { data: { ping: true } }));
      }
      expect(worker.terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(60);
    } finally {
      vi.useRealTimers();
    }
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toThrow(SILENT);
  });

  it('leaves an idle worker alone: silence with no call pending is not a failure', async () => {
    const { worker, client } = connected(true, 40);
    await client.run(request, () => {});
    await sleep(120);
    expect(worker.terminated).toBe(false);
    expect((await client.findings({}, 0, 10)).total).toBe(1);
    client.dispose();
  });
});
