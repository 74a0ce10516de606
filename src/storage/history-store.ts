/**
 * The history's operations, as the page uses them. A run is written in steps (head, chunks, then the
 * rest in one transaction: history-writes.ts), so a write cut short leaves an incomplete run that is
 * never listed (history-reads.ts) and is swept (unfinished-runs.ts). Every failure is a StorageError.
 */
import type { IDBPDatabase } from 'idb';
import type { Acknowledgement } from '../core/report/acknowledged.ts';
import type { PackedSnapshot } from '../core/snapshot/packed-snapshot.ts';
import { acknowledge, unacknowledge } from './acknowledgement-lists.ts';
import { openDb, storageError } from './db.ts';
import * as reads from './history-reads.ts';
import { clearAll, finishRun, removeRun, renameDistrict, type FinishFacts } from './history-writes.ts';
import type {
  AcknowledgementRecord,
  DistrictRecord,
  FindingChunk,
  HistoryDb,
  KeepMode,
  PackedFinding,
  RunDetails,
  RunHead,
} from './schema.ts';
import { sweepUnfinished, sweepWhenGone } from './unfinished-runs.ts';
import { defaultLocks, holdLock, lockName, newWriterToken, type LockManagerLike } from './writer-lock.ts';

const KEEP_KEY = 'keep';

export interface StoreOptions {
  /** navigator.locks where the browser has it; without it every unfinished run is swept at start-up. */
  locks?: LockManagerLike | null;
}

export class HistoryStore {
  #db: Promise<IDBPDatabase<HistoryDb>> | null = null;
  readonly #locks: LockManagerLike | null;
  /** Names this page in the heads it writes (writer-lock.ts). */
  readonly #writer = newWriterToken();
  #writerLock: ReturnType<typeof holdLock> | null = null;
  #closing = new AbortController();

  constructor(options: StoreOptions = {}) {
    this.#locks = options.locks === undefined ? defaultLocks() : options.locks;
  }

  async #open(): Promise<IDBPDatabase<HistoryDb>> {
    if (!this.#db) {
      const opening = openDb({ onClose: () => (this.#db = null) });
      this.#db = opening;
      opening.catch(() => {
        if (this.#db === opening) this.#db = null; // try again next time
      });
    }
    return this.#db;
  }

  async #use<T>(work: (db: IDBPDatabase<HistoryDb>) => Promise<T>): Promise<T> {
    try {
      return await work(await this.#open());
    } catch (error) {
      throw storageError(error);
    }
  }

  /** Opens the database now (creating or upgrading it) and sweeps the runs left unfinished. */
  async ready(): Promise<void> {
    await this.#use((db) =>
      sweepUnfinished(db, this.#writer, this.#locks, (locks, writer, run) =>
        sweepWhenGone(locks, writer, run, this.#closing.signal, (work) => this.#use(work)),
      ),
    );
  }

  close(): void {
    this.#closing.abort();
    this.#closing = new AbortController();
    this.#writerLock?.release();
    this.#writerLock = null;
    const db = this.#db;
    this.#db = null;
    db?.then((d) => d.close()).catch(() => {});
  }

  /** Complete runs, newest first (heads only: small). */
  runs(): Promise<RunHead[]> {
    return this.#use(reads.completeRuns);
  }

  /** The district's newest run that answers the same question (`forced`: history-reads.ts). */
  latestRun(district: string, forced: string | null = null): Promise<RunHead | null> {
    return this.#use((db) => reads.latestRun(db, district, forced));
  }

  run(id: number): Promise<RunHead | null> {
    return this.#use((db) => reads.completeRun(db, id));
  }

  /** The complete run kept from the same check (same fingerprint), if any. */
  runByFingerprint(fingerprint: string): Promise<RunHead | null> {
    return this.#use((db) => reads.runByFingerprint(db, fingerprint));
  }

  async hasFingerprint(fingerprint: string): Promise<boolean> {
    return (await this.runByFingerprint(fingerprint)) !== null;
  }

  /** The admin names (or renames) a district; later runs keep the name. */
  renameDistrict(id: string, label: string): Promise<void> {
    return this.#use((db) => renameDistrict(db, id, label));
  }

  districts(): Promise<DistrictRecord[]> {
    return this.#use((db) => db.getAll('districts'));
  }

  details(run: number): Promise<RunDetails | null> {
    return this.#use((db) => reads.runDetails(db, run));
  }

  snapshot(run: number): Promise<PackedSnapshot | null> {
    return this.#use((db) => reads.runSnapshot(db, run));
  }

  chunk(run: number, index: number): Promise<PackedFinding[]> {
    return this.#use((db) => reads.findingChunk(db, run, index));
  }

  /** A run's findings, one stored chunk at a time. */
  async *findings(head: RunHead): AsyncGenerator<PackedFinding[]> {
    for (let index = 0; index < head.chunkCount; index++) yield await this.chunk(head.id!, index);
  }

  /** Starts writing a run: its head, not yet complete, naming this page as its writer. Returns its id. */
  async beginRun(head: RunHead): Promise<number> {
    if (this.#locks) {
      this.#writerLock ??= holdLock(this.#locks, lockName(this.#writer));
      await this.#writerLock.held.catch(() => {}); // no lock: another tab may sweep the run, which then fails to save
    }
    return this.#use(async (db) => db.add('runs', { ...head, writer: this.#writer, complete: false }));
  }

  addChunk(chunk: FindingChunk): Promise<void> {
    return this.#use(async (db) => void (await db.put('findings', chunk)));
  }

  /** Everything else of the run, and the mark that makes it complete, in one transaction. */
  finishRun(run: number, facts: FinishFacts): Promise<void> {
    return this.#use((db) => finishRun(db, run, facts));
  }

  /** Removes what a failed write left (best effort: a later ready() sweeps it otherwise). */
  async abandonRun(run: number): Promise<void> {
    try {
      await this.#use((db) => removeRun(db, run));
    } catch {
      // the database refuses even this: the sweep will do it
    }
  }

  /** Deletes one run with all it kept (history-writes.ts); answers how many acknowledgements went. */
  deleteRun(run: number, moveAcknowledgementsTo?: string): Promise<number> {
    return this.#use((db) => removeRun(db, run, moveAcknowledgementsTo));
  }

  /** Empties every store. */
  deleteAll(): Promise<void> {
    return this.#use(clearAll);
  }

  /** The findings the admin acknowledged in this district. */
  acknowledgements(district: string): Promise<Acknowledgement[]> {
    return this.#use(async (db) => (await db.get('acknowledgements', district))?.items ?? []);
  }

  /** Every district's acknowledgements (the export). */
  allAcknowledgements(): Promise<AcknowledgementRecord[]> {
    return this.#use((db) => db.getAll('acknowledgements'));
  }

  /** Adds these (a note given again replaces the old one unless !replaceNotes: acknowledgement-lists.ts). */
  acknowledge(district: string, added: readonly Acknowledgement[], replaceNotes = true): Promise<void> {
    return this.#use((db) => acknowledge(db, district, added, replaceNotes));
  }

  /** Removes these (matched by code, ID, field and value; the note aside). */
  unacknowledge(district: string, removed: Acknowledgement | readonly Acknowledgement[]): Promise<void> {
    const list = Array.isArray(removed) ? removed : [removed];
    return this.#use((db) => unacknowledge(db, district, list));
  }

  keepMode(): Promise<KeepMode> {
    return this.#use(async (db) =>
      (await db.get('settings', KEEP_KEY))?.value === 'counts' ? 'counts' : 'findings',
    );
  }

  setKeepMode(mode: KeepMode): Promise<void> {
    return this.#use(async (db) => void (await db.put('settings', { key: KEEP_KEY, value: mode })));
  }
}
