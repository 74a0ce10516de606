/** One paged list of findings (a school's type, a formatting code, a hold): 50 at a time, from the worker. */
import type { FindingFilter, FindingPage } from '../../shared/report-types.ts';
import type { ReportSource } from './run-state.svelte.ts';

export const PAGE_SIZE = 50;

export class FindingPager {
  page = $state.raw<FindingPage | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Where the list opens (the page a list it replaces was on). */
  start = 0;
  /** The page shown is the replaced list's, until this list's own first page comes. */
  stale = false;
  #request = 0;
  #pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly source: Pick<ReportSource, 'findings'>,
    readonly filter: FindingFilter,
    readonly size = PAGE_SIZE,
  ) {}

  get total(): number {
    return this.page?.total ?? 0;
  }
  /** 1-based number of the first record shown (0 when none). */
  get from(): number {
    return this.page && this.page.items.length ? this.page.offset + 1 : 0;
  }
  get to(): number {
    return this.page ? this.page.offset + this.page.items.length : 0;
  }
  get hasPrevious(): boolean {
    return !!this.page && this.page.offset > 0;
  }
  get hasNext(): boolean {
    return !!this.page && this.to < this.page.total;
  }

  /**
   * Takes the place of a list of the same records (its filter changed): opens where that one was, and
   * shows its page meanwhile, so the table does not vanish while this list's first page loads.
   */
  replace(previous: FindingPager): void {
    this.start = previous.page?.offset ?? 0;
    this.page = previous.page;
    this.stale = previous.page !== null;
  }

  /** Whether the list has its own page yet (not the page of a list it replaced). */
  get ready(): boolean {
    return this.page !== null && !this.stale;
  }

  load(offset = 0): Promise<void> {
    return (this.#pending = this.#load(offset));
  }

  /**
   * The same page again (the findings changed, e.g. one was acknowledged): the list stays where it
   * is, or goes to the last page when its page is gone.
   */
  async reload(): Promise<void> {
    await this.load(this.page?.offset ?? 0);
    const page = this.page;
    if (page && page.offset > 0 && page.offset >= page.total)
      await this.load(Math.max(0, Math.ceil(page.total / this.size) - 1) * this.size);
  }

  /** Resolves once the last load asked for (and any asked for meanwhile) is done. */
  async settled(): Promise<void> {
    let pending;
    do await (pending = this.#pending);
    while (pending !== this.#pending);
  }

  async #load(offset: number): Promise<void> {
    const id = ++this.#request;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.source.findings(this.filter, offset, this.size);
      if (id === this.#request) {
        this.page = page;
        this.stale = false;
      }
    } catch (error) {
      if (id === this.#request)
        this.error = `The records could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
    } finally {
      if (id === this.#request) this.loading = false;
    }
  }

  next(): Promise<void> {
    return this.load((this.page?.offset ?? 0) + this.size);
  }
  previous(): Promise<void> {
    return this.load(Math.max(0, (this.page?.offset ?? 0) - this.size));
  }
}
