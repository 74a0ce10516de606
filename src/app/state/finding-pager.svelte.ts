/** One paged list of findings (a school's type, a formatting code, a hold): 50 at a time, from the worker. */
import type { FindingFilter, FindingPage } from '../../shared/report-types.ts';
import type { ReportSource } from './run-state.svelte.ts';

export const PAGE_SIZE = 50;

export class FindingPager {
  page = $state.raw<FindingPage | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  #request = 0;

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

  async load(offset = 0): Promise<void> {
    const id = ++this.#request;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.source.findings(this.filter, offset, this.size);
      if (id === this.#request) this.page = page;
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
