/**
 * Causes: the findings grouped by their root's (code, reason). A cause's `findings` are its roots,
 * its `knockOn` every other finding whose chain of parents (links.ts) ends in one of them, and
 * `clears` the two together: what fixing that cause in the SIS would take off the report. Every
 * finding counts in exactly one cause, so the `clears` of all causes add up to the findings.
 */
import { SEVERITY_ORDER, type RawFinding, type Severity } from '../../model/finding.ts';
import type { Roster } from '../../model/roster.ts';
import { fixFor, type FormattingRule } from '../../rules/rule.ts';
import { ruleFor } from '../../rules/registry.ts';
import { cmp } from '../compare.ts';

export interface Cause {
  code: string;
  reason: string | null;
  title: string;
  fix: string;
  /** Findings that are this problem themselves (the records to change). */
  findings: number;
  /** Findings that exist only because of them. */
  knockOn: number;
  clears: number;
  /** Schools the findings and knock-on count in (IDs; null for "(no school)"), sorted. */
  schools: (string | null)[];
  severity: Severity;
  /** A formatting problem that makes Remind refuse the files. */
  blocking: boolean;
}

/** The first finding of each chain of parents (a chain is at most a few links long). */
function rootsOf(parent: Int32Array): Int32Array {
  const root = new Int32Array(parent.length);
  for (let i = 0; i < parent.length; i++) {
    let r = i;
    for (let hops = 0; parent[r] >= 0 && hops < 16; hops++) r = parent[r];
    root[i] = r;
  }
  return root;
}

export interface Grouped {
  causes: Cause[];
  /** Index into `causes` of each finding's cause. */
  causeOf: Uint16Array;
}

export function groupCauses(roster: Roster, findings: readonly RawFinding[], parent: Int32Array): Grouped {
  const root = rootsOf(parent);
  // code → reason ('' for none) → cause: no key string made per finding.
  const byKey = new Map<string, Map<string, number>>();
  const causes: Cause[] = [];
  const marks: Uint8Array[] = [];
  const unsorted = new Uint16Array(findings.length);
  const none = roster.schools.length;
  for (let i = 0; i < findings.length; i++) {
    const r = findings[root[i]];
    let reasons = byKey.get(r.code);
    if (!reasons) byKey.set(r.code, (reasons = new Map()));
    let c = reasons.get(r.reason ?? '');
    if (c === undefined) {
      const rule = ruleFor(r.code);
      c = causes.length;
      reasons.set(r.reason ?? '', c);
      causes.push({
        code: r.code,
        reason: r.reason,
        title: rule.title,
        fix: fixFor(rule, r.reason),
        findings: 0,
        knockOn: 0,
        clears: 0,
        schools: [],
        severity: rule.severity,
        blocking: rule.severity === 'formatting' && (rule as FormattingRule).blocks(r.reason),
      });
      marks.push(new Uint8Array(none + 1));
    }
    unsorted[i] = c;
    if (root[i] === i) causes[c].findings++;
    else causes[c].knockOn++;
    markSchools(roster, findings[i], marks[c]);
  }
  causes.forEach((cause, c) => {
    cause.clears = cause.findings + cause.knockOn;
    const ids: string[] = [];
    for (let s = 0; s < none; s++) if (marks[c][s]) ids.push(roster.schools[s].id);
    ids.sort(cmp);
    cause.schools = marks[c][none] ? [...ids, null] : ids;
  });
  const order = causes.map((_, c) => c).sort((a, b) => compareCauses(causes[a], causes[b]));
  const rank = new Uint16Array(causes.length);
  order.forEach((c, k) => (rank[c] = k));
  const causeOf = unsorted.map((c) => rank[c]);
  return { causes: order.map((c) => causes[c]), causeOf };
}

/** Blocking formatting first, then what fixing clears (most first), then report order. */
export function compareCauses(a: Cause, b: Cause): number {
  return (
    Number(b.blocking) - Number(a.blocking) ||
    b.clears - a.clears ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.code, b.code) ||
    cmp(a.reason ?? '', b.reason ?? '')
  );
}

/** The schools a data finding counts in (rules.md §8); formatting findings and holds have none. */
function markSchools(roster: Roster, f: RawFinding, marks: Uint8Array): void {
  const severity = ruleFor(f.code).severity;
  if (severity === 'formatting' || severity === 'hold') return;
  const none = marks.length - 1;
  if (f.subject === 'person') {
    const people = roster.people;
    const count = people.schoolCount(f.index);
    if (count === 0) marks[none] = 1;
    for (let k = 0; k < count; k++) marks[people.school(f.index, k)] = 1;
  } else if (f.subject === 'class') {
    const s = roster.classes[f.index].school;
    marks[s >= 0 ? s : none] = 1;
  } else marks[none] = 1;
}
