/**
 * The recording of a finished run: before a check, the guess of the earlier run to compare it with;
 * after it, the run's district, the comparison again when the guess was wrong, keeping the run, the
 * note on the report, and naming the district of a run whose files name no school.
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
import type { FormatId } from '../../shared/report-types.ts';
import type { RunInput } from '../../worker/api.ts';
import type { EarlierRun, FinishedRun, Report } from '../state/run-state.svelte.ts';
import { recordRun } from './recorder.ts';
import type { AcknowledgementState } from './acknowledgements.svelte.ts';
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

/** What the recording reads of the history (HistoryState). */
export interface RecordingHost {
  readonly store: HistoryStore;
  readonly acknowledgements: AcknowledgementState;
  readonly keep: KeepMode;
  /** Complete runs, newest first. */
  readonly runs: RunHead[];
  readonly districts: DistrictRecord[];
  refresh(): Promise<void>;
}

export class RunRecording {
  note = $state.raw<RunNote | null>(null);

  #recording = 0;
  #rerunning = false;
  #unnamed: Unnamed | null = null;
  /** The district the admin named for the current run, until that run is compared and kept again. */
  #named: { district: DistrictRecord; replaces: number | null } | null = null;

  constructor(private readonly history: RecordingHost) {}

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
        : this.history.runs.find(
            (r) => !r.sample && r.district !== NO_SCHOOLS_DISTRICT && sameQuestion(r, format ?? null),
          );
    if (!guess) return null;
    return this.history.store.snapshot(guess.id!).then((snapshot) => ({ run: guess.id!, snapshot }));
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
    if (ticket === this.#recording && run.isCurrent()) this.history.acknowledgements.detach();
    try {
      const { summary } = report;
      const known = await this.history.store.districts();
      // A run that names no school cannot be told to be of any district: it is compared with none,
      // unless the admin named its district.
      const noSchools = schoolKeysOf(summary.schools).length === 0;
      const named = noSchools ? this.#named : null;
      this.#named = null;
      const district = named?.district ?? districtAfterRun(summary.schools, summary.generatedAt, known);
      const forced = run.formatForced ? summary.format.id : null;
      const previous =
        named || (!noSchools && known.some((d) => d.id === district.id))
          ? await this.history.store.latestRun(district.id, forced)
          : null;
      if (input.kind === 'files' && !this.#rerunning && (previous?.id ?? null) !== (earlier?.run ?? null)) {
        // Compared with another district's run: compare again with this district's own (the worker
        // redoes only the comparison, from the roster it holds; the files are not read again).
        this.#rerunning = true;
        const snapshot = previous ? await this.history.store.snapshot(previous.id!) : null;
        if (run.isCurrent()) rerun(previous ? { run: previous.id!, snapshot } : null);
        return;
      }
      this.#rerunning = false;
      const outcome = await recordRun(this.history.store, run, {
        report,
        sample: input.kind === 'sample',
        previous,
        district,
        keep: this.history.keep,
        formatForced: run.formatForced === true,
        chosen: run.chosen,
        districtNamed: named !== null,
      });
      // Kept twice at worst, never lost; acknowledgements made while it was in its former district
      // (when that was its only run) move with it.
      if (named?.replaces != null && outcome.runId !== null)
        await this.history.store.deleteRun(named.replaces, district.id).catch(() => {});
      // The district is known now (compared again if it was guessed wrong) and the run is kept in it:
      // its acknowledgements apply. A run that names no school has none until its district is named
      // (the pool of such runs is no district); a run not kept has none either (decisions.md).
      if (ticket === this.#recording && run.isCurrent()) {
        if (noSchools && !named) this.history.acknowledgements.unavailable('no-district');
        else if (outcome.runId === null) this.history.acknowledgements.unavailable('not-saved');
        else void this.history.acknowledgements.attach(district.id, (list) => run.acknowledge(list));
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
      await this.history.refresh();
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
      if (ticket === this.#recording) this.history.acknowledgements.unavailable('not-saved');
      const message = error instanceof StorageError ? error.message : storageError(error).message;
      note({ save: { kind: 'not-saved', message }, sinceAt: null, changes: null, schools: null });
    }
  }

  #naming(current: string | null): DistrictNaming {
    const real = (d: DistrictRecord) =>
      d.id !== NO_SCHOOLS_DISTRICT && this.history.runs.some((r) => r.district === d.id && !r.sample);
    const districts = this.history.districts.filter(real).map(({ id, label }) => ({ id, label }));
    const last = this.history.runs.find((r) => r.districtNamed && districts.some((d) => d.id === r.district));
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
      const district = namedDistrict(choice, unnamed.at, await this.history.store.districts());
      if (!district) return 'A district needs a name.';
      if (district.id === unnamed.district) return null; // already compared with it
      const previous = await this.history.store.latestRun(district.id, unnamed.forced);
      const snapshot = previous ? await this.history.store.snapshot(previous.id!) : null;
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
}
