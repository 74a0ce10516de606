/**
 * Export of the whole history to one JSON file, and import of such a file. Both only when the
 * person asks. The export is written run by run, chunk by chunk, into Blob pieces; the import reads
 * the file in slices, a run at a time (history-file.ts), checks every run before it writes it
 * (import-check.ts), skips runs it already has (same fingerprint), and joins imported districts to
 * the ones this browser knows (import-runs.ts). Runs are written in the file's order (oldest first).
 */
import { unpackSnapshot } from '../core/snapshot/packed-snapshot.ts';
import { NO_SCHOOLS_DISTRICT } from './district.ts';
import type { HistoryStore } from './history-store.ts';
import {
  EXPORT_KIND,
  EXPORT_VERSION,
  headerOf,
  ImportError,
  mb,
  parseJson,
  piecesOf,
  type ImportOptions,
} from './history-file.ts';
import { isDistrict, runLabel, runProblem, type ExportedRun } from './import-check.ts';
import { importAcknowledgements, ownDistrict, writeRun } from './import-runs.ts';
import { fingerprintOf } from './records.ts';
import type { DistrictRecord } from './schema.ts';

export { ImportError };

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

/** How many skipped runs the result names. */
const PROBLEMS_NAMED = 5;

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
    const run = parseJson(piece.text);
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
