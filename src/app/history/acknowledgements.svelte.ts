/**
 * The acknowledged findings of the district the current run belongs to: kept per district in the
 * history (storage), applied to the run in the worker (which marks, filters and counts them, and
 * marks the downloads), and changed by the admin from the report. Known only once the history knows
 * the run's district; a new check detaches them until then.
 */
import {
  acknowledgementFor,
  acknowledgementOf,
  acknowledgementsFile,
  readAcknowledgements,
  type Acknowledgement,
} from '../../core/report/acknowledged.ts';
import { storageError } from '../../storage/db.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import type { Finding } from '../../shared/report-types.ts';

/** Sends the list to the run in the worker; answers how many of its findings it matches. */
export type ApplyAcknowledgements = (list: Acknowledgement[]) => Promise<number>;

export class AcknowledgementState {
  /** The district of the current run (null: not known yet, nothing can be acknowledged). */
  district = $state<string | null>(null);
  /**
   * Why the current run's findings cannot be acknowledged, once that is known: its files name no
   * school and its district is not named, or the run was not kept (acknowledgements are kept with a
   * district's runs). Null otherwise.
   */
  unavailableBecause = $state<'no-district' | 'not-saved' | null>(null);
  list = $state.raw<Acknowledgement[]>([]);
  /** How many of the current run's findings are acknowledged. */
  count = $state(0);
  /** Grows each time the run's marks change: the views load their records again. */
  version = $state(0);
  /** The last change's outcome or problem, in words (role=status). */
  message = $state('');

  #of = $derived(acknowledgementOf(this.list));
  #apply: ApplyAcknowledgements | null = null;
  #ticket = 0;

  constructor(
    private readonly store: HistoryStore,
    /** The district's list was changed here (a stored run's view: the current run follows). */
    private readonly onChange?: () => void,
  ) {}

  get active(): boolean {
    return this.district !== null;
  }

  /** A new check started: nothing applies until its district is known. */
  detach(): void {
    this.#ticket++;
    this.#apply = null;
    this.district = null;
    this.unavailableBecause = null;
    this.list = [];
    this.count = 0;
    this.message = '';
  }

  /** The run is checked, but its findings cannot be acknowledged (see unavailableBecause). */
  unavailable(why: 'no-district' | 'not-saved'): void {
    this.detach();
    this.unavailableBecause = why;
  }

  /** The run's district is known: its acknowledgements apply to the run. */
  async attach(district: string, apply: ApplyAcknowledgements): Promise<void> {
    const ticket = ++this.#ticket;
    this.#apply = apply;
    let list: Acknowledgement[] = [];
    try {
      list = await this.store.acknowledgements(district);
    } catch (error) {
      this.message = `The acknowledged findings could not be read: ${storageError(error).message}`;
    }
    if (ticket !== this.#ticket) return;
    this.district = district;
    await this.#show(list, ticket);
  }

  /** The history changed (deleted, imported): the district's list is read again. */
  async reload(): Promise<void> {
    if (this.district === null || !this.#apply) return;
    await this.attach(this.district, this.#apply);
  }

  /** The acknowledgement this finding matches (its note), if any. */
  of(finding: Finding): Acknowledgement | undefined {
    return this.#of(finding);
  }

  async acknowledge(finding: Finding, note: string): Promise<boolean> {
    const added = acknowledgementFor(finding, note);
    if (!added) return false;
    return this.#change(
      (store, district) => store.acknowledge(district, [added]),
      `Acknowledged: ${finding.entity} ${finding.id}.`,
    );
  }

  /**
   * Takes back every acknowledgement this finding matches: the one made for it and any broader one
   * (no field or value, from a file), which also covered the record's other findings of the code.
   */
  unacknowledge(finding: Finding): Promise<boolean> {
    if (!this.of(finding)) return Promise.resolve(false);
    const matching = this.list.filter(
      (a) =>
        a.code === finding.code &&
        a.id === finding.id &&
        (a.field == null || a.field === finding.field) &&
        (a.value == null || a.value === finding.value),
    );
    const broader = matching.some(
      (a) => (a.field ?? null) !== finding.field || (a.value ?? null) !== finding.value,
    );
    const name = `${finding.entity} ${finding.id}`;
    return this.#change(
      (store, district) => store.unacknowledge(district, matching),
      () =>
        this.of(finding)
          ? `Still acknowledged: ${name} (acknowledged again meanwhile, in another tab).`
          : broader
            ? `No longer acknowledged: ${name}, nor its other ${finding.code} findings (an acknowledgement from a file covered them all).`
            : `No longer acknowledged: ${name}.`,
    );
  }

  /**
   * Adds the acknowledgements of a file of the command line's form (one the page downloaded, or
   * written for --acknowledged); a note this district already has is kept.
   */
  async addFile(file: Blob): Promise<boolean> {
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      this.message = 'This file is not JSON: choose a file of acknowledged findings.';
      return false;
    }
    const list = readAcknowledgements(data);
    if (typeof list === 'string') {
      this.message = `This file is not a list of acknowledged findings: ${list}.`;
      return false;
    }
    const before = this.list.length;
    return this.#change(
      (store, district) => store.acknowledge(district, acknowledgementsFile(list).acknowledged, false),
      () => {
        const added = this.list.length - before;
        return `${added} acknowledged ${added === 1 ? 'finding' : 'findings'} added from the file.`;
      },
    );
  }

  /** The file the command line's --acknowledged reads. */
  file(): Blob {
    return new Blob([JSON.stringify(acknowledgementsFile(this.list), null, 2) + '\n'], {
      type: 'application/json',
    });
  }

  async #change(
    write: (store: HistoryStore, district: string) => Promise<void>,
    done: string | (() => string),
  ): Promise<boolean> {
    const district = this.district;
    if (district === null) return false;
    const ticket = this.#ticket;
    try {
      await write(this.store, district);
      const list = await this.store.acknowledgements(district);
      if (ticket !== this.#ticket) return false;
      await this.#show(list, ticket);
      this.message = typeof done === 'string' ? done : done();
      this.onChange?.();
      return true;
    } catch (error) {
      this.message = `The acknowledgement could not be kept: ${storageError(error).message}`;
      return false;
    }
  }

  async #show(list: Acknowledgement[], ticket: number): Promise<void> {
    this.list = list;
    try {
      // A plain copy: the worker's structured clone refuses Svelte's proxies.
      const count = await this.#apply!(list.map((a) => ({ ...a })));
      if (ticket !== this.#ticket) return;
      this.count = count;
    } catch {
      if (ticket !== this.#ticket) return;
      this.count = 0; // the run is gone (another check): nothing is marked
    }
    this.version++;
  }
}
