/** Counts, school buckets, stable order (report.md): the finished run as a ValidationResult. */
import type { RawFinding } from '../model/finding.ts';
import { ROLE_RANK, type Roster } from '../model/roster.ts';
import type { FormatAdapter } from '../formats/types.ts';
import type { RosterSnapshot } from '../snapshot/snapshot.ts';
import type { FormattingRule } from '../rules/rule.ts';
import { ruleFor } from '../rules/registry.ts';
import { findingSchools, materialize } from './materialize.ts';
import { sortFindings } from './sort-findings.ts';
import { NO_TICK, TICK_EVERY, type Tick } from '../model/ticks.ts';
import {
  REPORT_VERSION,
  type FileEntry,
  type Finding,
  type ReportSummary,
  type SchoolEntry,
} from './types.ts';
import { cmp } from './compare.ts';
import { analyseCauses, because } from './causes.ts';

export const NO_SCHOOL_NAME = '(no school)';
const ROLE_KEY = { teacher: 'teachers', student: 'students', parent: 'parents' } as const;
const STAFF = ROLE_RANK.staff;

/** The findings in report order, materialised one at a time (a district may have a million). */
export class FindingList {
  constructor(
    private readonly roster: Roster,
    readonly raw: readonly RawFinding[],
    /** Per finding: the finding it is a knock-on of, or -1 (causes.ts). */
    readonly parent: Int32Array = new Int32Array(raw.length).fill(-1),
    /** Per finding: its cause's index in the summary's `causes`. */
    readonly causeOf: Uint16Array = new Uint16Array(raw.length),
  ) {}
  get length(): number {
    return this.raw.length;
  }
  get(i: number): Finding {
    const finding = materialize(this.roster, this.raw[i]);
    const p = this.parent[i];
    const words = p >= 0 ? because(this.roster, this.raw[p]) : null;
    if (words) finding.message = `${finding.message.replace(/\.$/, '')}, ${words}.`;
    return finding;
  }
  schoolsOf(i: number): (string | null)[] {
    return findingSchools(this.roster, this.raw[i]);
  }
  *[Symbol.iterator](): IterableIterator<Finding> {
    for (let i = 0; i < this.raw.length; i++) yield this.get(i);
  }
}

export interface ValidationResult {
  summary: ReportSummary;
  findings: FindingList;
  roster: Roster;
  /** This run's record IDs as salted hashes (the report JSON's `roster` field). */
  snapshot: RosterSnapshot;
}

export interface RunFacts {
  adapter: FormatAdapter;
  files: FileEntry[];
  generatedAt: Date;
  snapshot: RosterSnapshot;
}

export function buildResult(
  roster: Roster,
  collected: RawFinding[],
  facts: RunFacts,
  tick: Tick = NO_TICK,
): ValidationResult {
  // Sorting is about half of it, counting the other half.
  const people = roster.people;
  const sortShare = (done: number, total: number) => tick(Math.min(done, total), 2 * total);
  const raw = sortFindings(roster, collected, sortShare);
  const { causes, parent, causeOf } = analyseCauses(roster, raw, facts.adapter.files);
  const entry = (id: string | null, name: string): SchoolEntry => ({
    id,
    name,
    counts: { teachers: 0, students: 0, parents: 0, classes: 0 },
    error: {},
    alert: {},
  });
  const bySchool = roster.schools.map((s) => entry(s.id, s.name));
  const noSchool = entry(null, NO_SCHOOL_NAME);
  let noSchoolUsed = false;
  const bucket = (i: number | null) => (i === null ? ((noSchoolUsed = true), noSchool) : bySchool[i]);

  const totals = {
    schools: roster.schools.length,
    teachers: 0,
    students: 0,
    parents: 0,
    staff: 0,
    classes: roster.classes.length,
  };
  // Counted by role rank (model/people.ts) in one typed array, school s at 4s and no school last:
  // no string keys per person.
  const none = roster.schools.length;
  const perSchool = new Int32Array(4 * (none + 1));
  const perRank = [0, 0, 0, 0];
  for (let i = 0; i < people.count; i++) {
    if ((i & TICK_EVERY) === 0) tick(people.count + i, 2 * people.count);
    const rank = people.rank(i);
    perRank[rank]++;
    if (rank === STAFF) continue;
    const schools = people.schoolCount(i);
    if (schools === 0) perSchool[4 * none + rank]++;
    for (let k = 0; k < schools; k++) perSchool[4 * people.school(i, k) + rank]++;
  }
  for (const role of ['teacher', 'student', 'parent'] as const) {
    const key = ROLE_KEY[role];
    const rank = ROLE_RANK[role];
    totals[key] = perRank[rank];
    bySchool.forEach((entry, s) => (entry.counts[key] = perSchool[4 * s + rank]));
    if (perSchool[4 * none + rank] > 0) bucket(null).counts[key] = perSchool[4 * none + rank];
  }
  totals.staff = perRank[STAFF];
  for (const c of roster.classes) bucket(c.school >= 0 ? c.school : null).counts.classes++;

  const severityTotals = { error: 0, alert: 0, formatting: 0, hold: 0 };
  const formatting: Record<string, number> = {};
  const hold: Record<string, number> = {};
  let blocked = false;
  const schoolIndex = new Map(roster.schools.map((s, i) => [s.id, i]));
  for (const f of raw) {
    const rule = ruleFor(f.code);
    severityTotals[rule.severity]++;
    if (rule.severity === 'formatting') {
      formatting[f.code] = (formatting[f.code] ?? 0) + 1;
      if ((rule as FormattingRule).blocks(f.reason)) blocked = true;
    } else if (rule.severity === 'hold') {
      hold[f.code] = (hold[f.code] ?? 0) + 1;
    } else {
      for (const id of findingSchools(roster, f)) {
        const counts = bucket(id === null ? null : schoolIndex.get(id)!)[rule.severity];
        counts[f.code] = (counts[f.code] ?? 0) + 1;
      }
    }
  }

  const schools = [...bySchool].sort((a, b) => cmp(a.name, b.name) || cmp(a.id ?? '', b.id ?? ''));
  if (noSchoolUsed) schools.push(noSchool);
  const summary: ReportSummary = {
    reportVersion: REPORT_VERSION,
    generatedAt: facts.generatedAt.toISOString(),
    format: { id: facts.adapter.id, label: facts.adapter.label, reconstructed: facts.adapter.reconstructed },
    files: facts.files,
    blocked,
    totals: { ...totals, ...severityTotals },
    schools,
    formatting,
    hold,
    causes,
  };
  return {
    summary,
    findings: new FindingList(roster, raw, parent, causeOf),
    roster,
    snapshot: facts.snapshot,
  };
}
