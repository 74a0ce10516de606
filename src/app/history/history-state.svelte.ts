/**
 * The page's side of the history: the list of runs, the settings, storage use, and the actions
 * (delete, export, import). What happens to the current run (kept or not, and what changed since the
 * previous run of its district) is run-recording.svelte.ts's. Storage problems become messages; they
 * never touch the report on screen.
 */
import { storageError } from '../../storage/db.ts';
import type { DistrictChoice } from '../../storage/district.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import type { DistrictRecord, KeepMode, RunHead } from '../../storage/schema.ts';
import { exportHistory, ImportError, importHistory } from '../../storage/transfer.ts';
import type { FormatId } from '../../shared/report-types.ts';
import type { RunInput } from '../../worker/api.ts';
import type { EarlierRun, FinishedRun, Report } from '../state/run-state.svelte.ts';
import { AcknowledgementState } from './acknowledgements.svelte.ts';
import { describeImport } from './import-message.ts';
import type { RunNote } from './run-note.ts';
import { RunRecording } from './run-recording.svelte.ts';

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
  use = $state.raw<StorageUse | null>(null);
  /** The browser's answer to "keep this data" (null: not asked, or not supported). */
  persisted = $state<boolean | null>(null);
  /** Asked to keep the data, the browser said no. */
  persistRefused = $state(false);
  /** The last action's outcome, in words (role=status). */
  message = $state('');

  /** What the page says about the current run: kept or not, changes since the previous run. */
  get note(): RunNote | null {
    return this.#recording.note;
  }

  /** The acknowledged findings of the current run's district. */
  readonly acknowledgements: AcknowledgementState;
  readonly #recording: RunRecording;

  constructor(
    readonly store: HistoryStore,
    private readonly storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
  ) {
    this.acknowledgements = new AcknowledgementState(store);
    this.#recording = new RunRecording(this);
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

  /** Before a check: the earlier run to compare it with (RunRecording.earlier). */
  earlier(input: RunInput, format?: FormatId): EarlierRun | null | Promise<EarlierRun | null> {
    return this.#recording.earlier(input, format);
  }

  /** A check finished: compare it with the district's previous run and keep it. */
  record(
    report: Report,
    input: RunInput,
    earlier: EarlierRun | null,
    run: FinishedRun,
    rerun: (earlier: EarlierRun | null) => void,
  ): Promise<void> {
    return this.#recording.record(report, input, earlier, run, rerun);
  }

  /** The admin names the district of the run just checked (its files name no school). */
  nameRunDistrict(choice: DistrictChoice): Promise<string | null> {
    return this.#recording.nameRunDistrict(choice);
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
