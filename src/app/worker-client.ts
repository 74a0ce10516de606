/**
 * The page's side of the worker: one comlink facade, with the crash handling comlink lacks. A worker
 * that dies (error event, unreadable message) rejects every pending and later call with WorkerFailure,
 * so nothing waits forever; so does one that falls silent while a call is pending (a browser may end a
 * worker for memory without any event). dispose() terminates it (Cancel); a new client means a fresh
 * worker.
 */
import * as Comlink from 'comlink';
import { unpackSchoolsInSlices } from '../core/report/packed-schools.ts';
import type {
  Download,
  DownloadRequest,
  RunOutcome,
  RunRequest,
  WireApi,
  WireOutcome,
} from '../worker/api.ts';
import type {
  Finding,
  FindingFilter,
  FindingPage,
  PackedSnapshot,
  Progress,
} from '../shared/report-types.ts';
import { nextTask } from './next-task.ts';
import type { Acknowledgement } from '../core/report/acknowledged.ts';

export interface ValidatorClient {
  run(request: RunRequest, onProgress: (progress: Progress) => void): Promise<RunOutcome>;
  findings(filter: FindingFilter, offset: number, limit: number): Promise<FindingPage>;
  download(request: DownloadRequest): Promise<Download>;
  snapshot(): Promise<PackedSnapshot>;
  historyFindings(offset: number, limit: number): Promise<Finding[]>;
  compareAgain(previous: PackedSnapshot | null): Promise<RunOutcome>;
  acknowledge(list: Acknowledgement[]): Promise<number>;
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

/**
 * How long a pending call may go without any message from the worker (an answer or a progress report)
 * before the worker is taken as dead. A run reports progress at least every few thousand rows (every
 * 50 ms while busy), so a minute of silence is not a slow step (see docs/dev/decisions.md, "The site").
 */
export const SILENCE_MS = 60_000;

export interface ClientOptions {
  /** Default SILENCE_MS; tests pass a short one. */
  silenceMs?: number;
}

export function clientOf(worker: WorkerLike, options: ClientOptions = {}): ValidatorClient {
  const silenceMs = options.silenceMs ?? SILENCE_MS;
  const remote = Comlink.wrap<WireApi>(worker as unknown as Comlink.Endpoint);
  let fail: (error: WorkerFailure) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // observed through the calls below
  let done = false;
  // The watchdog runs only while a call is pending: an idle worker is silent by right.
  let pending = 0;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const stop = (error: WorkerFailure) => {
    if (done) return;
    done = true;
    clearTimeout(watchdog);
    worker.removeEventListener('message', heard);
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
  const onSilence = () =>
    stop(new WorkerFailure('crashed', 'The checker stopped responding (it may have run out of memory).'));
  const heard = () => {
    clearTimeout(watchdog);
    watchdog = pending > 0 && !done ? setTimeout(onSilence, silenceMs) : undefined;
  };

  worker.addEventListener('message', heard);
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);
  const call = <T>(promise: Promise<T>): Promise<T> => {
    pending++;
    heard();
    return Promise.race([promise, failed]).finally(() => {
      pending--;
      heard();
    });
  };

  return {
    // Progress comes through a port of its own (comlink's proxy), not the worker's message event.
    run: async (request, onProgress) =>
      unwire(
        await call<WireOutcome>(
          remote.run(
            request,
            Comlink.proxy((progress: Progress) => {
              heard();
              onProgress(progress);
            }),
          ),
        ),
      ),
    findings: (filter, offset, limit) => call(remote.findings(filter, offset, limit)),
    download: (request) => call(remote.download(request)),
    snapshot: () => call(remote.snapshot()),
    historyFindings: (offset, limit) => call(remote.historyFindings(offset, limit)),
    compareAgain: (previous) => call<RunOutcome>(remote.compareAgain(previous)),
    acknowledge: (list) => call(remote.acknowledge(list)),
    dispose: () => stop(new WorkerFailure('stopped', 'The check was cancelled.')),
  };
}

/** The report as the page uses it: the schools unpacked a slice at a time, yielding between slices. */
async function unwire(wire: WireOutcome): Promise<RunOutcome> {
  if (!wire.ok) return wire;
  const { schools, summary, ...rest } = wire;
  return { ...rest, summary: { ...summary, schools: await unpackSchoolsInSlices(schools, nextTask) } };
}

export function connectWorker(options: ClientOptions = {}): ValidatorClient {
  return clientOf(
    new Worker(new URL('../worker/validator.worker.ts', import.meta.url), { type: 'module' }),
    options,
  );
}
