/**
 * Which column of a header was probably meant for a required column it lacks: `dataLastModified`
 * for `dateLastModified`, `prefferedGivenName` for `preferredGivenName`, `DOB` for `dob`. A header
 * name is suggested only when it is no column of the file itself, differs in letter case or by a
 * typing slip or two (more slips allowed in longer names), and is the one closest candidate.
 */

/** Edits between two texts: insertions, deletions, substitutions and swaps of neighbours. */
export function typingDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** Slips allowed for a column name of this length: none for short names (only letter case). */
const allowed = (length: number) => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/**
 * Pairs [written, meant]: a header name and the missing column it probably stands for.
 * `known` are all the file's own columns (a header name that is one of them is never suggested).
 */
export function nearMisses(
  missing: readonly string[],
  header: readonly string[],
  known: readonly string[],
): Array<[string, string]> {
  const own = new Set(known);
  const candidates = [...new Set(header)].filter((h) => h !== '' && !own.has(h));
  const out: Array<[string, string]> = [];
  const used = new Set<string>();
  for (const column of missing) {
    let best: string | null = null;
    let bestDistance = Infinity;
    let tie = false;
    for (const h of candidates) {
      if (used.has(h)) continue;
      const d = typingDistance(h.toLowerCase(), column.toLowerCase());
      if (d > allowed(column.length) || d > bestDistance) continue;
      tie = d === bestDistance;
      if (d < bestDistance) [best, bestDistance] = [h, d];
    }
    if (best !== null && !tie) {
      out.push([best, column]);
      used.add(best);
    }
  }
  return out;
}
