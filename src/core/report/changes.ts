/**
 * What changed since an earlier run: findings new, resolved and unchanged, matched by code, record
 * ID and reason (a row's file and row number stand in for the ID of findings about a row without
 * one; for a district finding, which has neither, its field does: hold-removals' entity kind). Counted as multisets: a person who lost two devices has two device-in-use findings.
 * A file is known by its name within the export ("users.csv"), never by the folder or zip above
 * it: the same files picked loose, as a folder or in a zip are the same findings.
 */
export interface ComparableFinding {
  code: string;
  id: string | null;
  reason: string | null;
  file: string | null;
  row: number | null;
  /** Told apart only for district findings (no ID, no file): hold-removals keeps its kind here. */
  field?: string | null;
  schools: (string | null)[];
}

export interface Changes {
  new: number;
  resolved: number;
  unchanged: number;
}

/** "export/users.csv", "district.zip/export/users.csv", "C:\\export\\users.csv" → "users.csv". */
export function nameInExport(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

export function findingKey(f: ComparableFinding): string {
  const record = f.id ?? (f.file === null ? `#${f.field ?? ''}` : `${nameInExport(f.file)}#${f.row ?? ''}`);
  return `${f.code}\u0000${record}\u0000${f.reason ?? ''}`;
}

function counts(findings: Iterable<ComparableFinding>, school?: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) {
    if (school !== undefined && !f.schools.includes(school)) continue;
    const key = findingKey(f);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Changes for the whole district, or for one school (null: the "(no school)" bucket). */
export function compareFindings(
  previous: Iterable<ComparableFinding>,
  current: Iterable<ComparableFinding>,
  school?: string | null,
): Changes {
  const before = counts(previous, school);
  const now = counts(current, school);
  const result: Changes = { new: 0, resolved: 0, unchanged: 0 };
  for (const [key, n] of now) {
    const m = before.get(key) ?? 0;
    result.unchanged += Math.min(n, m);
    result.new += Math.max(0, n - m);
  }
  for (const [key, m] of before) result.resolved += Math.max(0, m - (now.get(key) ?? 0));
  return result;
}

export function describeChanges(c: Changes, since: string): string {
  return `${c.resolved} resolved, ${c.new} new, ${c.unchanged} unchanged since ${since}`;
}

/** The findings themselves: new ones in this run's order, resolved ones in the earlier run's. */
export interface ChangeLists<F extends ComparableFinding> {
  new: F[];
  resolved: F[];
  unchanged: number;
}

export function listChanges<F extends ComparableFinding>(
  previous: readonly F[],
  current: Iterable<F>,
): ChangeLists<F> {
  const waiting = new Map<string, number[]>();
  previous.forEach((f, i) => {
    const key = findingKey(f);
    const list = waiting.get(key);
    if (list) list.push(i);
    else waiting.set(key, [i]);
  });
  const matched = new Uint8Array(previous.length);
  const out: ChangeLists<F> = { new: [], resolved: [], unchanged: 0 };
  for (const f of current) {
    const i = waiting.get(findingKey(f))?.shift();
    if (i === undefined) out.new.push(f);
    else {
      matched[i] = 1;
      out.unchanged++;
    }
  }
  out.resolved = previous.filter((_, i) => matched[i] === 0);
  return out;
}
