/**
 * Checking an imported run before it is written: every field the History view reads, with the
 * first problem in words ("details.schools[2] repeats school ID 'x'"), so a run that would break
 * the view is skipped with a message naming it instead of being stored.
 */
import { readAcknowledgements } from '../core/report/acknowledged.ts';
import { isSnapshot, type RosterSnapshot } from '../core/snapshot/snapshot.ts';
import { isPackedFinding } from './codec.ts';
import type { DistrictRecord, PackedFinding, RunDetails, RunHead } from './schema.ts';
import {
  bool,
  countOf,
  first,
  isObject,
  list,
  mapOf,
  need,
  object,
  optional,
  orNull,
  show,
  string,
  stringOrNull,
  timeProblem,
  type Check,
} from './shape-checks.ts';

export interface ExportedRun {
  head: Omit<RunHead, 'complete' | 'startedAt' | 'writer'>;
  details: Omit<RunDetails, 'run'> | null;
  snapshot: RosterSnapshot | null;
  findings: PackedFinding[];
}

const integer: Check = (v, at) => need(Number.isSafeInteger(v), at, 'is not a number');
const counts = mapOf(countOf);
const SEVERITIES = ['formatting', 'error', 'alert', 'hold'];
const TOTALS = [
  'schools',
  'teachers',
  'students',
  'parents',
  'staff',
  'classes',
  'error',
  'alert',
  'formatting',
];
const changeCounts = { new: countOf, resolved: countOf, unchanged: countOf };

const rule: Check = (v, at) =>
  first([
    () => object({ code: string, title: string, explanation: string, fixes: mapOf(string) })(v, at),
    () =>
      need(SEVERITIES.includes((v as { severity: string }).severity), `${at}.severity`, 'is not a severity'),
    () => {
      const name = (v as { remindName?: unknown }).remindName;
      return need(name === undefined || typeof name === 'string', `${at}.remindName`, 'is not a text');
    },
  ]);

const school = object({
  id: stringOrNull,
  name: string,
  counts: object({ teachers: countOf, students: countOf, parents: countOf, classes: countOf }),
  error: counts,
  alert: counts,
});

const fileProblem = object({
  name: string,
  present: bool,
  rows: countOf,
  blocking: countOf,
  other: countOf,
  codes: counts,
});

const fileEntry = object({ name: string, bytes: countOf, rows: countOf, sha256: string });

function headProblem(v: unknown, now: number): string | null {
  const time: Check = (x, at) => timeProblem(x, at, now);
  return object({
    district: string,
    format: object({ id: string, label: string }),
    files: list(fileEntry),
    totals: object({ ...Object.fromEntries(TOTALS.map((k) => [k, countOf])), hold: countOf }),
    findingCount: countOf,
    at: time,
    blocked: bool,
    kept: (x, at) => need(x === 'findings' || x === 'counts', at, 'is not "findings" or "counts"'),
    id: optional(integer),
    sample: optional(bool),
    formatForced: optional(bool),
    chosen: optional(string),
    districtNamed: optional(bool),
    changes: orNull(object({ ...changeCounts, since: integer, sinceAt: time })),
  })(v, 'head');
}

/** Each school once (the Schools table keys its rows by ID), and a rule for every code counted. */
function detailsProblem(v: unknown): string | null {
  return first([
    () =>
      object({
        schools: list(school),
        formatting: counts,
        hold: counts,
        rules: mapOf(rule),
        fileProblems: list(fileProblem),
        blocking: counts,
        schoolChanges: orNull(mapOf(object(changeCounts))),
      })(v, 'details'),
    () => {
      const d = v as Omit<RunDetails, 'run'>;
      const seen = new Set<string | null>();
      for (const [i, s] of d.schools.entries()) {
        if (seen.has(s.id))
          return `details.schools[${i}] repeats ${s.id === null ? 'the "(no school)" entry' : `school ID ${JSON.stringify(s.id)}`}`;
        seen.add(s.id);
      }
      for (const [code, r] of Object.entries(d.rules))
        if (r.code !== code)
          return `details.rules[${JSON.stringify(code)}] describes ${JSON.stringify(r.code)}`;
      const counted = [d.formatting, d.hold, d.blocking, ...d.schools.flatMap((s) => [s.error, s.alert])];
      for (const map of [...counted, ...d.fileProblems.map((f) => f.codes)])
        for (const code of Object.keys(map))
          if (!(code in d.rules)) return `details counts ${JSON.stringify(code)} but has no rule for it`;
      return null;
    },
  ]);
}

/** The first problem of an exported run, or null when it can be stored and shown as it is. */
export function runProblem(v: unknown, now = Date.now()): string | null {
  if (!isObject(v)) return `it is ${show(v)}, not a run`;
  return first([
    () => headProblem(v.head, now),
    () => detailsProblem(v.details),
    () => (v.snapshot === null || isSnapshot(v.snapshot) ? null : 'its snapshot is not a list of ID hashes'),
    () => {
      if (!Array.isArray(v.findings)) return `findings is ${show(v.findings)}, not a list`;
      const bad = v.findings.findIndex((f) => !isPackedFinding(f));
      if (bad >= 0) return `findings[${bad}] is not a finding`;
      const head = v.head as ExportedRun['head'];
      return head.kept === 'counts' || v.findings.length === head.findingCount
        ? null
        : `it holds ${v.findings.length} findings where its head says ${head.findingCount}`;
    },
  ]);
}

/** How the import names a run in its messages. */
export function runLabel(v: unknown, position: number): string {
  const head = isObject(v) && isObject(v.head) ? v.head : {};
  const format =
    isObject(head.format) && typeof head.format.label === 'string' ? `, ${head.format.label}` : '';
  return typeof head.at === 'string'
    ? `run ${position} (${head.at.slice(0, 40)}${format.slice(0, 60)})`
    : `run ${position}`;
}

export function isDistrict(v: unknown, now = Date.now()): v is DistrictRecord {
  return (
    object({ id: string, label: string, schools: list(string) })(v, 'district') === null &&
    optional(bool)((v as DistrictRecord).named, 'named') === null &&
    timeProblem((v as DistrictRecord).lastRunAt, 'lastRunAt', now) === null
  );
}

/** The first problem of the export's `acknowledgements` (one record per district), or null. */
export function acknowledgementsProblem(v: unknown): string | null {
  if (!Array.isArray(v)) return `they are ${show(v)}, not a list`;
  const seen = new Set<string>();
  for (const [i, record] of v.entries()) {
    const at = `acknowledgements[${i}]`;
    if (!isObject(record)) return `${at} is ${show(record)}, not a record`;
    const problem = string(record.district, `${at}.district`);
    if (problem) return problem;
    if (seen.has(record.district as string)) return `${at} repeats district ${show(record.district)}`;
    seen.add(record.district as string);
    // The same check as the command line's --acknowledged file.
    const items = readAcknowledgements({ acknowledged: record.items });
    if (typeof items === 'string')
      return items.startsWith('expected')
        ? `${at}.items is ${show(record.items)}, not a list`
        : `${at}.items${items.slice('acknowledged'.length)}`;
  }
  return null;
}
