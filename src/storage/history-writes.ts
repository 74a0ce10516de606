/**
 * The transactions that finish, remove and clear runs, and rename a district. A run is finished in
 * one transaction (its details, snapshot, district and the mark that makes it complete), so it is
 * kept whole or not at all; removing a run takes its district with it when it was the district's
 * last.
 */
import type { IDBPDatabase } from 'idb';
import { packSchools } from '../core/report/packed-schools.ts';
import type { PackedSnapshot } from '../core/snapshot/packed-snapshot.ts';
import { changeAcknowledgements, withAcknowledgements } from './acknowledgement-lists.ts';
import { districtRange } from './history-reads.ts';
import type { DistrictRecord, HistoryDb, RunChanges, RunDetails, StoreName } from './schema.ts';
import { STORES } from './schema.ts';

type Db = IDBPDatabase<HistoryDb>;

export interface FinishFacts {
  details: RunDetails;
  snapshot: PackedSnapshot | null;
  district: DistrictRecord;
  changes: RunChanges | null;
  findingCount: number;
  chunkCount: number;
}

const chunkRange = (run: number) => IDBKeyRange.bound([run, 0], [run, Infinity]);

/** Everything else of the run, and the mark that makes it complete, in one transaction. */
export async function finishRun(db: Db, run: number, facts: FinishFacts): Promise<void> {
  const tx = db.transaction(['runs', 'details', 'snapshots', 'districts'], 'readwrite');
  const head = await tx.objectStore('runs').get(run);
  if (!head) throw new Error(`run ${run} is no longer in the history`);
  const known = await tx.objectStore('districts').get(facts.district.id);
  const schools = known
    ? [...new Set([...known.schools, ...facts.district.schools])].sort()
    : facts.district.schools;
  // A name the admin gave meanwhile (another tab) is kept.
  const named = known?.named ? { label: known.label, named: true } : {};
  await tx.objectStore('districts').put({ ...facts.district, ...named, schools });
  await tx.objectStore('details').put({ ...facts.details, schools: packSchools(facts.details.schools) });
  if (facts.snapshot) await tx.objectStore('snapshots').put({ run, snapshot: facts.snapshot });
  await tx.objectStore('runs').put({
    ...head,
    district: facts.district.id,
    changes: facts.changes,
    findingCount: facts.findingCount,
    chunkCount: facts.chunkCount,
    complete: true,
  });
  await tx.done;
}

/**
 * Removes the run; when it was its district's last, the district goes too, with its
 * acknowledgements, unless `moveTo` names the district they move to. Answers how many
 * acknowledgements went.
 */
export async function removeRun(db: Db, run: number, moveTo?: string): Promise<number> {
  const stores = ['runs', 'details', 'findings', 'snapshots', 'districts', 'acknowledgements'] as const;
  const tx = db.transaction([...stores], 'readwrite');
  const head = await tx.objectStore('runs').get(run);
  await Promise.all([
    tx.objectStore('runs').delete(run),
    tx.objectStore('details').delete(run),
    tx.objectStore('findings').delete(chunkRange(run)),
    tx.objectStore('snapshots').delete(run),
  ]);
  let gone = 0;
  if (head) {
    const left = await tx.objectStore('runs').index('by-district').count(districtRange(head.district));
    if (left === 0) {
      // The district is gone: a later run makes a new one, which its acknowledgements never reach.
      await tx.objectStore('districts').delete(head.district);
      const acks = tx.objectStore('acknowledgements');
      const items = (await acks.get(head.district))?.items ?? [];
      await acks.delete(head.district);
      if (moveTo !== undefined && moveTo !== head.district && items.length)
        await changeAcknowledgements(acks, moveTo, (there) => withAcknowledgements(there, items, false));
      else gone = items.length;
    }
  }
  await tx.done;
  return gone;
}

/** Empties every store. */
export async function clearAll(db: Db): Promise<void> {
  const tx = db.transaction([...STORES] as StoreName[], 'readwrite');
  await Promise.all(STORES.map((name) => tx.objectStore(name).clear()));
  await tx.done;
}

/** The admin names (or renames) a district; later runs keep the name. */
export async function renameDistrict(db: Db, id: string, label: string): Promise<void> {
  const tx = db.transaction('districts', 'readwrite');
  const known = await tx.store.get(id);
  if (!known) throw new Error('this district is no longer in the history');
  await tx.store.put({ ...known, label, named: true });
  await tx.done;
}
