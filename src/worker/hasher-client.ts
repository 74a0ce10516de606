/**
 * The first worker's side of the second (hasher.worker.ts). The second worker starts at the first
 * digest asked for and stays for later runs; it ends with the first (Cancel terminates the first
 * worker, and a worker's own workers with it). If it cannot run (no nested workers, an error in
 * its script), every digest rejects at once and the engine hashes those files itself.
 */
import * as Comlink from 'comlink';
import type { BlobHasher } from './blob-hasher.ts';

/** What the client needs of a Worker (tests pass a stand-in over a MessagePort). */
export type HasherWorker = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener'>;

export function remoteHasher(start: () => HasherWorker): BlobHasher {
  let remote: Comlink.Remote<BlobHasher> | null = null;
  let failure: Error | null = null;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // observed through the calls below
  const connect = () => {
    const worker = start();
    const stop = (event: Event) => {
      event.preventDefault?.();
      failure ??= new Error(`the hashing worker stopped (${(event as ErrorEvent).message ?? event.type})`);
      fail(failure);
    };
    worker.addEventListener('error', stop);
    worker.addEventListener('messageerror', stop);
    return Comlink.wrap<BlobHasher>(worker as unknown as Comlink.Endpoint);
  };
  return {
    async sha256(blob) {
      if (failure) throw failure;
      try {
        remote ??= connect();
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        throw failure;
      }
      return Promise.race([remote.sha256(blob), failed]);
    },
  };
}
