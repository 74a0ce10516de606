/**
 * An earlier run's report read back from storage, for the read-only view: pages of findings by
 * school and code (the matching positions are found once per filter, a chunk at a time), and the
 * downloads built from what was kept. The record columns the report does not show (first and last
 * name apart, birth date, the email or phone of another field) were never stored, so an earlier
 * run's CSV leaves them empty.
 */
import { unpackSnapshot } from '../../core/snapshot/packed-snapshot.ts';
import { CSV_HEADER, csvFileName, csvLine } from '../../core/report/csv.ts';
import { findingCsvRows, schoolNameMap, type CsvNames } from '../../core/report/csv-rows.ts';
import { listClose, listItem, reportJsonShell } from '../../core/report/json.ts';
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

export class StoredRunSource implements ReportSource {
  readonly #filters = new Map<string, Promise<Matches>>();
  #chunk: { index: number; items: Promise<PackedFinding[]> } | null = null;

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
        for (let c = 0; c < this.head.chunkCount; c++)
          (await this.#read(c)).forEach((p, i) => result.add([c, i], p[0], p[1], p[5]));
        return result;
      })();
      found.catch(() => this.#filters.delete(key));
      this.#filters.set(key, found);
    }
    return found;
  }

  async findings(filter: FindingFilter, offset: number, limit: number): Promise<FindingPage> {
    this.#need();
    const { at, reasons } = await this.#matches(filter);
    const [start, end] = pageRange(at.length, offset, limit);
    const items: Finding[] = [];
    for (let k = start; k < end; k++) {
      const [c, i] = at[k];
      items.push(unpackFinding((await this.#read(c))[i], this.details.rules));
    }
    return { total: at.length, offset: start, items, reasons };
  }

  /** Every kept finding, in report order. */
  async *#all(): AsyncGenerator<Finding> {
    for (let c = 0; c < this.head.chunkCount; c++)
      for (const p of await this.store.chunk(this.head.id!, c)) yield unpackFinding(p, this.details.rules);
  }

  async download(request: DownloadRequest): Promise<Download> {
    this.#need();
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
    const shell = reportJsonShell(
      summaryOf(this.head, this.details),
      snapshot ? unpackSnapshot(snapshot) : undefined,
    );
    const parts: BlobPart[] = [shell.text[0]];
    let n = 0;
    for await (const f of this.#all()) parts.push(listItem('findings', f, n++));
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
    for await (const f of this.#all())
      for (const row of findingCsvRows([f], names, filter)) parts.push(csvLine(row));
    return new Blob(parts, { type: 'text/csv;charset=utf-8' });
  }
}
