/**
 * Reading runs from the history database: the list of complete runs, a district's latest, a run by
 * ID or fingerprint, and what each run kept. An incomplete run (still being written, or left by a
 * write that failed) is never answered.
 */
import type { IDBPDatabase } from 'idb';
import { unpackAllSchools } from '../core/report/packed-schools.ts';
import type { PackedSnapshot } from '../core/snapshot/packed-snapshot.ts';
import { sameQuestion } from './records.ts';
import type { HistoryDb, PackedFinding, RunDetails, RunHead } from './schema.ts';

type Db = IDBPDatabase<HistoryDb>;

/** The keys of the `by-district` index ([district, at]) of one district. */
export const districtRange = (district: string) => IDBKeyRange.bound([district, ''], [district, '\uffff']);

/** Complete runs, newest first (heads only: small). */
export async function completeRuns(db: Db): Promise<RunHead[]> {
  const all = (await db.getAll('runs')).filter((r) => r.complete);
  return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id! - a.id!));
}

/**
 * The district's newest run that answers the same question: of the detected format (`forced`
 * null), or forced to the same format (records.ts sameQuestion).
 */
export async function latestRun(db: Db, district: string, forced: string | null): Promise<RunHead | null> {
  const index = db.transaction('runs').store.index('by-district');
  for (let c = await index.openCursor(districtRange(district), 'prev'); c; c = await c.continue())
    if (c.value.complete && sameQuestion(c.value, forced)) return c.value;
  return null;
}

export async function completeRun(db: Db, id: number): Promise<RunHead | null> {
  const head = await db.get('runs', id);
  return head?.complete ? head : null;
}

/** The complete run kept from the same check (same fingerprint), if any. */
export async function runByFingerprint(db: Db, fingerprint: string): Promise<RunHead | null> {
  const heads = await db.getAllFromIndex('runs', 'by-fingerprint', fingerprint);
  return heads.find((h) => h.complete) ?? null;
}

/** A run's details, with its schools unpacked (runs kept before they were packed have a list). */
export async function runDetails(db: Db, run: number): Promise<RunDetails | null> {
  const stored = await db.get('details', run);
  if (!stored) return null;
  const { schools } = stored;
  return { ...stored, schools: Array.isArray(schools) ? schools : unpackAllSchools(schools) };
}

export async function runSnapshot(db: Db, run: number): Promise<PackedSnapshot | null> {
  return (await db.get('snapshots', run))?.snapshot ?? null;
}

export async function findingChunk(db: Db, run: number, index: number): Promise<PackedFinding[]> {
  return (await db.get('findings', [run, index]))?.items ?? [];
}
