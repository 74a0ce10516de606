/**
 * The report as the page shows it and the history keeps it: the types that the page, the worker
 * and the storage share (the worker makes them, the page shows them, the storage keeps them).
 * Types only, plus the page size; the worker's own facade is `worker/api.ts`.
 */
import type { Progress } from '../core/engine/progress.ts';
import type { FormatId } from '../core/formats/types.ts';
import type { Cause, Finding, ReportSummary, SchoolEntry, Severity } from '../core/report/types.ts';
import type { PackedSnapshot } from '../core/snapshot/packed-snapshot.ts';

export type { Cause, Finding, FormatId, PackedSnapshot, Progress, ReportSummary, SchoolEntry, Severity };

/** What the page shows about a finding type (from the rule registry, which stays in the worker). */
export interface RuleInfo {
  code: string;
  title: string;
  /** Remind's own name for the type (errors and alerts); absent in runs kept before it existed. */
  remindName?: string;
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

/** Which findings: `school` null is the "(no school)" bucket, undefined all; `code` undefined all. */
export interface FindingFilter {
  school?: string | null;
  code?: string;
  /** Index into the summary's `causes`: that cause's findings and their knock-on. */
  cause?: number;
  /** Only the acknowledged findings (true) or only the others (false); undefined: both. */
  acknowledged?: boolean;
}

/** One key per filter, for caching the findings that match it. */
export function filterKey(filter: FindingFilter): string {
  const school = filter.school === undefined ? '*' : filter.school === null ? '-' : '=' + filter.school;
  const acknowledged = filter.acknowledged === undefined ? '*' : filter.acknowledged ? 'y' : 'n';
  return `${school}\u0000${filter.code ?? '*'}\u0000${filter.cause ?? '*'}\u0000${acknowledged}`;
}

export interface FindingPage {
  /** Findings matching the filter (one per school they count in when filtered by school). */
  total: number;
  offset: number;
  items: Finding[];
  /** reason → number of matching findings ("" for findings without a reason). */
  reasons: Record<string, number>;
}

/** The most findings one page may carry (across postMessage, or read back from the history). */
export const MAX_PAGE = 500;
