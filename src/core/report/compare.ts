/** Plain string order by UTF-16 code units (report.md's order: "T10" < "T9"), as a sort comparator. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
