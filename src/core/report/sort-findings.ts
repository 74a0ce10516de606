/**
 * Report order (report.md): severity, code, school, record ID, then file, row, field, value, reason;
 * ties keep the order the findings were made in.
 *
 * Severity, code and school take few values, so they make one small group number per finding and a
 * counting sort (stable) puts the groups in order; only inside a group are findings compared, by
 * the rest of the key. Fewer and cheaper comparisons than one comparison sort of everything.
 */
import { SEVERITY_ORDER, type RawFinding } from '../model/finding.ts';
import type { Roster } from '../model/roster.ts';
import { ruleFor } from '../rules/registry.ts';
import type { Tick } from '../model/ticks.ts';
import { TICK_EVERY } from '../model/ticks.ts';
import { cmp } from './compare.ts';

/** The ID a finding sorts under. */
function recordId(roster: Roster, f: RawFinding): string {
  if (f.subject === 'person') return roster.people.id(f.index);
  if (f.subject === 'class') return roster.classes[f.index].id;
  return f.id ?? '';
}

/** The school a finding sorts under: its smallest school ID; '' for none (formatting, holds), last for "(no school)". */
function schoolKey(roster: Roster, f: RawFinding, byIdentity: boolean): string {
  if (byIdentity) return '';
  let key: string | null = null;
  if (f.subject === 'person') {
    const people = roster.people;
    for (let k = 0; k < people.schoolCount(f.index); k++) {
      const id = roster.schools[people.school(f.index, k)].id;
      if (key === null || id < key) key = id;
    }
  } else if (f.subject === 'class' && roster.classes[f.index].school >= 0) {
    key = roster.schools[roster.classes[f.index].school].id;
  }
  return key ?? '\uffff';
}

/** Rank of each distinct value in `order`'s sort, by value. */
function ranks(values: Iterable<string>, order: (a: string, b: string) => number): Map<string, number> {
  return new Map([...new Set(values)].sort(order).map((v, r) => [v, r]));
}

export function sortFindings(roster: Roster, raw: readonly RawFinding[], tick: Tick): RawFinding[] {
  const n = raw.length;
  const school: string[] = new Array<string>(n);
  const id: string[] = new Array<string>(n);
  // Making the keys, then about n log2 n comparisons at most: together they say how far it is.
  const work = n + n * Math.log2(n + 1) + 1;
  const severityOf = (code: string) => ruleFor(code).severity;
  const codeRank = ranks(
    raw.map((f) => f.code),
    (a, b) => SEVERITY_ORDER[severityOf(a)] - SEVERITY_ORDER[severityOf(b)] || cmp(a, b),
  );
  // Formatting findings and holds sort under no school.
  const noSchool = new Set(
    [...codeRank.keys()].filter((c) => severityOf(c) === 'formatting' || severityOf(c) === 'hold'),
  );
  let lastCode = '';
  let lastNoSchool = false;
  for (let i = 0; i < n; i++) {
    if ((i & TICK_EVERY) === 0) tick(i, work);
    const f = raw[i];
    if (f.code !== lastCode) [lastCode, lastNoSchool] = [f.code, noSchool.has(f.code)];
    school[i] = schoolKey(roster, f, lastNoSchool);
    id[i] = recordId(roster, f);
  }
  const schoolRank = ranks(school, cmp);
  const schools = schoolRank.size;
  const group = new Int32Array(n);
  const starts = new Int32Array(codeRank.size * schools + 1);
  for (let i = 0; i < n; i++) {
    group[i] = codeRank.get(raw[i].code)! * schools + schoolRank.get(school[i])!;
    starts[group[i] + 1]++;
  }
  for (let g = 1; g < starts.length; g++) starts[g] += starts[g - 1];
  const order: number[] = new Array<number>(n);
  const next = starts.slice();
  for (let i = 0; i < n; i++) order[next[group[i]]++] = i;

  let compared = n;
  const byRest = (i: number, j: number) => {
    if ((++compared & 65535) === 0) tick(Math.min(compared, work), work);
    const a = raw[i];
    const b = raw[j];
    return (
      cmp(id[i], id[j]) ||
      a.file - b.file ||
      (a.row ?? 0) - (b.row ?? 0) ||
      cmp(a.field ?? '', b.field ?? '') ||
      cmp(a.value ?? '', b.value ?? '') ||
      cmp(a.reason ?? '', b.reason ?? '')
    );
  };
  const sorted: RawFinding[] = new Array<RawFinding>(n);
  for (let g = 0; g + 1 < starts.length; g++) {
    const from = starts[g];
    const to = starts[g + 1];
    if (to - from > 1) {
      // Array.prototype.sort is stable: equal findings keep their making order.
      const part = order.slice(from, to).sort(byRest);
      for (let k = 0; k < part.length; k++) sorted[from + k] = raw[part[k]];
    } else if (to > from) sorted[from] = raw[order[from]];
  }
  return sorted;
}
