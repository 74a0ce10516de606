/**
 * The Schools table in pages: a district of 100 000 schools would take the page many seconds to
 * draw (and again on every keystroke of the filter). Up to PAGE_ROWS schools show at once; beyond
 * that the table shows one page at a time and tells assistive technology the whole count
 * (aria-rowcount, and each row's aria-rowindex), so it is still one row per school.
 */
// 250, not 500: at 500 the browser's own layout of the table after a keystroke took 200 ms on a
// loaded two-core machine (docs/dev/performance.md, "Many schools").
export const PAGE_ROWS = 250;

export interface SchoolPage<T> {
  rows: T[];
  /** Index of the first row in the whole (filtered, sorted) list. */
  offset: number;
  page: number;
  pages: number;
}

export function pageOf<T>(all: readonly T[], page: number, size = PAGE_ROWS): SchoolPage<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  const offset = current * size;
  return { rows: all.slice(offset, offset + size), offset, page: current, pages };
}
