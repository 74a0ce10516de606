/** The report of report.md: one data shape for the screen, the downloads, the history and the CLI. */
import type { Finding, Severity } from '../model/finding.ts';
import type { FormatId } from '../formats/types.ts';
import type { RosterSnapshot } from '../snapshot/snapshot.ts';
import type { Cause } from './causes/group.ts';

export const REPORT_VERSION = 1;

export interface FileEntry {
  name: string;
  bytes: number;
  rows: number;
  sha256: string;
}

export interface SchoolEntry {
  id: string | null;
  name: string;
  counts: { teachers: number; students: number; parents: number; classes: number };
  error: Record<string, number>;
  alert: Record<string, number>;
}

export interface Totals {
  schools: number;
  teachers: number;
  students: number;
  parents: number;
  staff: number;
  classes: number;
  error: number;
  alert: number;
  formatting: number;
  hold: number;
}

/** Everything but the findings: small, cheap to send to the page. */
export interface ReportSummary {
  reportVersion: number;
  generatedAt: string;
  format: { id: FormatId; label: string; reconstructed: boolean };
  files: FileEntry[];
  blocked: boolean;
  totals: Totals;
  schools: SchoolEntry[];
  formatting: Record<string, number>;
  hold: Record<string, number>;
  /** The fix plan (causes.ts): absent from reports made before causes existed. */
  causes?: Cause[];
}

export interface Report extends ReportSummary {
  findings: Finding[];
  /** Record IDs as salted hashes, for comparing with a later run (snapshot.ts). */
  roster?: RosterSnapshot;
}

export type { Finding, Severity, Cause };
