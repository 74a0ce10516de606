/**
 * Sweeping the runs a page left unfinished (a reload or a closed tab during the save): they hold
 * roster data nobody sees. A run whose writer's lock is free (writer-lock.ts), or that names no
 * writer, or any run where the browser has no Web Locks, is removed at once; a run another open tab
 * is still writing is removed only if that tab goes before finishing it.
 */
import type { IDBPDatabase } from 'idb';
import { removeRun } from './history-writes.ts';
import type { HistoryDb } from './schema.ts';
import { lockName, type LockManagerLike } from './writer-lock.ts';

type Db = IDBPDatabase<HistoryDb>;

/**
 * Removes the unfinished runs of pages that are gone (never this page's own, named by `writer`);
 * for each run another open tab is writing, calls `wait` with that tab's writer token.
 */
export async function sweepUnfinished(
  db: Db,
  writer: string,
  locks: LockManagerLike | null,
  wait: (locks: LockManagerLike, writer: string, run: number) => void,
): Promise<void> {
  const unfinished = (await db.getAll('runs')).filter((r) => !r.complete && r.writer !== writer);
  for (const r of unfinished) {
    const other = r.writer;
    const gone =
      !locks || !other || (await locks.request(lockName(other), { ifAvailable: true }, (l) => l !== null));
    if (gone) await removeRun(db, r.id!);
    else wait(locks, other, r.id!);
  }
}

/**
 * Once the writer's lock is free (its tab went), removes the run unless that tab finished it.
 * `use` opens the database then; `signal` gives up waiting (this page closes its store).
 */
export function sweepWhenGone(
  locks: LockManagerLike,
  writer: string,
  run: number,
  signal: AbortSignal,
  use: (work: (db: Db) => Promise<void>) => Promise<void>,
): void {
  locks
    .request(lockName(writer), { signal }, () =>
      use(async (db) => {
        if ((await db.get('runs', run))?.complete === false) await removeRun(db, run);
      }),
    )
    .catch(() => {}); // closed first, or the database refused: the next start-up sweeps it
}
