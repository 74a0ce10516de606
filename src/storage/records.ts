/** Building the stored records of a run (shared by the write path, the migration and the import). */
import type { Changes } from '../core/report/changes.ts';
import type { ReportSummary } from '../core/report/types.ts';
import type { FileProblems, RuleInfo } from '../shared/report-types.ts';
import type { KeepMode, RunChanges, RunDetails, RunHead } from './schema.ts';

/** What a run keeps besides its findings: the worker's outcome without the format list. */
export interface RunReport {
  summary: ReportSummary;
  rules: Record<string, RuleInfo>;
  fileProblems: FileProblems[];
  blocking: Record<string, number>;
}

/** The same run (same time, format and file contents) is the same fingerprint, on any machine. */
export function fingerprintOf(summary: Pick<ReportSummary, 'generatedAt' | 'format' | 'files'>): string {
  const files = summary.files.map((f) => `${f.name}:${f.sha256}`).join('|');
  return `${summary.generatedAt}|${summary.format.id}|${files}`;
}

export function headOf(
  summary: ReportSummary,
  district: string,
  facts: {
    sample: boolean;
    kept: KeepMode;
    findingCount: number;
    chunkCount: number;
    changes: RunChanges | null;
    complete: boolean;
    formatForced?: boolean;
    chosen?: string;
    districtNamed?: boolean;
  },
): RunHead {
  return {
    district,
    at: summary.generatedAt,
    format: summary.format,
    files: summary.files,
    blocked: summary.blocked,
    totals: summary.totals,
    startedAt: new Date().toISOString(),
    fingerprint: fingerprintOf(summary),
    ...facts,
  };
}

export function detailsOf(
  run: number,
  report: RunReport,
  schoolChanges: Record<string, Changes> | null,
): RunDetails {
  const { summary } = report;
  return {
    run,
    schools: summary.schools,
    formatting: summary.formatting,
    hold: summary.hold,
    rules: report.rules,
    fileProblems: report.fileProblems,
    blocking: report.blocking,
    schoolChanges,
  };
}

/** Runs answer the same question when their format was detected, or forced to the same format. */
export function sameQuestion(head: Pick<RunHead, 'format' | 'formatForced'>, forced: string | null): boolean {
  return forced === null ? !head.formatForced : head.formatForced === true && head.format.id === forced;
}

/** The report summary back from a run's head and details. */
export function summaryOf(head: RunHead, details: RunDetails): ReportSummary {
  return {
    reportVersion: 1,
    generatedAt: head.at,
    format: head.format,
    files: head.files,
    blocked: head.blocked,
    totals: head.totals,
    schools: details.schools,
    formatting: details.formatting,
    hold: details.hold,
  };
}
