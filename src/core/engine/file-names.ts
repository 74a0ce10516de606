/**
 * The name each checked file goes by in the report: its path, made unique. Two inputs may share a
 * path (a.zip and b.zip both holding students.csv, a zip and a loose file, one zip listing an entry
 * twice, two files picked from different folders): findings, the file list and the page tell files
 * apart by name, so a shared path is qualified by its zip ("b.zip/students.csv") and, when that is
 * not enough, the later ones are numbered in the order given ("students.csv (2)").
 */
import type { SourceFile } from '../input/source.ts';

export function uniqueFileNames(sources: readonly Pick<SourceFile, 'path' | 'zip'>[]): string[] {
  const shared = tally(sources.map((s) => s.path));
  const qualified = sources.map((s) =>
    (shared.get(s.path) ?? 0) > 1 && s.zip ? `${s.zip}/${s.path}` : s.path,
  );
  const taken = new Set(qualified);
  const seen = new Set<string>();
  return qualified.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let n = 2;
    while (taken.has(`${name} (${n})`)) n++;
    const numbered = `${name} (${n})`;
    taken.add(numbered);
    return numbered;
  });
}

/** For a name numbered here, the words that say what the number means; else ''. */
export function numberedNote(names: readonly string[], i: number): string {
  const match = / \((\d+)\)$/.exec(names[i]);
  const base = match ? names[i].slice(0, match.index) : '';
  if (!match || !names.slice(0, i).includes(base)) return '';
  return `it is the ${ordinal(Number(match[1]))} file given as ${base}; `;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function tally(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
}
