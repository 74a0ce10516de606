/**
 * Writing an imported run, and the acknowledgements of its district, into this browser's history:
 * the run joins the district this browser knows (the same ID, the same schools: district.ts), and
 * its changes point at the run they were counted since, as imported here.
 */
import { acknowledgementsFile } from '../core/report/acknowledged.ts';
import { packSnapshot } from '../core/snapshot/packed-snapshot.ts';
import { matchDistrict, NO_SCHOOLS_DISTRICT } from './district.ts';
import type { HistoryStore } from './history-store.ts';
import { acknowledgementsProblem, type ExportedRun } from './import-check.ts';
import { FINDINGS_PER_CHUNK, type AcknowledgementRecord, type DistrictRecord } from './schema.ts';

/**
 * Each district's acknowledgements, added to the district its runs joined in this browser (a note
 * this browser has is kept). Those of a district none of whose runs is here are dropped.
 */
export async function importAcknowledgements(
  store: HistoryStore,
  records: unknown,
  joined: Map<string, string>,
  /** The import's result (transfer.ts ImportResult), counted into. */
  result: { invalid: number; problems: string[]; acknowledged?: number },
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
export function ownDistrict(run: ExportedRun, importedDistrict: DistrictRecord | undefined): DistrictRecord {
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

export async function writeRun(
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
