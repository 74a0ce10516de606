/**
 * Checking an imported run before it is written: every field the History view reads, with the
 * first problem in words ("details.schools[2] repeats school ID 'x'"), so a run that would break
 * the view is skipped with a message naming it instead of being stored.
 */
import { readAcknowledgements } from '../core/report/acknowledged.ts';
import { isSnapshot, type RosterSnapshot } from '../core/snapshot/snapshot.ts';
import { isPackedFinding } from './codec.ts';
import type { DistrictRecord, PackedFinding, RunDetails, RunHead } from './schema.ts';

export interface ExportedRun {
  head: Omit<RunHead, 'complete' | 'startedAt' | 'writer'>;
  details: Omit<RunDetails, 'run'> | null;
  snapshot: RosterSnapshot | null;
  findings: PackedFinding[];
}

/**
 * A run may be dated this far after the importing computer's clock (the exporting computer's clock
 * may run a little ahead); later ones are refused, as they would stay "the last run" of their
 * district for every later check (docs/decisions.md).
 */
export const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

type Check = (v: unknown, at: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
const show = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v)?.slice(0, 40));
/** The form the page writes (toISOString): string order is time order, which the history relies on. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const first = (checks: (() => string | null)[]) => {
  for (const c of checks) {
    const problem = c();
    if (problem) return problem;
  }
  return null;
};
const need = (ok: boolean, at: string, what: string) => (ok ? null : `${at} ${what}`);
const string: Check = (v, at) => need(typeof v === 'string', at, `is ${show(v)}, not text`);
const stringOrNull: Check = (v, at) => (v === null ? null : string(v, at));
const countOf: Check = (v, at) => need(count(v), at, `is ${show(v)}, not a count`);

function list(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return `${at} is ${show(v)}, not a list`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

function object(fields: Record<string, Check>): Check {
  return (v, at) =>
    isObject(v)
      ? first(
          Object.entries(fields).map(
            ([k, check]) =>
              () =>
                check(v[k], `${at}.${k}`),
          ),
        )
      : `${at} is ${show(v)}, not a record`;
}

function mapOf(value: Check): Check {
  return (v, at) =>
    isObject(v)
      ? first(
          Object.entries(v).map(
            ([k, x]) =>
              () =>
                value(x, `${at}[${JSON.stringify(k)}]`),
          ),
        )
      : `${at} is ${show(v)}, not a record`;
}

/** A time in the page's own form, not after `now` (with FUTURE_TOLERANCE_MS). */
export function timeProblem(v: unknown, at: string, now: number): string | null {
  if (typeof v !== 'string' || !ISO_TIME.test(v) || Number.isNaN(Date.parse(v)))
    return `${at} is ${show(v)}, not a time such as 2026-11-23T09:00:00.000Z`;
  if (Date.parse(v) > now + FUTURE_TOLERANCE_MS) return `${at} is ${v}, in the future`;
  return null;
}

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
const changes = object({ new: countOf, resolved: countOf, unchanged: countOf });

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
  present: (v, at) => need(typeof v === 'boolean', at, 'is not true or false'),
  rows: countOf,
  blocking: countOf,
  other: countOf,
  codes: counts,
});

const fileEntry = object({ name: string, bytes: countOf, rows: countOf, sha256: string });

function headProblem(v: unknown, now: number): string | null {
  return first([
    () =>
      object({
        district: string,
        format: object({ id: string, label: string }),
        files: list(fileEntry),
        totals: object({ ...Object.fromEntries(TOTALS.map((k) => [k, countOf])), hold: countOf }),
        findingCount: countOf,
      })(v, 'head'),
    () => {
      const h = v as Record<string, unknown>;
      return first([
        () => timeProblem(h.at, 'head.at', now),
        () => need(typeof h.blocked === 'boolean', 'head.blocked', 'is not true or false'),
        () =>
          need(h.kept === 'findings' || h.kept === 'counts', 'head.kept', 'is not "findings" or "counts"'),
        () => (h.id === undefined ? null : need(Number.isSafeInteger(h.id), 'head.id', 'is not a number')),
        () =>
          h.sample === undefined
            ? null
            : need(typeof h.sample === 'boolean', 'head.sample', 'is not true or false'),
        () =>
          h.formatForced === undefined
            ? null
            : need(typeof h.formatForced === 'boolean', 'head.formatForced', 'is not true or false'),
        () => (h.chosen === undefined ? null : string(h.chosen, 'head.chosen')),
        () =>
          h.districtNamed === undefined
            ? null
            : need(typeof h.districtNamed === 'boolean', 'head.districtNamed', 'is not true or false'),
        () =>
          h.changes === null
            ? null
            : first([
                () => changes(h.changes, 'head.changes'),
                () => {
                  const since = (h.changes as Record<string, unknown>).since;
                  return need(Number.isSafeInteger(since), 'head.changes.since', 'is not a number');
                },
                () =>
                  timeProblem((h.changes as Record<string, unknown>).sinceAt, 'head.changes.sinceAt', now),
              ]),
      ]);
    },
  ]);
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
        schoolChanges: (x, at) => (x === null ? null : mapOf(changes)(x, at)),
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
    ['undefined', 'boolean'].includes(typeof (v as DistrictRecord).named) &&
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
