/**
 * The one facade between the page and the validation worker (exposed with comlink). The worker keeps
 * the full ValidationResult; the page receives the small summary, pages of findings and download
 * Blobs, never the whole list of findings at once.
 */
import type { Acknowledgement } from '../core/report/acknowledged.ts';
import type { PackedSchools } from '../core/report/packed-schools.ts';
import type {
  FileProblems,
  Finding,
  FindingFilter,
  FindingPage,
  FormatId,
  FormatOption,
  PackedSnapshot,
  Progress,
  ReportSummary,
  RuleInfo,
} from '../shared/report-types.ts';

/** A file the person gave: its path as they know it ("export/users.csv") and its bytes (a File). */
export interface InputFile {
  name: string;
  blob: Blob;
  /** Picked as part of a folder: only data files and archives are checked, hidden files are skipped. */
  fromFolder?: boolean;
}

/** What to check: the person's files, or the generated demo district. */
export type RunInput = { kind: 'files'; files: InputFile[] } | { kind: 'sample' };

export interface RunRequest {
  input: RunInput;
  /** Use this format instead of detecting one. */
  format?: FormatId;
  /** The day of validation as an ISO date (tests); defaults to now. */
  now?: string;
  /** The earlier run of the same district (from the history): enables hold-removals. */
  previous?: PackedSnapshot | null;
}

export type RunOutcome =
  | {
      ok: true;
      summary: ReportSummary;
      /** Every code that occurs in the report. */
      rules: Record<string, RuleInfo>;
      /** Files with formatting findings, in input order (missing files last). */
      fileProblems: FileProblems[];
      /** code → formatting findings that stop the whole sync (codes without any are left out). */
      blocking: Record<string, number>;
      /** The formats the person may choose instead of the detected one. */
      formats: FormatOption[];
    }
  /** The files could not be checked at all (unknown format, broken zip): a message for the person. */
  | { ok: false; message: string };

/** A CSV of findings (per school and/or code, or the whole district), or the report JSON. */
export type DownloadRequest = ({ kind: 'csv' } & FindingFilter) | { kind: 'json' } | { kind: 'zip' };

export interface Download {
  /** Suggested file name, e.g. "sch-1-teacher-email.csv". */
  name: string;
  blob: Blob;
}

export interface ValidatorApi {
  /** Checks the input; progress arrives through the one callback. Replaces any earlier result. */
  run(request: RunRequest, onProgress?: (progress: Progress) => void): Promise<RunOutcome>;
  /** A page of the last result's findings, in report order. */
  findings(filter: FindingFilter, offset: number, limit: number): Promise<FindingPage>;
  download(request: DownloadRequest): Promise<Download>;
  /** The last result's record IDs as salted hashes, for the history to compare later runs with. */
  snapshot(): Promise<PackedSnapshot>;
  /** The last result's findings from `offset` in report order, at most HISTORY_CHUNK (for the history). */
  historyFindings(offset: number, limit: number): Promise<Finding[]>;
  /**
   * The last check compared again with another earlier run (the run turned out to be of another
   * district than guessed): from the roster the worker holds, without reading the files again.
   */
  compareAgain(previous: PackedSnapshot | null): Promise<RunOutcome>;
  /**
   * The district's acknowledged findings (once the history knows the district): pages then mark
   * them (`acknowledged: true`) and filter by them, and the downloads mark them. Returns how many
   * of the last result's findings are acknowledged. A new check or compareAgain clears them.
   */
  acknowledge(list: Acknowledgement[]): Promise<number>;
}

/**
 * What run() sends across to the page: the summary without its schools, and the schools packed
 * (a structured clone of 100 000 school objects blocked the page's main thread for most of a second;
 * the client unpacks them a slice at a time). Made by `worker/wire.ts`, read by `app/worker-client.ts`.
 */
export type WireOutcome =
  | Extract<RunOutcome, { ok: false }>
  | (Omit<Extract<RunOutcome, { ok: true }>, 'summary'> & {
      summary: Omit<ReportSummary, 'schools'>;
      schools: PackedSchools;
    });

/** The facade as the worker exposes it (run's answer packed). */
export interface WireApi extends Omit<ValidatorApi, 'run'> {
  run(request: RunRequest, onProgress?: (progress: Progress) => void): Promise<WireOutcome>;
}

/** The most findings one historyFindings call carries (the history stores runs in chunks). */
export const HISTORY_CHUNK = 5000;
