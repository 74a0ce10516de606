/**
 * Export of the whole history to one JSON file, and import of such a file. Both only when the
 * person asks. The export is written run by run, chunk by chunk, into Blob pieces; the import reads
 * the file in slices, a run at a time (json-splitter.ts), checks every run before it writes it
 * (import-check.ts), skips runs it already has (same fingerprint), and joins imported districts to
 * the ones this browser knows (district.ts). Runs are written in the file's order (oldest first).
 */
import { acknowledgementsFile } from '../core/report/acknowledged.ts';
import { packSnapshot, unpackSnapshot } from '../core/snapshot/packed-snapshot.ts';
import { matchDistrict, NO_SCHOOLS_DISTRICT } from './district.ts';
import type { HistoryStore } from './history-store.ts';
import {
  acknowledgementsProblem,
  isDistrict,
  runLabel,
  runProblem,
  type ExportedRun,
} from './import-check.ts';
import { JsonShapeError, JsonSplitter, type Piece } from './json-splitter.ts';
import { fingerprintOf } from './records.ts';
import { FINDINGS_PER_CHUNK, type AcknowledgementRecord, type DistrictRecord } from './schema.ts';

export type { ExportedRun } from './import-check.ts';

export const EXPORT_KIND = 'roster-check-history';
export const EXPORT_VERSION = 1;

export interface ImportResult {
  added: number;
  /** Already in this browser. */
  duplicates: number;
  /** Not a valid run record. */
  invalid: number;
  /** The first few runs skipped, each named with why. */
  problems: string[];
  /** Acknowledged findings added to the districts of this browser (only when the file had some). */
  acknowledged?: number;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** The whole history as a JSON Blob. */
export async function exportHistory(store: HistoryStore, now = new Date()): Promise<Blob> {
  const parts: BlobPart[] = [];
  const districts = await store.districts();
  // The pool of runs without schools is no district: it has no acknowledgements to carry.
  const acknowledgements = (await store.allAcknowledgements()).filter(
    (r) => r.district !== NO_SCHOOLS_DISTRICT,
  );
  const head = {
    kind: EXPORT_KIND,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    districts,
    // Added with database version 4; an export without it imports as before.
    ...(acknowledgements.length > 0 && { acknowledgements }),
  };
  parts.push(JSON.stringify(head).slice(0, -1) + ',"runs":[');
  const runs = (await store.runs()).reverse(); // oldest first, as they happened
  for (const [i, run] of runs.entries()) {
    const { complete: _c, startedAt: _s, writer: _w, ...rest } = run;
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

export interface ImportOptions {
  /** Bytes read from the file at a time. */
  chunkBytes?: number;
  /** The longest run decoded as one string: a browser cannot make a string of more than ~512 MB. */
  maxRunBytes?: number;
  /** The importing computer's clock (runs dated after it are refused). */
  now?: number;
}

const CHUNK_BYTES = 4 << 20;
const MAX_RUN_BYTES = 256 << 20;
/** How many skipped runs the result names. */
const PROBLEMS_NAMED = 5;
const mb = (bytes: number) => `${Math.ceil(bytes / (1 << 20))} MB`;

/** The file's top-level members, or its runs one by one (json-splitter.ts), as they are read. */
async function* piecesOf(file: Blob, runs: boolean, options: ImportOptions): AsyncGenerator<Piece> {
  const chunk = options.chunkBytes ?? CHUNK_BYTES;
  const splitter = new JsonSplitter('runs', options.maxRunBytes ?? MAX_RUN_BYTES, !runs);
  try {
    for (let at = 0; at < file.size; at += chunk)
      yield* splitter.push(new Uint8Array(await file.slice(at, at + chunk).arrayBuffer()));
    splitter.end();
  } catch (error) {
    if (error instanceof JsonShapeError)
      throw new ImportError(
        `This file is not JSON (${error.message}): choose a history exported by Roster Check.`,
      );
    if (error instanceof TypeError)
      throw new ImportError(
        'This file is not JSON (it is not UTF-8 text): choose a history exported by Roster Check.',
      );
    throw error;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Everything but the runs, after checking it is an export this page reads. */
async function headerOf(file: Blob, options: ImportOptions): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  let runs = false;
  for await (const piece of piecesOf(file, false, options)) {
    if (piece.kind === 'member') {
      const value = parse(piece.text);
      if (value === undefined)
        throw new ImportError(
          `This file is not JSON (its "${piece.key}" is broken): choose a history exported by Roster Check.`,
        );
      data[piece.key] = value;
    } else if (piece.kind === 'too-large' && piece.index < 0)
      throw new ImportError(
        `This file is too large to import: its "${piece.key}" alone is ${mb(piece.bytes)}.`,
      );
    else runs = true;
  }
  if (data.kind !== EXPORT_KIND || !(runs || Array.isArray(data.runs)))
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
  return data;
}

/**
 * Reads an exported history into this browser's, a run at a time, so an export of any size is
 * read (a single run may be up to maxRunBytes). Throws ImportError when the file is not one;
 * runs that are not valid, too large or dated in the future are skipped and named in `problems`.
 */
export async function importHistory(
  store: HistoryStore,
  input: Blob | string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const file = typeof input === 'string' ? new Blob([input]) : input;
  const now = options.now ?? Date.now();
  const header = await headerOf(file, options);
  const imported = new Map<string, DistrictRecord>();
  for (const d of Array.isArray(header.districts) ? header.districts : [])
    if (isDistrict(d, now)) imported.set(d.id, d);

  const result: ImportResult = { added: 0, duplicates: 0, invalid: 0, problems: [] };
  const skip = (problem: string) => {
    result.invalid++;
    if (result.problems.length < PROBLEMS_NAMED) result.problems.push(problem);
  };
  const newIds = new Map<number, number>();
  /** Imported district ID → the ID it has in this browser. */
  const joined = new Map<string, string>();
  for await (const piece of piecesOf(file, true, options)) {
    if (piece.kind === 'member' || piece.kind === 'array') continue;
    const position = piece.index + 1;
    if (piece.kind === 'too-large') {
      skip(`run ${position}: ${mb(piece.bytes)}, too large to import in this browser`);
      continue;
    }
    const run = parse(piece.text);
    const problem = run === undefined ? 'it is not valid JSON' : runProblem(run, now);
    if (problem) {
      skip(`${runLabel(run, position)}: ${problem}`);
      continue;
    }
    const valid = run as ExportedRun;
    const fingerprint = fingerprintOf({
      generatedAt: valid.head.at,
      format: valid.head.format,
      files: valid.head.files,
    });
    const own = ownDistrict(valid, imported.get(valid.head.district));
    const here = await store.runByFingerprint(fingerprint);
    if (here) {
      // Already here, maybe in another district since (named, or joined another way): the file's
      // district joins the one the local copy is in, and later runs compared with it point at it.
      joined.set(own.id, here.district);
      if (valid.head.id !== undefined) newIds.set(valid.head.id, here.id!);
      result.duplicates++;
      continue;
    }
    const id = await writeRun(store, valid, fingerprint, own, newIds, joined.get(own.id));
    joined.set(own.id, (await store.run(id))!.district);
    if (valid.head.id !== undefined) newIds.set(valid.head.id, id);
    result.added++;
  }
  await importAcknowledgements(store, header.acknowledgements, joined, result);
  return result;
}

/**
 * Each district's acknowledgements, added to the district its runs joined in this browser (a note
 * this browser has is kept). Those of a district none of whose runs is here are dropped.
 */
async function importAcknowledgements(
  store: HistoryStore,
  records: unknown,
  joined: Map<string, string>,
  result: ImportResult,
): Promise<void> {
  if (records === undefined) return;
  const problem = acknowledgementsProblem(records);
  if (problem) {
    result.invalid++;
    result.problems.push(`the acknowledged findings: ${problem}`);
    return;
  }
  let added = 0;
  for (const { district, items } of records as AcknowledgementRecord[]) {
    const local = joined.get(district);
    if (!local || local === NO_SCHOOLS_DISTRICT || items.length === 0) continue;
    const before = (await store.acknowledgements(local)).length;
    await store.acknowledge(local, acknowledgementsFile(items).acknowledged, false); // known fields only
    added += (await store.acknowledgements(local)).length - before;
  }
  result.acknowledged = added;
}

/** The district a run names in the file (its record there, or one made of its ID). */
function ownDistrict(run: ExportedRun, importedDistrict: DistrictRecord | undefined): DistrictRecord {
  return (
    importedDistrict ?? {
      id: run.head.district,
      label: run.head.district,
      schools: [],
      lastRunAt: run.head.at,
    }
  );
}

/** The district of this browser an imported one joins: the same ID, the same schools, or itself. */
function localDistrict(own: DistrictRecord, local: readonly DistrictRecord[]): DistrictRecord {
  return (
    local.find((d) => d.id === own.id) ??
    (own.schools.length ? matchDistrict(own.schools, local) : null) ??
    own
  );
}

async function writeRun(
  store: HistoryStore,
  run: ExportedRun,
  fingerprint: string,
  own: DistrictRecord,
  newIds: Map<number, number>,
  /** The local district an earlier run of the same imported district joined. */
  joinedTo: string | undefined,
): Promise<number> {
  const local = await store.districts();
  const district = local.find((d) => d.id === joinedTo) ?? localDistrict(own, local);
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
