/**
 * One check of a roster, from the files to the report: owns the worker client, the phase, the
 * progress, the report and what went wrong. Cancel or a crash drop the worker; the next run starts
 * a fresh one. Results of a run that was cancelled or replaced are ignored.
 */
import type { Download, DownloadRequest, RunInput, RunOutcome, RunRequest } from '../../worker/api.ts';
import type {
  Finding,
  FindingFilter,
  FindingPage,
  FormatId,
  PackedSnapshot,
  Progress,
} from '../../shared/report-types.ts';
import type { Acknowledgement } from '../../core/report/acknowledged.ts';
import { connectWorker, WorkerFailure, type ValidatorClient } from '../worker-client.ts';

export type Phase = 'idle' | 'running' | 'done' | 'failed';
export type Report = Extract<RunOutcome, { ok: true }>;

/** `input`: the files could not be checked (choose others); `crash`: the checker failed (try again). */
export interface RunFailure {
  kind: 'input' | 'crash';
  message: string;
}

/** What the report's views need from the worker. */
export interface ReportSource {
  findings(filter: FindingFilter, offset: number, limit: number): Promise<FindingPage>;
  download(request: DownloadRequest): Promise<Download>;
}

/** The earlier run of the district a check is compared with (hold-removals), from the history. */
export interface EarlierRun {
  run: number;
  snapshot: PackedSnapshot | null;
}

/** The finished run in the worker, for the history to keep (until another check replaces it). */
export interface FinishedRun {
  historyFindings(offset: number, limit: number): Promise<Finding[]>;
  snapshot(): Promise<PackedSnapshot>;
  /** False once another check replaced this run in the worker. */
  isCurrent(): boolean;
  /** Applies the district's acknowledged findings to this run (worker: acknowledge). */
  acknowledge(list: Acknowledgement[]): Promise<number>;
  /** The admin chose the format instead of the detected one (another question about the files). */
  formatForced?: boolean;
  /** What was checked, in words ("district.zip", "the folder export (5 files)"). */
  chosen?: string;
}

export interface RunStateOptions {
  connect?: () => ValidatorClient;
  /**
   * The earlier run to compare with, asked before each check. The district is known only once
   * the files are read, so this is the history's best guess; onReport may rerun() with the right one.
   */
  earlier?: (input: RunInput, format?: FormatId) => EarlierRun | null | Promise<EarlierRun | null>;
  /** Called with each finished report and the earlier run it was compared with (the history keeps it). */
  onReport?: (report: Report, input: RunInput, earlier: EarlierRun | null, run: FinishedRun) => void;
}

export class RunState implements ReportSource {
  phase = $state<Phase>('idle');
  progress = $state.raw<Progress | null>(null);
  report = $state.raw<Report | null>(null);
  failure = $state.raw<RunFailure | null>(null);
  /** What is being checked, in words: "3 files", "the sample district". */
  subject = $state('');
  /** The person chose the format (instead of detection). */
  formatChosen = $state(false);

  #connect: () => ValidatorClient;
  #onReport: RunStateOptions['onReport'];
  #earlier: RunStateOptions['earlier'];
  #client: ValidatorClient | null = null;
  #request: RunRequest | null = null;
  #runId = 0;

  constructor(options: RunStateOptions = {}) {
    this.#connect = options.connect ?? connectWorker;
    this.#onReport = options.onReport;
    this.#earlier = options.earlier;
  }

  /**
   * Starts the worker before any check is asked for (the page calls it once idle), so that choosing
   * files does not also wait for the worker's script to load and start. Later runs reuse it anyway.
   */
  prepare(): void {
    if (this.phase !== 'running') this.#client ??= this.#connect();
  }

  start(input: RunInput, subject: string): Promise<void> {
    this.subject = subject;
    this.formatChosen = false;
    return this.#launch({ input });
  }

  /** Runs the same input again as the given format. */
  changeFormat(format: FormatId): Promise<void> {
    if (!this.#request) return Promise.resolve();
    this.formatChosen = true;
    return this.#launch({ ...this.#request, format });
  }

  retry(): Promise<void> {
    return this.#request ? this.#launch(this.#request) : Promise.resolve();
  }

  /** Checks the same input again, compared with the given earlier run. */
  rerun(earlier: EarlierRun | null): Promise<void> {
    return this.#request ? this.#launch(this.#request, earlier) : Promise.resolve();
  }

  /**
   * Compares the finished check again with another earlier run (it is of another district than
   * guessed): the worker redoes only the comparison, from the roster it holds; the files are not read again.
   */
  async compareAgain(earlier: EarlierRun | null): Promise<void> {
    const id = this.#runId;
    const request = this.#request;
    const client = this.#client;
    if (!request || !client || this.phase !== 'done') return;
    try {
      const outcome = await client.compareAgain(earlier?.snapshot ?? null);
      if (id !== this.#runId || !outcome.ok) return;
      this.report = outcome;
      this.#onReport?.(outcome, request.input, earlier, this.#finished(id, request));
    } catch (error) {
      if (id !== this.#runId) return;
      this.#drop();
      this.#fail({ kind: 'crash', message: describe(error) });
    }
  }

  /** Stops the worker; the page is ready for another try. */
  cancel(): void {
    this.#runId++;
    this.#drop();
    this.phase = 'idle';
    this.progress = null;
  }

  findings(filter: FindingFilter, offset: number, limit: number): Promise<FindingPage> {
    return this.#ask((client) => client.findings(filter, offset, limit));
  }

  download(request: DownloadRequest): Promise<Download> {
    return this.#ask((client) => client.download(request));
  }

  async #launch(request: RunRequest, earlier?: EarlierRun | null): Promise<void> {
    const id = ++this.#runId;
    this.#request = request;
    this.phase = 'running';
    this.progress = null;
    this.report = null;
    this.failure = null;
    if (earlier === undefined) {
      const chosen = this.#earlier?.(request.input, request.format) ?? null;
      earlier = chosen instanceof Promise ? await chosen.catch(() => null) : chosen;
      if (id !== this.#runId) return;
    }
    this.#client ??= this.#connect();
    const client = this.#client;
    const sent: RunRequest = earlier ? { ...request, previous: earlier.snapshot } : request;
    try {
      const outcome = await client.run(sent, (p) => {
        if (id === this.#runId) this.progress = p;
      });
      if (id !== this.#runId) return;
      if (outcome.ok) {
        this.report = outcome;
        this.phase = 'done';
        this.#onReport?.(outcome, request.input, earlier, this.#finished(id, request));
      } else {
        this.#fail({ kind: 'input', message: outcome.message });
      }
    } catch (error) {
      if (id !== this.#runId) return;
      this.#drop();
      this.#fail({ kind: 'crash', message: describe(error) });
    }
  }

  #finished(id: number, request: RunRequest): FinishedRun {
    const isCurrent = () => id === this.#runId;
    const ask = <T>(question: (client: ValidatorClient) => Promise<T>) =>
      isCurrent() ? this.#ask(question) : Promise.reject(new Error('Another check replaced this run.'));
    return {
      historyFindings: (offset, limit) => ask((client) => client.historyFindings(offset, limit)),
      snapshot: () => ask((client) => client.snapshot()),
      acknowledge: (list) => ask((client) => client.acknowledge(list)),
      isCurrent,
      formatForced: request.format !== undefined,
      chosen: this.subject,
    };
  }

  async #ask<T>(question: (client: ValidatorClient) => Promise<T>): Promise<T> {
    const id = this.#runId;
    if (!this.#client || this.phase !== 'done') throw new Error('There is no report to ask about.');
    try {
      return await question(this.#client);
    } catch (error) {
      if (error instanceof WorkerFailure && id === this.#runId) {
        this.#drop();
        this.#fail({ kind: 'crash', message: error.message });
      }
      throw error;
    }
  }

  #fail(failure: RunFailure): void {
    this.failure = failure;
    this.report = null;
    this.progress = null;
    this.phase = 'failed';
  }

  #drop(): void {
    this.#client?.dispose();
    this.#client = null;
  }
}

function describe(error: unknown): string {
  if (error instanceof WorkerFailure) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The check failed: ${detail}`;
}
