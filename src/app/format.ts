/** Words and numbers as the page writes them. */

// One formatter: toLocaleString makes a new one for every number (about 25 µs in Chromium), which
// a table of a thousand schools feels.
const EN_US = new Intl.NumberFormat('en-US');

/** 1204 → "1,204". */
export const count = (n: number): string => EN_US.format(n);

/** "1 record", "1,204 records". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${count(n)} ${n === 1 ? singular : plural}`;
}

/** "two-digit-year" → "Two-digit year"; "" → "". */
export function reasonLabel(reason: string): string {
  const words = reason.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
