/**
 * Export of the whole history to one JSON file, and import of such a file. Both only when the
 * person asks. The export is written run by run, chunk by chunk, into Blob pieces; the import checks
 * every record before it writes it, skips runs it already has (same fingerprint), and joins
 * imported districts to the ones this browser knows (district.ts).
 */
import { packSnapshot, unpackSnapshot } from '../core/report/packed-snapshot.ts';
import { isSnapshot, type RosterSnapshot } from '../core/report/snapshot.ts';
import { isPackedFinding } from './codec.ts';
import { matchDistrict } from './district.ts';
import type { HistoryStore } from './history-store.ts';
import { fingerprintOf } from './records.ts';
import {
  FINDINGS_PER_CHUNK,
  type DistrictRecord,
  type PackedFinding,
  type RunDetails,
  type RunHead,
} from './schema.ts';

export const EXPORT_KIND = 'roster-check-history';
export const EXPORT_VERSION = 1;

export interface ExportedRun {
  head: Omit<RunHead, 'complete' | 'startedAt'>;
  details: Omit<RunDetails, 'run'> | null;
  snapshot: RosterSnapshot | null;
  findings: PackedFinding[];
}

export interface ImportResult {
  added: number;
  /** Already in this browser. */
  duplicates: number;
  /** Not a valid run record. */
  invalid: number;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** The whole history as a JSON Blob. */
export async function exportHistory(store: HistoryStore, now = new Date()): Promise<Blob> {
  const parts: BlobPart[] = [];
  const districts = await store.districts();
  const head = { kind: EXPORT_KIND, version: EXPORT_VERSION, exportedAt: now.toISOString(), districts };
  parts.push(JSON.stringify(head).slice(0, -1) + ',"runs":[');
  const runs = (await store.runs()).reverse(); // oldest first, as they happened
  for (const [i, run] of runs.entries()) {
    const { complete: _c, startedAt: _s, ...rest } = run;
    const details = await store.details(run.id!);
    const { run: _r, ...detailsRest } = details ?? { run: 0 };
    const packed = await store.snapshot(run.id!);
    // The file carries the hex lists of the report JSON's `roster`.
    const snapshot = packed ? unpackSnapshot(packed) : null;
    const prefix = JSON.stringify({ head: rest, details: details ? detailsRest : null, snapshot });
    parts.push((i ? ',' : '') + prefix.slice(0, -1) + ',"findings":[');
    let first = true;
    for await (const chunk of store.findings(run)) {
      if (chunk.length === 0) continue;
      parts.push((first ? '' : ',') + chunk.map((f) => JSON.stringify(f)).join(','));
      first = false;
    }
    parts.push(']}');
  }
  parts.push(']}');
  return new Blob(parts, { type: 'application/json' });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCountMap = (v: unknown) =>
  isObject(v) && Object.values(v).every((n) => Number.isInteger(n) && (n as number) >= 0);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

const TOTALS = [
  'schools',
  'teachers',
  'students',
  'parents',
  'classes',
  'error',
  'alert',
  'formatting',
  'hold',
];
const isChanges = (v: unknown) =>
  isObject(v) && [v.new, v.resolved, v.unchanged].every((n) => Number.isInteger(n) && (n as number) >= 0);

const SEVERITIES = ['formatting', 'error', 'alert', 'hold'];
/** A rule as an opened run needs it (codec.ts unpackFinding reads its severity and fixes). */
const isRule = (v: unknown) =>
  isObject(v) &&
  ['code', 'title', 'explanation'].every((k) => typeof v[k] === 'string') &&
  SEVERITIES.includes(v.severity as string) &&
  isObject(v.fixes) &&
  Object.values(v.fixes).every((t) => typeof t === 'string');

function isDistrict(v: unknown): v is DistrictRecord {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.label === 'string' &&
    isStringList(v.schools) &&
    typeof v.lastRunAt === 'string'
  );
}

function isHead(v: unknown): v is ExportedRun['head'] {
  if (!isObject(v)) return false;
  const format = v.format as Record<string, unknown>;
  return (
    typeof v.district === 'string' &&
    typeof v.at === 'string' &&
    !Number.isNaN(Date.parse(v.at)) &&
    isObject(format) &&
    typeof format.id === 'string' &&
    typeof format.label === 'string' &&
    Array.isArray(v.files) &&
    v.files.every(
      (f) =>
        isObject(f) && typeof f.name === 'string' && typeof f.sha256 === 'string' && Number.isFinite(f.bytes),
    ) &&
    typeof v.blocked === 'boolean' &&
    isCountMap(v.totals) &&
    TOTALS.every((k) => k in (v.totals as object)) &&
    (v.changes === null ||
      (isChanges(v.changes) && typeof (v.changes as Record<string, unknown>).sinceAt === 'string')) &&
    (v.kept === 'findings' || v.kept === 'counts') &&
    Number.isInteger(v.findingCount)
  );
}

function isDetails(v: unknown): v is Omit<RunDetails, 'run'> {
  return (
    isObject(v) &&
    Array.isArray(v.schools) &&
    v.schools.every(
      (s) =>
        isObject(s) &&
        (s.id === null || typeof s.id === 'string') &&
        typeof s.name === 'string' &&
        isCountMap(s.counts) &&
        isCountMap(s.error) &&
        isCountMap(s.alert),
    ) &&
    isCountMap(v.formatting) &&
    isCountMap(v.hold) &&
    isObject(v.rules) &&
    Object.values(v.rules).every(isRule) &&
    Array.isArray(v.fileProblems) &&
    isCountMap(v.blocking) &&
    (v.schoolChanges === null ||
      (isObject(v.schoolChanges) && Object.values(v.schoolChanges).every(isChanges)))
  );
}

function isExportedRun(v: unknown): v is ExportedRun {
  return (
    isObject(v) &&
    isHead(v.head) &&
    isDetails(v.details) &&
    (v.snapshot === null || isSnapshot(v.snapshot)) &&
    Array.isArray(v.findings) &&
    v.findings.every(isPackedFinding) &&
    (v.head.kept === 'counts' || v.findings.length === v.head.findingCount)
  );
}

/** Reads an exported history into this browser's. Throws ImportError when it is not one. */
export async function importHistory(store: HistoryStore, text: string): Promise<ImportResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not JSON: choose a history exported by Roster Check.');
  }
  if (!isObject(data) || data.kind !== EXPORT_KIND || !Array.isArray(data.runs))
    throw new ImportError('This file is not a Roster Check history export.');
  if (data.version !== EXPORT_VERSION) {
    // The page writes a number; "1" (text) is not one of its exports, whatever it says.
    const shown =
      typeof data.version === 'number'
        ? `version ${data.version}`
        : data.version === undefined
          ? 'no version'
          : `version ${JSON.stringify(data.version).slice(0, 40)}, written as ${typeof data.version === 'string' ? 'text' : 'something else'} and not as a number`;
    throw new ImportError(`This history export has ${shown}; this page reads version ${EXPORT_VERSION}.`);
  }
  const imported = new Map<string, DistrictRecord>();
  for (const d of Array.isArray(data.districts) ? data.districts : [])
    if (isDistrict(d)) imported.set(d.id, d);

  const result: ImportResult = { added: 0, duplicates: 0, invalid: 0 };
  const newIds = new Map<number, number>();
  const runs = data.runs.filter((r) => {
    if (isExportedRun(r)) return true;
    result.invalid++;
    return false;
  }) as ExportedRun[];
  runs.sort((a, b) => (a.head.at < b.head.at ? -1 : a.head.at > b.head.at ? 1 : 0));
  for (const run of runs) {
    const fingerprint = fingerprintOf({
      generatedAt: run.head.at,
      format: run.head.format,
      files: run.head.files,
    });
    if (await store.hasFingerprint(fingerprint)) {
      result.duplicates++;
      continue;
    }
    const id = await writeRun(store, run, fingerprint, imported.get(run.head.district), newIds);
    if (run.head.id !== undefined) newIds.set(run.head.id, id);
    result.added++;
  }
  return result;
}

async function writeRun(
  store: HistoryStore,
  run: ExportedRun,
  fingerprint: string,
  importedDistrict: DistrictRecord | undefined,
  newIds: Map<number, number>,
): Promise<number> {
  const local = await store.districts();
  const own = importedDistrict ?? {
    id: run.head.district,
    label: run.head.district,
    schools: [],
    lastRunAt: run.head.at,
  };
  const district =
    local.find((d) => d.id === own.id) ??
    (own.schools.length ? matchDistrict(own.schools, local) : null) ??
    own;
  const { id: _id, ...head } = run.head;
  const kept = run.head.kept;
  const id = await store.beginRun({
    ...head,
    district: district.id,
    fingerprint,
    sample: head.sample === true,
    chunkCount: 0,
    complete: false,
    startedAt: new Date().toISOString(),
  });
  try {
    let chunks = 0;
    if (kept === 'findings')
      for (let i = 0; i < run.findings.length; i += FINDINGS_PER_CHUNK)
        await store.addChunk({
          run: id,
          index: chunks++,
          items: run.findings.slice(i, i + FINDINGS_PER_CHUNK),
        });
    const changes = run.head.changes
      ? { ...run.head.changes, since: newIds.get(run.head.changes.since) ?? -1 }
      : null;
    await store.finishRun(id, {
      details: { ...run.details!, run: id },
      snapshot: run.snapshot ? packSnapshot(run.snapshot) : null,
      district: {
        ...district,
        lastRunAt: district.lastRunAt > run.head.at ? district.lastRunAt : run.head.at,
        schools: own.schools,
      },
      changes,
      findingCount: run.head.findingCount,
      chunkCount: chunks,
    });
  } catch (error) {
    await store.abandonRun(id);
    throw error;
  }
  return id;
}
