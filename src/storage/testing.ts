/** Test helpers: a fresh in-memory IndexedDB per test, and runs made of plain data. */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { unpackSnapshot, type PackedSnapshot } from '../core/snapshot/packed-snapshot.ts';
import type { RosterSnapshot } from '../core/snapshot/snapshot.ts';
import type { Finding, ReportSummary, SchoolEntry } from '../core/report/types.ts';
import type { RuleInfo } from '../shared/report-types.ts';
import { packFinding } from './codec.ts';
import { districtAfterRun } from './district.ts';
import type { HistoryStore } from './history-store.ts';
import { detailsOf, headOf, type RunReport } from './records.ts';
import { FINDINGS_PER_CHUNK, type KeepMode } from './schema.ts';

/** Every test gets an empty browser profile. */
export function freshIndexedDb(): IDBFactory {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  return factory;
}

export const RULES: Record<string, RuleInfo> = {
  'teacher-email': {
    code: 'teacher-email',
    title: 'Teacher without a usable email',
    remindName: 'Missing valid email address or email assigned to another user',
    severity: 'error',
    explanation: 'Teachers sign in with their email.',
    fixes: { missing: 'Add the email.', invalid: 'Correct the email.' },
  },
  'row-columns': {
    code: 'row-columns',
    title: 'Row with the wrong number of cells',
    severity: 'formatting',
    explanation: 'Every row needs as many cells as the header.',
    fixes: { '': 'Quote the cell.' },
  },
};

export function finding(id: string, school: string | null, code = 'teacher-email'): Finding {
  const formatting = code === 'row-columns';
  return {
    severity: formatting ? 'formatting' : 'error',
    code,
    reason: formatting ? null : 'missing',
    entity: formatting ? 'file' : 'teacher',
    id: formatting ? null : id,
    name: formatting ? null : `Teacher ${id}`,
    schools: formatting ? [] : [school],
    file: 'teachers.csv',
    row: Number(id.replace(/\D/g, '')) || 2,
    field: formatting ? null : 'email',
    value: null,
    otherId: null,
    message: `Teacher ${id} has no email.`,
    fix: formatting ? 'Quote the cell.' : 'Add the email.',
  };
}

export function school(id: string, name: string, errors = 0): SchoolEntry {
  return {
    id,
    name,
    counts: { teachers: 10, students: 100, parents: 50, classes: 5 },
    error: errors ? { 'teacher-email': errors } : {},
    alert: {},
  };
}

export const NORTH_SOUTH = [school('s1', 'North'), school('s2', 'South')];

/** A run of the given schools and findings, at the given time. */
export function runReport(at: string, findings: Finding[], schools: SchoolEntry[] = NORTH_SOUTH): RunReport {
  const formatting = findings.filter((f) => f.severity === 'formatting').length;
  const summary: ReportSummary = {
    reportVersion: 1,
    generatedAt: at,
    format: { id: 'remind-csv-1.0', label: 'Remind CSV 1.0', reconstructed: false },
    files: [
      {
        name: 'teachers.csv',
        bytes: 1234,
        rows: 57,
        sha256: `sha-${at}-${schools.map((s) => s.id).join('+')}`,
      },
    ],
    blocked: false,
    totals: {
      schools: schools.length,
      teachers: 20,
      students: 200,
      parents: 100,
      staff: 0,
      classes: 10,
      error: findings.length - formatting,
      alert: 0,
      formatting,
      hold: 0,
    },
    schools,
    formatting: formatting ? { 'row-columns': formatting } : {},
    hold: {},
  };
  return { summary, rules: RULES, fileProblems: [], blocking: {} };
}

/** A stored snapshot with these teacher hashes (sorted numbers) and no one else. */
export function snapshotOf(salt: string, teachers: bigint[]): PackedSnapshot {
  const none = () => new BigUint64Array(0);
  return {
    salt,
    teachers: BigUint64Array.from(teachers).sort(),
    students: none(),
    parents: none(),
    classes: none(),
  };
}

/** The same as the report JSON and the history export carry it: hex lists. */
export function hexSnapshotOf(salt: string, teachers: bigint[]): RosterSnapshot {
  return JSON.parse(JSON.stringify(unpackSnapshot(snapshotOf(salt, teachers)))) as RosterSnapshot;
}

/** n findings t0…t(n-1) in North. */
export function manyFindings(n: number, prefix = 't'): Finding[] {
  return Array.from({ length: n }, (_, i) => finding(`${prefix}${i}`, 's1'));
}

/** Writes a whole run the way the page does (head, chunks, finish); returns its id. */
export async function storeRun(
  store: HistoryStore,
  report: RunReport,
  findings: Finding[],
  options: {
    snapshot?: PackedSnapshot | null;
    keep?: KeepMode;
    sample?: boolean;
    formatForced?: boolean;
    chosen?: string;
  } = {},
): Promise<number> {
  const keep = options.keep ?? 'findings';
  const district = districtAfterRun(
    report.summary.schools,
    report.summary.generatedAt,
    await store.districts(),
  );
  const facts = {
    sample: options.sample ?? false,
    kept: keep,
    findingCount: findings.length,
    changes: null,
    ...(options.formatForced !== undefined && { formatForced: options.formatForced }),
    ...(options.chosen !== undefined && { chosen: options.chosen }),
  };
  const run = await store.beginRun(
    headOf(report.summary, district.id, { ...facts, chunkCount: 0, complete: false }),
  );
  let chunkCount = 0;
  if (keep === 'findings')
    for (let i = 0; i < findings.length; i += FINDINGS_PER_CHUNK) {
      const items = findings.slice(i, i + FINDINGS_PER_CHUNK).map(packFinding);
      await store.addChunk({ run, index: chunkCount++, items });
    }
  await store.finishRun(run, {
    details: detailsOf(run, report, null),
    snapshot: options.snapshot ?? null,
    district,
    changes: null,
    findingCount: findings.length,
    chunkCount,
  });
  return run;
}
