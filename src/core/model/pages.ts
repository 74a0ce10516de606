/**
 * Growing storage for millions of fixed-size records without ever copying: records live in
 * typed-array pages of 65 536 records each, allocated as they fill. A grown array (double and copy)
 * would leave up to half its size unused and, while growing, hold the old and the new copy at once;
 * pages waste at most one page and never move.
 */
export const PAGE_BITS = 16;
export const PAGE_SIZE = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE_SIZE - 1;

/** Records of `width` 32-bit integers each; record r's field f is at page[(r & PAGE_MASK) * width + f]. */
export class Int32Pages {
  readonly pages: Int32Array[] = [];

  constructor(
    readonly width: number,
    private readonly initial = 0,
  ) {}

  /** Makes sure record r exists. */
  reserve(r: number): void {
    while (r >>> PAGE_BITS >= this.pages.length) {
      const page = new Int32Array(PAGE_SIZE * this.width);
      if (this.initial !== 0) page.fill(this.initial);
      this.pages.push(page);
    }
  }

  get(r: number, field: number): number {
    return this.pages[r >>> PAGE_BITS][(r & PAGE_MASK) * this.width + field];
  }

  set(r: number, field: number, value: number): void {
    this.pages[r >>> PAGE_BITS][(r & PAGE_MASK) * this.width + field] = value;
  }
}
