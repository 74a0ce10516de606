import * as Comlink from 'comlink';
import { createHash } from 'node:crypto';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import { jsSha256 } from '../core/input/hash.ts';
import { blobHasher } from './blob-hasher.ts';
import { remoteHasher, type HasherWorker } from './hasher-client.ts';

/** A Worker stand-in: one end of a MessageChannel, error events dispatched by the test. */
class PortWorker extends EventTarget implements HasherWorker {
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
}

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

/** The first worker's client of a second worker that serves blob-hasher.ts (or nothing). */
function connected(serving: boolean) {
  const channel = new MessageChannel();
  channels.push(channel);
  if (serving) Comlink.expose(blobHasher(jsSha256), channel.port2 as unknown as Comlink.Endpoint);
  let started = 0;
  const worker = new PortWorker(channel.port1);
  const client = remoteHasher(() => (started++, worker));
  return { client, worker, starts: () => started };
}

const text = 'student_id,first_name\ns1,Ada\n';
const blob = () => new NodeBlob([text]) as unknown as Blob;
const expected = createHash('sha256').update(text).digest('hex');

describe('the second worker’s client', () => {
  it('gets each digest from the second worker, started once at the first digest asked for', async () => {
    const { client, starts } = connected(true);
    expect(starts()).toBe(0);
    expect(await Promise.all([client.sha256(blob()), client.sha256(blob())])).toEqual([expected, expected]);
    expect(starts()).toBe(1);
  });

  it('rejects pending and later digests once the second worker fails, instead of waiting', async () => {
    const { client, worker } = connected(false);
    const pending = client.sha256(blob());
    // Node has no ErrorEvent: an Event with the message an ErrorEvent carries.
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'SyntaxError in hasher.worker.js' }));
    await expect(pending).rejects.toThrow(/the hashing worker stopped \(SyntaxError/);
    await expect(client.sha256(blob())).rejects.toThrow(/the hashing worker stopped/);
  });

  it('rejects when no second worker can be started (no nested workers)', async () => {
    const client = remoteHasher(() => {
      throw new ReferenceError('Worker is not defined');
    });
    await expect(client.sha256(blob())).rejects.toThrow('Worker is not defined');
  });
});
