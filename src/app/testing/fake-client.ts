/**
 * A ValidatorClient stand-in for tests of the page: each run waits until the test answers it, and
 * findings/downloads go to a real worker facade (or fail) as the test chooses.
 */
import type { RunOutcome, RunRequest, ValidatorApi } from '../../worker/api.ts';
import type { Progress } from '../../shared/report-types.ts';
import type { ValidatorClient } from '../worker-client.ts';

export interface PendingRun {
  request: RunRequest;
  progress: (p: Progress) => void;
  resolve: (outcome: RunOutcome) => void;
  reject: (error: unknown) => void;
}

export class FakeClient implements ValidatorClient {
  readonly runs: PendingRun[] = [];
  disposed = false;

  constructor(private readonly api?: ValidatorApi) {}

  run(request: RunRequest, progress: (p: Progress) => void): Promise<RunOutcome> {
    return new Promise((resolve, reject) => this.runs.push({ request, progress, resolve, reject }));
  }
  findings: ValidatorClient['findings'] = (...args) => this.#api().findings(...args);
  download: ValidatorClient['download'] = (request) => this.#api().download(request);
  snapshot: ValidatorClient['snapshot'] = () => this.#api().snapshot();
  historyFindings: ValidatorClient['historyFindings'] = (...args) => this.#api().historyFindings(...args);
  /** The earlier runs each compareAgain was asked with. */
  readonly comparedAgain: unknown[] = [];
  compareAgain: ValidatorClient['compareAgain'] = (previous) => {
    this.comparedAgain.push(previous);
    return this.#api().compareAgain(previous);
  };
  dispose(): void {
    this.disposed = true;
  }
  get lastRun(): PendingRun {
    const run = this.runs.at(-1);
    if (!run) throw new Error('no run was started');
    return run;
  }
  #api(): ValidatorApi {
    if (!this.api) throw new Error('this fake client has no facade behind it');
    return this.api;
  }
}

/** A connect() that hands out the given clients in turn and records each connection. */
export function connections(...clients: FakeClient[]) {
  const made: FakeClient[] = [];
  const connect = () => {
    const client = clients[made.length];
    if (!client) throw new Error('more workers were started than the test expected');
    made.push(client);
    return client;
  };
  return { connect, made };
}
