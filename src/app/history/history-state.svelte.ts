/**
 * The page's side of the history: the list of runs, what happened to the current run (kept or
 * not, and what changed since the previous run of its district), the settings, storage use, and
 * the actions (delete, export, import). Storage problems become messages; they never touch the
 * report on screen.
 */
import { StorageError, storageError } from '../../storage/db.ts';
import {
  districtAfterRun,
  namedDistrict,
  NO_SCHOOLS_DISTRICT,
  schoolKeysOf,
  type DistrictChoice,
} from '../../storage/district.ts';
import { sameQuestion } from '../../storage/records.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import type { DistrictRecord, KeepMode, RunHead } from '../../storage/schema.ts';
import { exportHistory, ImportError, importHistory } from '../../storage/transfer.ts';
import type { FormatId } from '../../shared/report-types.ts';
import type { RunInput } from '../../worker/api.ts';
import type { EarlierRun, FinishedRun, Report } from '../state/run-state.svelte.ts';
import { recordRun } from './recorder.ts';
import { AcknowledgementState } from './acknowledgements.svelte.ts';
import { describeImport } from './import-message.ts';
import type { DistrictNaming, RunNote } from './run-note.ts';

/** The run just kept, while its district may still be named (its files name no school). */
interface Unnamed {
  run: FinishedRun;
  rerun: (earlier: EarlierRun | null) => void;
  at: string;
  forced: string | null;
  /** The stored run (replaced once the run is compared again), and the district it is in. */
  stored: number | null;
  district: string;
}

export interface StorageUse {
  usage: number;
  quota: number;
}

/** navigator.storage as far as the history uses it (tests pass a stand-in). */
export type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

export class HistoryState {
  /** Complete runs, newest first. */
  runs = $state.raw<RunHead[]>([]);
  districts = $state.raw<DistrictRecord[]>([]);
  /** Why the history cannot be used (null while it can). */
  problem = $state<string | null>(null);
  loaded = $state(false);
  keep = $state<KeepMode>('findings');
  note = $state.raw<RunNote | null>(null);
  use = $state.raw<StorageUse | null>(null);
  /** The browser's answer to "keep this data" (null: not asked, or not supported). */
  persisted = $state<boolean | null>(null);
  /** Asked to keep the data, the browser said no. */
  persistRefused = $state(false);
  /** The last action's outcome, in words (role=status). */
  message = $state('');

  #recording = 0;
  #rerunning = false;
  #unnamed: Unnamed | null = null;
  /** The district the admin named for the current run, until that run is compared and kept again. */
  #named: { district: DistrictRecord; replaces: number | null } | null = null;
  /** The acknowledged findings of the current run's district. */
  readonly acknowledgements: AcknowledgementState;

  constructor(
    readonly store: HistoryStore,
    private readonly storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
  ) {
    this.acknowledgements = new AcknowledgementState(store);
  }

  async load(): Promise<void> {
    try {
      await this.store.ready();
      this.keep = await this.store.keepMode();
      await this.refresh();
      this.persisted = (await this.storage?.persisted?.()) ?? null;
    } catch (error) {
      this.problem = storageError(error).message;
    } finally {
      this.loaded = true;
    }
  }

  async refresh(): Promise<void> {
    try {
      this.runs = await this.store.runs();
      this.districts = await this.store.districts();
      this.problem = null;
    } catch (error) {
      this.problem = storageError(error).message;
    }
    await this.estimate();
  }

  async estimate(): Promise<void> {
    try {
      const e = await this.storage?.estimate?.();
      this.use = e ? { usage: e.usage ?? 0, quota: e.quota ?? 0 } : null;
    } catch {
      this.use = null;
    }
  }

  /**
   * Before a check: the newest run of the files' likely district (known for sure only after) that
   * answers the same question (the detected format, or the same forced format).
   */
  earlier(input: RunInput, format?: FormatId): EarlierRun | null | Promise<EarlierRun | null> {
    this.#rerunning = false;
    this.#unnamed = this.#named = null;
    // The sample district is compared with its own earlier export (the worker has it).
    const guess =
      input.kind === 'sample'
        ? undefined
        : this.runs.find(
            (r) => !r.sample && r.district !== NO_SCHOOLS_DISTRICT && sameQuestion(r, format ?? null),
          );
    if (!guess) return null;
    return this.store.snapshot(guess.id!).then((snapshot) => ({ run: guess.id!, snapshot }));
  }

  /** A check finished: compare it with the district's previous run and keep it. */
  async record(
    report: Report,
    input: RunInput,
    earlier: EarlierRun | null,
    run: FinishedRun,
    rerun: (earlier: EarlierRun | null) => void,
  ): Promise<void> {
    const ticket = ++this.#recording;
    const note = (n: RunNote) => {
      if (ticket === this.#recording && run.isCurrent()) this.note = n;
    };
    note({ save: { kind: 'saving' }, sinceAt: null, changes: null, schools: null });
    if (ticket === this.#recording && run.isCurrent()) this.acknowledgements.detach();
    try {
      const { summary } = report;
      const known = await this.store.districts();
      // A run that names no school cannot be told to be of any district: it is compared with none,
      // unless the admin named its district.
      const noSchools = schoolKeysOf(summary.schools).length === 0;
      const named = noSchools ? this.#named : null;
      this.#named = null;
      const district = named?.district ?? districtAfterRun(summary.schools, summary.generatedAt, known);
      const forced = run.formatForced ? summary.format.id : null;
      const previous =
        named || (!noSchools && known.some((d) => d.id === district.id))
          ? await this.store.latestRun(district.id, forced)
          : null;
      if (input.kind === 'files' && !this.#rerunning && (previous?.id ?? null) !== (earlier?.run ?? null)) {
        // Compared with another district's run: compare again with this district's own (the worker
        // redoes only the comparison, from the roster it holds; the files are not read again).
        this.#rerunning = true;
        const snapshot = previous ? await this.store.snapshot(previous.id!) : null;
        if (run.isCurrent()) rerun(previous ? { run: previous.id!, snapshot } : null);
        return;
      }
      this.#rerunning = false;
      const outcome = await recordRun(this.store, run, {
        report,
        sample: input.kind === 'sample',
        previous,
        district,
        keep: this.keep,
        formatForced: run.formatForced === true,
        chosen: run.chosen,
        districtNamed: named !== null,
      });
      // Kept twice at worst, never lost; acknowledgements made while it was in its former district
      // (when that was its only run) move with it.
      if (named?.replaces != null && outcome.runId !== null)
        await this.store.deleteRun(named.replaces, district.id).catch(() => {});
      // The district is known now (compared again if it was guessed wrong) and the run is kept in it:
      // its acknowledgements apply. A run that names no school has none until its district is named
      // (the pool of such runs is no district); a run not kept has none either (decisions.md).
      if (ticket === this.#recording && run.isCurrent()) {
        if (noSchools && !named) this.acknowledgements.unavailable('no-district');
        else if (outcome.runId === null) this.acknowledgements.unavailable('not-saved');
        else void this.acknowledgements.attach(district.id, (list) => run.acknowledge(list));
      }
      this.#unnamed =
        noSchools && input.kind === 'files'
          ? {
              run,
              rerun,
              at: summary.generatedAt,
              forced,
              stored: outcome.runId,
              district: district.id,
            }
          : null;
      await this.refresh();
      note({
        save: outcome.notSaved
          ? { kind: 'not-saved', message: outcome.notSaved.message }
          : { kind: 'saved', run: outcome.runId! },
        sinceAt: previous?.at ?? null,
        changes: outcome.comparison?.district ?? null,
        unknownBecause: outcome.earlierUnreadable ? 'unreadable' : 'counts-only',
        schools: outcome.comparison?.schools ?? null,
        lists: outcome.lists,
        ...(noSchools && !named && { notCompared: 'no-schools' as const }),
        ...(named && { namedDistrict: district.label }),
        ...(this.#unnamed && { naming: this.#naming(named ? district.id : null) }),
        ...(run.formatForced && { formatForced: true }),
        ...(input.kind === 'sample' && { sample: true }),
      });
    } catch (error) {
      if (!run.isCurrent()) return;
      if (ticket === this.#recording) this.acknowledgements.unavailable('not-saved');
      const message = error instanceof StorageError ? error.message : storageError(error).message;
      note({ save: { kind: 'not-saved', message }, sinceAt: null, changes: null, schools: null });
    }
  }

  #naming(current: string | null): DistrictNaming {
    const real = (d: DistrictRecord) =>
      d.id !== NO_SCHOOLS_DISTRICT && this.runs.some((r) => r.district === d.id && !r.sample);
    const districts = this.districts.filter(real).map(({ id, label }) => ({ id, label }));
    const last = this.runs.find((r) => r.districtNamed && districts.some((d) => d.id === r.district));
    return {
      districts,
      selected: current ?? last?.district ?? null,
      name: (choice) => this.nameRunDistrict(choice),
    };
  }

  /**
   * The admin says which district the run just checked is of (its files name no school): the worker
   * compares it again with that district's previous run, from the roster it holds (the files are not
   * read again), and the run is kept again in that district in place of the one kept without it.
   * Later runs without schools are not put in that district by themselves (docs/dev/decisions.md).
   */
  async nameRunDistrict(choice: DistrictChoice): Promise<string | null> {
    const unnamed = this.#unnamed;
    if (!unnamed?.run.isCurrent()) return 'This run is no longer on the page: check the files again.';
    try {
      const district = namedDistrict(choice, unnamed.at, await this.store.districts());
      if (!district) return 'A district needs a name.';
      if (district.id === unnamed.district) return null; // already compared with it
      const previous = await this.store.latestRun(district.id, unnamed.forced);
      const snapshot = previous ? await this.store.snapshot(previous.id!) : null;
      if (!unnamed.run.isCurrent()) return 'This run is no longer on the page: check the files again.';
      this.#named = { district, replaces: unnamed.stored };
      this.#unnamed = null;
      this.#rerunning = true;
      this.note = { save: { kind: 'saving' }, sinceAt: null, changes: null, schools: null };
      unnamed.rerun(previous ? { run: previous.id!, snapshot } : null);
      return null;
    } catch (error) {
      return storageError(error).message;
    }
  }

  /** The runs of each district, the district with the newest run first. */
  get byDistrict(): { id: string; label: string; runs: RunHead[] }[] {
    const groups: { id: string; label: string; runs: RunHead[] }[] = [];
    for (const run of this.runs) {
      let group = groups.find((g) => g.id === run.district);
      if (!group) {
        const label = this.districts.find((d) => d.id === run.district)?.label ?? 'Unknown district';
        groups.push((group = { id: run.district, label, runs: [] }));
      }
      group.runs.push(run);
    }
    return groups;
  }

  async #act(work: () => Promise<string>): Promise<boolean> {
    try {
      this.message = await work();
      return true;
    } catch (error) {
      this.message = error instanceof ImportError ? error.message : storageError(error).message;
      return false;
    } finally {
      await this.refresh();
      await this.acknowledgements.reload();
    }
  }

  deleteRun(head: RunHead): Promise<boolean> {
    return this.#act(async () => {
      const gone = await this.store.deleteRun(head.id!);
      return gone
        ? `The run was deleted. It was its district's last run, so the district's ${gone} acknowledged ${gone === 1 ? 'finding was' : 'findings were'} deleted with it.`
        : 'The run was deleted.';
    });
  }

  renameDistrict(id: string, label: string): Promise<boolean> {
    const name = label.trim();
    if (!name) {
      this.message = 'A district needs a name: it was left as it was.';
      return Promise.resolve(false);
    }
    return this.#act(async () => {
      await this.store.renameDistrict(id, name);
      return `The district is now called ${name}.`;
    });
  }

  deleteAll(): Promise<boolean> {
    return this.#act(async () => {
      await this.store.deleteAll();
      this.keep = 'findings';
      return 'The history was deleted: this browser keeps no run any more.';
    });
  }

  setKeep(mode: KeepMode): Promise<boolean> {
    return this.#act(async () => {
      await this.store.setKeepMode(mode);
      this.keep = mode;
      return mode === 'counts' ? 'Later runs keep their counts only.' : 'Later runs keep their findings.';
    });
  }

  async persist(): Promise<void> {
    if (!this.storage?.persist) {
      this.message = 'This browser cannot be asked to keep the data.';
      return;
    }
    try {
      this.persisted = await this.storage.persist();
    } catch {
      this.persisted = false;
    }
    this.persistRefused = !this.persisted;
  }

  exportBlob(): Promise<Blob> {
    return exportHistory(this.store);
  }

  importFile(file: Blob): Promise<boolean> {
    return this.#act(async () => describeImport(await importHistory(this.store, await file.text())));
  }
}
