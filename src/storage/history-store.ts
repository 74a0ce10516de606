/**
 * The typed operations on the history database. A run is written in steps (its head, then each
 * chunk of findings, then the rest in one transaction that marks it complete), so an interrupted
 * or refused write leaves an incomplete run that is never listed, is removed at once where
 * possible, and swept at the next start-up otherwise (writer-lock.ts tells a run another open tab
 * is still writing from one a closed tab left). Every failure is a StorageError.
 */
import type { IDBPDatabase } from 'idb';
import { packSchools, unpackAllSchools } from '../core/report/packed-schools.ts';
import type { Acknowledgement } from '../core/report/acknowledged.ts';
import type { PackedSnapshot } from '../core/snapshot/packed-snapshot.ts';
import { openDb, storageError } from './db.ts';
import type {
  AcknowledgementRecord,
  DistrictRecord,
  FindingChunk,
  HistoryDb,
  KeepMode,
  PackedFinding,
  RunChanges,
  RunDetails,
  RunHead,
  StoreName,
} from './schema.ts';
import { STORES } from './schema.ts';
import { sameQuestion } from './records.ts';
import { defaultLocks, holdLock, lockName, newWriterToken, type LockManagerLike } from './writer-lock.ts';

const KEEP_KEY = 'keep';

/** What tells two acknowledgements apart (sameAcknowledgement's fields: the note aside). */
const acknowledgementKey = (a: Acknowledgement) =>
  JSON.stringify([a.code, a.id, a.field ?? null, a.value ?? null]);

export interface FinishFacts {
  details: RunDetails;
  snapshot: PackedSnapshot | null;
  district: DistrictRecord;
  changes: RunChanges | null;
  findingCount: number;
  chunkCount: number;
}

const chunkRange = (run: number) => IDBKeyRange.bound([run, 0], [run, Infinity]);

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

  /**
   * Opens the database now (creating or upgrading it) and sweeps the runs left unfinished by a page
   * that is gone (a reload or a closed tab during the save): they hold roster data nobody sees. A
   * run another open tab is still writing is swept only if that tab goes before finishing it.
   */
  async ready(): Promise<void> {
    const locks = this.#locks;
    await this.#use(async (db) => {
      const unfinished = (await db.getAll('runs')).filter((r) => !r.complete && r.writer !== this.#writer);
      for (const r of unfinished) {
        const writer = r.writer;
        const gone =
          !locks ||
          !writer ||
          (await locks.request(lockName(writer), { ifAvailable: true }, (l) => l !== null));
        if (gone) await this.#remove(db, r.id!);
        else this.#sweepWhenGone(locks, writer, r.id!);
      }
    });
  }

  #sweepWhenGone(locks: LockManagerLike, writer: string, run: number): void {
    const { signal } = this.#closing;
    locks
      .request(lockName(writer), { signal }, () =>
        this.#use(async (db) => {
          if ((await db.get('runs', run))?.complete === false) await this.#remove(db, run);
        }),
      )
      .catch(() => {}); // closed first, or the database refused: the next start-up sweeps it
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
    return this.#use(async (db) => {
      const all = (await db.getAll('runs')).filter((r) => r.complete);
      return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id! - a.id!));
    });
  }

  /** The newest complete run of a district. */
  /**
   * The district's newest run that answers the same question: of the detected format (`forced`
   * null), or forced to the same format (records.ts sameQuestion).
   */
  latestRun(district: string, forced: string | null = null): Promise<RunHead | null> {
    return this.#use(async (db) => {
      const range = IDBKeyRange.bound([district, ''], [district, '\uffff']);
      const index = db.transaction('runs').store.index('by-district');
      for (let c = await index.openCursor(range, 'prev'); c; c = await c.continue())
        if (c.value.complete && sameQuestion(c.value, forced)) return c.value;
      return null;
    });
  }

  run(id: number): Promise<RunHead | null> {
    return this.#use(async (db) => {
      const head = await db.get('runs', id);
      return head?.complete ? head : null;
    });
  }

  /** The complete run kept from the same check (same fingerprint), if any. */
  runByFingerprint(fingerprint: string): Promise<RunHead | null> {
    return this.#use(async (db) => {
      const heads = await db.getAllFromIndex('runs', 'by-fingerprint', fingerprint);
      return heads.find((h) => h.complete) ?? null;
    });
  }

  hasFingerprint(fingerprint: string): Promise<boolean> {
    return this.#use(async (db) => {
      const heads = await db.getAllFromIndex('runs', 'by-fingerprint', fingerprint);
      return heads.some((h) => h.complete);
    });
  }

  /** The admin names (or renames) a district; later runs keep the name. */
  renameDistrict(id: string, label: string): Promise<void> {
    return this.#use(async (db) => {
      const tx = db.transaction('districts', 'readwrite');
      const known = await tx.store.get(id);
      if (!known) throw new Error('this district is no longer in the history');
      await tx.store.put({ ...known, label, named: true });
      await tx.done;
    });
  }

  districts(): Promise<DistrictRecord[]> {
    return this.#use((db) => db.getAll('districts'));
  }

  details(run: number): Promise<RunDetails | null> {
    return this.#use(async (db) => {
      const stored = await db.get('details', run);
      if (!stored) return null;
      const { schools } = stored;
      return { ...stored, schools: Array.isArray(schools) ? schools : unpackAllSchools(schools) };
    });
  }

  snapshot(run: number): Promise<PackedSnapshot | null> {
    return this.#use(async (db) => (await db.get('snapshots', run))?.snapshot ?? null);
  }

  chunk(run: number, index: number): Promise<PackedFinding[]> {
    return this.#use(async (db) => (await db.get('findings', [run, index]))?.items ?? []);
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
    return this.#use(async (db) => {
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
    });
  }

  /** Removes what a failed write left (best effort: a later ready() sweeps it otherwise). */
  async abandonRun(run: number): Promise<void> {
    try {
      await this.#use((db) => this.#remove(db, run));
    } catch {
      // the database refuses even this: the sweep will do it
    }
  }

  /**
   * Removes the run; when it was its district's last, the district goes too, with its
   * acknowledgements, unless `moveTo` names the district they move to. Answers how many
   * acknowledgements went.
   */
  async #remove(db: IDBPDatabase<HistoryDb>, run: number, moveTo?: string): Promise<number> {
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
      const range = IDBKeyRange.bound([head.district, ''], [head.district, '\uffff']);
      const left = await tx.objectStore('runs').index('by-district').count(range);
      if (left === 0) {
        // The district is gone: a later run makes a new one, which its acknowledgements never reach.
        await tx.objectStore('districts').delete(head.district);
        const acks = tx.objectStore('acknowledgements');
        const items = (await acks.get(head.district))?.items ?? [];
        await acks.delete(head.district);
        if (moveTo !== undefined && moveTo !== head.district && items.length) {
          const there = (await acks.get(moveTo))?.items ?? [];
          const keys = new Set(there.map(acknowledgementKey));
          await acks.put({
            district: moveTo,
            items: [...there, ...items.filter((a) => !keys.has(acknowledgementKey(a)))],
          });
        } else gone = items.length;
      }
    }
    await tx.done;
    return gone;
  }

  /**
   * Deletes one run with its findings, details and snapshot (and its district if it was the last,
   * with the district's acknowledgements, or these moved to `moveTo`). Answers how many
   * acknowledgements were deleted with it.
   */
  deleteRun(run: number, moveAcknowledgementsTo?: string): Promise<number> {
    return this.#use((db) => this.#remove(db, run, moveAcknowledgementsTo));
  }

  /** Empties every store. */
  deleteAll(): Promise<void> {
    return this.#use(async (db) => {
      const tx = db.transaction([...STORES] as StoreName[], 'readwrite');
      await Promise.all(STORES.map((name) => tx.objectStore(name).clear()));
      await tx.done;
    });
  }

  /** The findings the admin acknowledged in this district. */
  acknowledgements(district: string): Promise<Acknowledgement[]> {
    return this.#use(async (db) => (await db.get('acknowledgements', district))?.items ?? []);
  }

  /** Every district's acknowledgements (the export). */
  allAcknowledgements(): Promise<AcknowledgementRecord[]> {
    return this.#use((db) => db.getAll('acknowledgements'));
  }

  /**
   * Adds these (a note given again replaces the old one; without replaceNotes the note kept is the
   * one already here); one transaction, so tabs do not lose each other's. Matched by key, so adding
   * a hundred thousand already stored stays linear; the same one twice in `added` is kept once.
   */
  acknowledge(district: string, added: readonly Acknowledgement[], replaceNotes = true): Promise<void> {
    return this.#changeAcknowledgements(district, (items) => {
      const byKey = new Map<string, Acknowledgement>();
      for (const a of items) byKey.set(acknowledgementKey(a), a);
      for (const b of added) {
        const key = acknowledgementKey(b);
        if (replaceNotes || !byKey.has(key)) byKey.set(key, b);
      }
      return [...byKey.values()];
    });
  }

  /** Removes these (matched by code, ID, field and value; the note aside). */
  unacknowledge(district: string, removed: Acknowledgement | readonly Acknowledgement[]): Promise<void> {
    const keys = new Set((Array.isArray(removed) ? removed : [removed]).map(acknowledgementKey));
    return this.#changeAcknowledgements(district, (items) =>
      items.filter((a) => !keys.has(acknowledgementKey(a))),
    );
  }

  #changeAcknowledgements(
    district: string,
    change: (items: Acknowledgement[]) => Acknowledgement[],
  ): Promise<void> {
    return this.#use(async (db) => {
      const tx = db.transaction('acknowledgements', 'readwrite');
      const items = change((await tx.store.get(district))?.items ?? []);
      await (items.length ? tx.store.put({ district, items }) : tx.store.delete(district));
      await tx.done;
    });
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
