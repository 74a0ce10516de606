/**
 * The page's side of the worker: one comlink facade, with the crash handling comlink lacks. A worker
 * that dies (error event, unreadable message) rejects every pending and later call with WorkerFailure,
 * so nothing waits forever; dispose() terminates it (Cancel) and a new client means a fresh worker.
 */
import * as Comlink from 'comlink';
import type {
  Download,
  DownloadRequest,
  FindingFilter,
  FindingPage,
  Progress,
  RunOutcome,
  RunRequest,
} from '../worker/api.ts';
import type { Finding, RosterSnapshot, ValidatorApi } from '../worker/api.ts';

export interface ValidatorClient {
  run(request: RunRequest, onProgress: (progress: Progress) => void): Promise<RunOutcome>;
  findings(filter: FindingFilter, offset: number, limit: number): Promise<FindingPage>;
  download(request: DownloadRequest): Promise<Download>;
  snapshot(): Promise<RosterSnapshot>;
  historyFindings(offset: number, limit: number): Promise<Finding[]>;
  /** Stops the worker at once; pending calls reject with a WorkerFailure of kind 'stopped'. */
  dispose(): void;
}

export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
  constructor(
    readonly kind: 'crashed' | 'stopped',
    message: string,
  ) {
    super(message);
  }
}

/** What the client needs of a Worker (tests pass a stand-in over a MessagePort). */
export type WorkerLike = Pick<
  Worker,
  'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'
>;

export function clientOf(worker: WorkerLike): ValidatorClient {
  const remote = Comlink.wrap<ValidatorApi>(worker as unknown as Comlink.Endpoint);
  let fail: (error: WorkerFailure) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // observed through the calls below
  let done = false;
  const stop = (error: WorkerFailure) => {
    if (done) return;
    done = true;
    worker.removeEventListener('error', onError);
    worker.removeEventListener('messageerror', onMessageError);
    worker.terminate();
    fail(error);
  };
  const onError = (event: Event) => {
    event.preventDefault?.();
    const detail = (event as ErrorEvent).message;
    stop(
      new WorkerFailure(
        'crashed',
        detail ? `The checker stopped: ${detail}` : 'The checker stopped unexpectedly.',
      ),
    );
  };
  const onMessageError = () =>
    stop(new WorkerFailure('crashed', 'The checker sent a message the page could not read.'));
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);
  const call = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, failed]);

  return {
    run: (request, onProgress) => call<RunOutcome>(remote.run(request, Comlink.proxy(onProgress))),
    findings: (filter, offset, limit) => call(remote.findings(filter, offset, limit)),
    download: (request) => call(remote.download(request)),
    snapshot: () => call(remote.snapshot()),
    historyFindings: (offset, limit) => call(remote.historyFindings(offset, limit)),
    dispose: () => stop(new WorkerFailure('stopped', 'The check was cancelled.')),
  };
}

export function connectWorker(): ValidatorClient {
  return clientOf(new Worker(new URL('../worker/validator.worker.ts', import.meta.url), { type: 'module' }));
}
