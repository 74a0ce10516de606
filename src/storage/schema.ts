/**
 * The history database: names, versions and record shapes. Only src/storage touches IndexedDB.
 *
 * Version 1 (the first build): one store, `runs`, each record a whole run inline (summary, every
 * finding, the roster snapshot). Version 2 splits it so the list of runs stays small and a
 * million findings never load at once:
 *   runs       RunHead, small: what the list and the trend chart show (index by district and time)
 *   details    RunDetails: schools table, rules, file problems, per-school changes
 *   findings   FindingChunk: FINDINGS_PER_CHUNK packed findings per record, keyed [run, chunk]
 *   snapshots  the run's roster snapshot (salted ID hashes, never names)
 *   districts  DistrictRecord: which schools make a district (district.ts)
 *   settings   key → value (what to keep)
 *
 * Version 3 keeps each snapshot as sorted 64-bit numbers (PackedSnapshot) instead of hex strings:
 * a million-student run's 2.6 million strings took the page most of a second to store or read.
 *
 * Version 4 adds `acknowledgements`: per district, the findings the admin marked as known and not
 * fixable in the SIS (AcknowledgementRecord, keyed by district ID).
 */
import type { DBSchema } from 'idb';
import type { Acknowledgement } from '../core/report/acknowledged.ts';
import type { Changes } from '../core/report/changes.ts';
import type { PackedSchools } from '../core/report/packed-schools.ts';
import type { PackedSnapshot } from '../core/snapshot/packed-snapshot.ts';
import type { RosterSnapshot } from '../core/snapshot/snapshot.ts';
import type { Finding, ReportSummary, SchoolEntry } from '../core/report/types.ts';
import type { FileProblems, RuleInfo } from '../shared/report-types.ts';

export const DB_NAME = 'roster-check';
export const DB_VERSION = 4;
export const FINDINGS_PER_CHUNK = 5000;

export const STORES = [
  'runs',
  'details',
  'findings',
  'snapshots',
  'districts',
  'settings',
  'acknowledgements',
] as const;
export type StoreName = (typeof STORES)[number];

/** Findings "new / resolved / unchanged" of a run against the previous run of its district. */
export interface RunChanges extends Changes {
  /** The earlier run compared with, and its time. */
  since: number;
  sinceAt: string;
}

/** What to keep of each run: every finding, or only the counts (settings key `keep`). */
export type KeepMode = 'findings' | 'counts';

export interface RunHead {
  /** Given by the store (autoIncrement) when the run is first written. */
  id?: number;
  district: string;
  /** A run of the page's sample district (compared with its own earlier export, not the history). */
  sample: boolean;
  /** The report's generatedAt. */
  at: string;
  format: ReportSummary['format'];
  files: ReportSummary['files'];
  blocked: boolean;
  totals: ReportSummary['totals'];
  kept: KeepMode;
  findingCount: number;
  chunkCount: number;
  /** False while the chunks are being written: such a run is not listed, and is swept later. */
  complete: boolean;
  /** When writing started. */
  startedAt: string;
  /** The writer token of the page that wrote it (writer-lock.ts); absent in runs of older builds. */
  writer?: string;
  /**
   * The admin chose the format instead of the detected one: another question about the same files,
   * so such a run is compared only with runs forced to the same format (absent: detected).
   */
  formatForced?: boolean;
  /** What the admin chose, in words: "district.zip", "the folder export" (absent in older runs). */
  chosen?: string;
  /**
   * The run's files name no school and the admin said which district it is of (absent: told by its
   * schools). Such a run is compared with that district's runs (docs/dev/decisions.md).
   */
  districtNamed?: boolean;
  /** The same run imported twice is stored once (runs.ts fingerprintOf). */
  fingerprint: string;
  changes: RunChanges | null;
}

export interface RunDetails {
  run: number;
  schools: SchoolEntry[];
  formatting: Record<string, number>;
  hold: Record<string, number>;
  rules: Record<string, RuleInfo>;
  fileProblems: FileProblems[];
  blocking: Record<string, number>;
  /** school key (schoolKey) → changes in that school; null when the earlier run kept no findings. */
  schoolChanges: Record<string, Changes> | null;
}

/**
 * RunDetails as kept: the schools packed (core/report/packed-schools.ts), which the browser copies
 * into the database in milliseconds where 100 000 school objects blocked the page for half a second.
 * Runs kept before that hold the list itself; history-reads.ts reads both.
 */
export type StoredDetails = Omit<RunDetails, 'schools'> & { schools: SchoolEntry[] | PackedSchools };

/**
 * A finding as stored: report.md's fields without `severity` and `fix`, which the run's rules give
 * back (codec.ts). A tuple, because a million objects would repeat every key a million times.
 */
export type PackedFinding = [
  code: string,
  reason: string | null,
  entity: string,
  id: string | null,
  name: string | null,
  schools: (string | null)[],
  file: string | null,
  row: number | null,
  field: string | null,
  value: string | null,
  otherId: string | null,
  message: string,
];

export interface FindingChunk {
  run: number;
  index: number;
  items: PackedFinding[];
}

export interface SnapshotRecord {
  run: number;
  /** Since version 3 the sorted numbers; version 2 kept the hex lists (RosterSnapshot). */
  snapshot: PackedSnapshot;
}

export interface DistrictRecord {
  id: string;
  /** "North High, South Elementary and 3 more schools", or the name the admin gave it. */
  label: string;
  /** The admin named the district: later runs keep its label (absent: named after its schools). */
  named?: boolean;
  /** Every school key (district.ts schoolKeysOf) seen in the district's runs. */
  schools: string[];
  lastRunAt: string;
}

/**
 * A district's acknowledged findings (version 4). A store of its own, not a field of DistrictRecord:
 * a run's save writes the district record it computed before the save, which would put back a list
 * the admin changed meanwhile.
 */
export interface AcknowledgementRecord {
  district: string;
  items: Acknowledgement[];
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface HistoryDb extends DBSchema {
  runs: {
    key: number;
    value: RunHead;
    indexes: { 'by-district': [string, string]; 'by-fingerprint': string };
  };
  details: { key: number; value: StoredDetails };
  findings: { key: [number, number]; value: FindingChunk };
  snapshots: { key: number; value: SnapshotRecord };
  districts: { key: string; value: DistrictRecord };
  settings: { key: string; value: SettingRecord };
  acknowledgements: { key: string; value: AcknowledgementRecord };
}

/** A version-1 record (the first build): the whole run inline. Read only by the v1→v2 migration. */
export interface V1Run {
  id?: number;
  savedAt: string;
  summary: ReportSummary;
  rules: Record<string, RuleInfo>;
  fileProblems: FileProblems[];
  blocking: Record<string, number>;
  findings: Finding[];
  snapshot: RosterSnapshot | null;
}
