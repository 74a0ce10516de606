/**
 * An earlier run's report read back from storage, for the read-only view: pages of findings by
 * school and code (the matching positions are found once per filter, a chunk at a time), and the
 * downloads built from what was kept. The record columns the report does not show (first and last
 * name apart, birth date, the email or phone of another field) were never stored, so an earlier
 * run's CSV leaves them empty. The district's acknowledgements of today mark its findings as they
 * mark a fresh run's (acknowledge(): core/report/acknowledged.ts matches).
 */
import { acknowledgedBy, type Acknowledgement } from '../../core/report/acknowledged.ts';
import { unpackSnapshot } from '../../core/snapshot/packed-snapshot.ts';
import { CSV_HEADER, csvFileName, csvLine } from '../../core/report/csv.ts';
import { findingCsvRows, schoolNameMap, type CsvNames } from '../../core/report/csv-rows.ts';
import { listClose, listItem, reportJsonShell, type AcknowledgedMarks } from '../../core/report/json.ts';
import { unpackFinding } from '../../storage/codec.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import { summaryOf } from '../../storage/records.ts';
import type { PackedFinding, RunDetails, RunHead } from '../../storage/schema.ts';
import type { Download, DownloadRequest } from '../../worker/api.ts';
import { filterKey, type Finding, type FindingFilter, type FindingPage } from '../../shared/report-types.ts';
import type { Report, ReportSource } from '../state/run-state.svelte.ts';
import { FilterMatches, pageRange } from '../../shared/finding-filter.ts';

/** [chunk, index in chunk] of each matching finding, in report order, and their reasons. */
type Matches = FilterMatches<[number, number]>;

/** The acknowledged findings: which (for the downloads), how many, and a flag per kept finding by chunk. */
interface StoredMarks extends AcknowledgedMarks {
  flags: Uint8Array[];
}

export class StoredRunSource implements ReportSource {
  readonly #filters = new Map<string, Promise<Matches>>();
  #chunk: { index: number; items: Promise<PackedFinding[]> } | null = null;
  #marks: StoredMarks | null = null;
  #marking = 0;
  /** The marking asked last: pages and downloads asked after it wait for it (as the worker's do). */
  #marked: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: HistoryStore,
    readonly head: RunHead,
    readonly details: RunDetails,
  ) {}

  /** The report the page components show. */
  get report(): Report {
    const { details, head } = this;
    return {
      ok: true,
      summary: summaryOf(head, details),
      rules: details.rules,
      fileProblems: details.fileProblems,
      blocking: details.blocking,
      formats: [head.format],
    };
  }

  #need(): void {
    if (this.head.kept !== 'findings') throw new Error('this run kept its counts only, not its records');
  }

  #read(index: number): Promise<PackedFinding[]> {
    if (this.#chunk?.index !== index) this.#chunk = { index, items: this.store.chunk(this.head.id!, index) };
    return this.#chunk.items;
  }

  #matches(filter: FindingFilter): Promise<Matches> {
    const key = filterKey(filter);
    let found = this.#filters.get(key);
    if (!found) {
      found = (async () => {
        const result = new FilterMatches<[number, number]>(filter);
        const flags = this.#marks?.flags;
        const wanted = filter.acknowledged;
        for (let c = 0; c < this.head.chunkCount; c++)
          (await this.#read(c)).forEach((p, i) => {
            if (wanted === undefined || (flags?.[c][i] === 1) === wanted)
              result.add([c, i], p[0], p[1], p[5]);
          });
        return result;
      })();
      found.catch(() => this.#filters.delete(key));
      this.#filters.set(key, found);
    }
    return found;
  }

  async findings(filter: FindingFilter, offset: number, limit: number): Promise<FindingPage> {
    this.#need();
    await this.#marked;
    const { at, reasons } = await this.#matches(filter);
    const [start, end] = pageRange(at.length, offset, limit);
    const items: Finding[] = [];
    for (let k = start; k < end; k++) {
      const [c, i] = at[k];
      const f = unpackFinding((await this.#read(c))[i], this.details.rules);
      items.push(this.#marks?.flags[c][i] ? { ...f, acknowledged: true as const } : f);
    }
    return { total: at.length, offset: start, items, reasons };
  }

  /**
   * Marks the findings these acknowledgements match (an empty list: none); answers how many. Only
   * findings of an acknowledged code and record ID are unpacked to be matched.
   */
  acknowledge(list: readonly Acknowledgement[]): Promise<number> {
    const done = this.#mark(list);
    this.#marked = done.catch(() => {});
    return done;
  }

  async #mark(list: readonly Acknowledgement[]): Promise<number> {
    const ticket = ++this.#marking;
    let marks: StoredMarks | null = null;
    if (list.length > 0 && this.head.kept === 'findings') {
      const is = acknowledgedBy(list);
      const keys = new Set(list.map((a) => `${a.code}\u0000${a.id}`));
      const flags: Uint8Array[] = [];
      let count = 0;
      for (let c = 0; c < this.head.chunkCount; c++) {
        const chunk = await this.#read(c);
        const flag = new Uint8Array(chunk.length);
        chunk.forEach((p, i) => {
          if (p[3] === null || !keys.has(`${p[0]}\u0000${p[3]}`)) return;
          if (!is(unpackFinding(p, this.details.rules))) return;
          flag[i] = 1;
          count++;
        });
        flags.push(flag);
      }
      marks = { is, count, flags };
    }
    // A later call (the list changed meanwhile) wins.
    if (ticket === this.#marking) {
      this.#marks = marks;
      // The lists of acknowledged findings, or of the others, are found again; the rest stand.
      for (const key of [...this.#filters.keys()]) if (!key.endsWith('\u0000*')) this.#filters.delete(key);
    }
    return marks?.count ?? 0;
  }

  /** Every kept finding, in report order. */
  async *#all(): AsyncGenerator<Finding> {
    for (let c = 0; c < this.head.chunkCount; c++)
      for (const p of await this.store.chunk(this.head.id!, c)) yield unpackFinding(p, this.details.rules);
  }

  async download(request: DownloadRequest): Promise<Download> {
    this.#need();
    await this.#marked;
    const day = this.head.at.slice(0, 10);
    if (request.kind === 'json') return { name: `roster-report-${day}.json`, blob: await this.#json() };
    // The page offers no zip for an earlier run (ReportOverview, readOnly).
    if (request.kind === 'zip') throw new Error('an earlier run offers its CSV files one by one');
    return {
      name: `${day}-${csvFileName({ school: request.school, code: request.code })}`,
      blob: await this.#csv(request),
    };
  }

  async #json(): Promise<Blob> {
    const snapshot = await this.store.snapshot(this.head.id!);
    const marks = this.#marks ?? undefined;
    const shell = reportJsonShell(
      summaryOf(this.head, this.details),
      snapshot ? unpackSnapshot(snapshot) : undefined,
      undefined,
      marks,
    );
    const parts: BlobPart[] = [shell.text[0]];
    let n = 0;
    for await (const f of this.#all())
      parts.push(listItem('findings', marks?.is(f) ? { ...f, acknowledged: true } : f, n++));
    parts.push(listClose('findings', n), shell.text[1]);
    return new Blob(parts, { type: 'application/json' });
  }

  async #csv(filter: FindingFilter): Promise<Blob> {
    const names: CsvNames = {
      schools: schoolNameMap(this.details.schools),
      // Runs kept before Remind's names were added have none in their rules.
      remindName: (code) => this.details.rules[code]?.remindName ?? null,
    };
    const parts: BlobPart[] = [CSV_HEADER];
    const is = this.#marks?.is;
    for await (const f of this.#all())
      for (const row of findingCsvRows([f], names, filter, is)) parts.push(csvLine(row));
    return new Blob(parts, { type: 'text/csv;charset=utf-8' });
  }
}
