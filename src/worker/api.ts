/**
 * The one facade between the page and the validation worker (exposed with comlink). The worker keeps
 * the full ValidationResult; the page receives the small summary, pages of findings and download
 * Blobs, never the whole list of findings at once.
 */
import type { Progress } from '../core/engine/validate.ts';
import type { FormatId } from '../core/formats/types.ts';
import type { PackedSnapshot } from '../core/report/packed-snapshot.ts';
import type { Cause, Finding, ReportSummary, SchoolEntry, Severity } from '../core/report/types.ts';

export type { Cause, Finding, FormatId, PackedSnapshot, Progress, ReportSummary, SchoolEntry, Severity };

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

/** What the page shows about a finding type (from the rule registry, which stays in the worker). */
export interface RuleInfo {
  code: string;
  title: string;
  severity: Severity;
  explanation: string;
  /** How to fix it: one text (key "") or one per reason. */
  fixes: Record<string, string>;
}

export interface FormatOption {
  id: FormatId;
  label: string;
  reconstructed: boolean;
}

/** Formatting findings of one file (or of a missing file). */
export interface FileProblems {
  name: string;
  /** False for a file the format needs that was not given. */
  present: boolean;
  rows: number;
  /** Findings that make Remind refuse the upload, and the others. */
  blocking: number;
  other: number;
  /** code → number of findings in this file. */
  codes: Record<string, number>;
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

/** Which findings: `school` null is the "(no school)" bucket, undefined all; `code` undefined all. */
export interface FindingFilter {
  school?: string | null;
  code?: string;
  /** Index into the summary's `causes`: that cause's findings and their knock-on. */
  cause?: number;
}

export interface FindingPage {
  /** Findings matching the filter (one per school they count in when filtered by school). */
  total: number;
  offset: number;
  items: Finding[];
  /** reason → number of matching findings ("" for findings without a reason). */
  reasons: Record<string, number>;
}

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
}

/** The most findings one page may carry across postMessage. */
export const MAX_PAGE = 500;
/** The most findings one historyFindings call carries (the history stores runs in chunks). */
export const HISTORY_CHUNK = 5000;
