/**
 * Keeping one finished run: its findings stream from the worker a chunk at a time into storage
 * while they are compared with the earlier run of the district. The comparison does not depend on
 * the write: when the browser refuses to keep the run, the report still gets its "changes since",
 * the half-written run is removed, and the earlier runs are untouched.
 */
import type { Finding } from '../../core/report/types.ts';
import { packFinding, unpackFinding } from '../../storage/codec.ts';
import { StorageError, storageError } from '../../storage/db.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import { detailsOf, headOf, type RunReport } from '../../storage/records.ts';
import {
  FINDINGS_PER_CHUNK,
  type DistrictRecord,
  type KeepMode,
  type RunHead,
} from '../../storage/schema.ts';
import type { FinishedRun } from '../state/run-state.svelte.ts';
import { ChangeCounter, comparable, type RunComparison } from './changes.ts';

/** The finished run in the worker (run-state's FinishedRun: one description of it). */
export type RunSource = Pick<FinishedRun, 'historyFindings' | 'snapshot' | 'isCurrent'>;

export interface RecordRequest {
  report: RunReport;
  sample: boolean;
  /** The previous run of the same district. */
  previous: RunHead | null;
  district: DistrictRecord;
  keep: KeepMode;
  /** The admin chose the format (the run is kept and marked). */
  formatForced?: boolean;
  /** What was checked, in words. */
  chosen?: string;
  /** The run names no school: the admin said which district it is of (`district`). */
  districtNamed?: boolean;
}

export interface RecordOutcome {
  /** The stored run, or null when it was not kept. */
  runId: number | null;
  /** Null when there is no earlier run with findings to compare with; lists the new and resolved findings. */
  comparison: RunComparison<Finding> | null;
  /** The earlier run kept its findings, but they could not be read (so there is no comparison). */
  earlierUnreadable: boolean;
  /** Why the run is not in the history (null when it is). */
  notSaved: StorageError | null;
  /** The new and resolved findings (at most LISTED_CHANGES of each), when compared. */
  lists: { new: Finding[]; resolved: Finding[] } | null;
}

export class Replaced extends Error {
  override name = 'Replaced';
  constructor() {
    super('Another check started before this run was kept.');
  }
}

/** Every finding counts once in the totals. */
const findingCount = (r: RunReport) => {
  const t = r.summary.totals;
  return t.formatting + t.error + t.alert + t.hold;
};

/** The most new and the most resolved findings listed on the page (the numbers are always whole). */
export const LISTED_CHANGES = 100_000;

/** The resolved findings read back from the earlier run, by position, with its rules. */
export async function resolvedFindings(
  store: HistoryStore,
  previous: RunHead,
  positions: readonly number[],
): Promise<Finding[]> {
  const wanted = new Set(positions);
  const out: Finding[] = [];
  if (wanted.size === 0) return out;
  const rules = (await store.details(previous.id!))?.rules ?? {};
  let at = 0;
  for await (const chunk of store.findings(previous)) {
    for (const p of chunk) if (wanted.has(at++)) out.push(unpackFinding(p, rules));
    if (out.length === wanted.size) break;
  }
  return out;
}

/** The earlier run's findings, counted; 'unreadable' when it kept them but they cannot be read. */
async function earlierFindings(
  store: HistoryStore,
  previous: RunHead | null,
): Promise<ChangeCounter<Finding> | 'unreadable' | null> {
  if (!previous || previous.kept !== 'findings') return null;
  const counter = new ChangeCounter<Finding>({ lists: LISTED_CHANGES });
  try {
    for await (const chunk of store.findings(previous))
      for (const p of chunk) counter.addPrevious(comparable(p));
  } catch {
    return 'unreadable'; // the changes are not known
  }
  return counter;
}

/** Stores the run and compares it; throws Replaced when a newer check took its place. */
export async function recordRun(
  store: HistoryStore,
  source: RunSource,
  request: RecordRequest,
): Promise<RecordOutcome> {
  const { report, previous, district, keep } = request;
  const total = findingCount(report);
  const earlier = await earlierFindings(store, previous);
  const counter = earlier === 'unreadable' ? null : earlier;
  let notSaved: StorageError | null = null;
  let runId: number | null = null;
  const refuse = (error: unknown) => (notSaved ??= storageError(error));
  try {
    runId = await store.beginRun(
      headOf(report.summary, district.id, {
        sample: request.sample,
        kept: keep,
        findingCount: total,
        chunkCount: 0,
        changes: null,
        complete: false,
        ...(request.formatForced && { formatForced: true }),
        ...(request.chosen !== undefined && { chosen: request.chosen }),
        ...(request.districtNamed && { districtNamed: true }),
      }),
    );
  } catch (error) {
    refuse(error);
  }
  const storeFindings = keep === 'findings';
  let chunks = 0;
  try {
    if (counter || storeFindings) {
      for (let offset = 0; offset < total;) {
        const items = await source.historyFindings(offset, FINDINGS_PER_CHUNK);
        if (!source.isCurrent()) throw new Replaced();
        if (items.length === 0) break;
        if (counter) for (const f of items) counter.addCurrent(f);
        if (storeFindings && runId !== null && !notSaved) {
          await store.addChunk({ run: runId, index: chunks, items: items.map(packFinding) }).catch(refuse);
          chunks++;
        }
        offset += items.length;
      }
    }
    const comparison = counter?.result() ?? null;
    if (runId !== null && !notSaved) {
      const snapshot = await source.snapshot();
      if (!source.isCurrent()) throw new Replaced();
      const changes =
        comparison && previous ? { ...comparison.district, since: previous.id!, sinceAt: previous.at } : null;
      await store
        .finishRun(runId, {
          details: detailsOf(runId, report, comparison?.schools ?? null),
          snapshot,
          district,
          changes,
          findingCount: total,
          chunkCount: storeFindings ? chunks : 0,
        })
        .catch(refuse);
    }
    if (notSaved && runId !== null) await store.abandonRun(runId);
    // The resolved findings are read back from the earlier run only now, so the comparison never
    // holds every earlier finding at once (a million of them would not fit the page comfortably).
    const resolved =
      comparison?.lists && previous
        ? await resolvedFindings(store, previous, comparison.lists.resolvedAt).catch(() => null)
        : null;
    return {
      runId: notSaved ? null : runId,
      comparison,
      earlierUnreadable: earlier === 'unreadable',
      notSaved,
      lists: comparison?.lists && resolved ? { new: comparison.lists.new, resolved } : null,
    };
  } catch (error) {
    if (runId !== null) await store.abandonRun(runId);
    throw error;
  }
}
