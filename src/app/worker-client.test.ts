import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { csv, TODAY } from '../../test/helpers.ts';
import type { Progress } from '../worker/api.ts';
import { createValidator } from '../worker/validator.ts';
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

/** A client whose worker runs the real facade (serving = true) or never answers. */
function connected(serving: boolean) {
  const channel = new MessageChannel();
  channels.push(channel);
  if (serving) Comlink.expose(createValidator(), channel.port2 as unknown as Comlink.Endpoint);
  const worker = new PortWorker(channel.port1);
  return { worker, client: clientOf(worker) };
}

const files = {
  'schools.csv': csv([
    ['school_id', 'school_name'],
    ['s1', 'North'],
  ]),
  'teachers.csv': csv([
    [
      'school_id',
      'teacher_id',
      'teacher_first_name',
      'teacher_last_name',
      'teacher_email',
      'teacher_mobile_phone',
    ],
    ['s1', 't1', 'Ada', 'Park', '', ''],
  ]),
  'students.csv': csv([
    ['school_id', 'student_id', 'student_first_name', 'student_last_name', 'dob', 'grade'],
  ]),
  'classes.csv': csv([['school_id', 'class_id', 'teacher_id', 'class_name']]),
  'enrollments.csv': csv([['school_id', 'class_id', 'user_id']]),
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
    const page = await client.findings({ school: 's1' }, 0, 50);
    expect(page.items.map((f) => `${f.code} ${f.id}`)).toEqual(['teacher-email t1']);
    const download = await client.download({ kind: 'csv', school: 's1', code: 'teacher-email' });
    expect(download.name).toBe('s1-teacher-email.csv');
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
