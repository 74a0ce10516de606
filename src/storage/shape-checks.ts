/**
 * Small checks of parsed JSON, composed into the checks of an imported run (import-check.ts). Each
 * answers the first problem in words, naming where it is ("head.totals.students is -1, not a
 * count"), or null.
 */

export type Check = (v: unknown, at: string) => string | null;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
export const show = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v)?.slice(0, 40));

/**
 * A run may be dated this far after the importing computer's clock (the exporting computer's clock
 * may run a little ahead); later ones are refused, as they would stay "the last run" of their
 * district for every later check (docs/decisions.md).
 */
export const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;
/** The form the page writes (toISOString): string order is time order, which the history relies on. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The first problem the checks find, in their order. */
export const first = (checks: (() => string | null)[]) => {
  for (const c of checks) {
    const problem = c();
    if (problem) return problem;
  }
  return null;
};
export const need = (ok: boolean, at: string, what: string) => (ok ? null : `${at} ${what}`);
export const string: Check = (v, at) => need(typeof v === 'string', at, `is ${show(v)}, not text`);
export const countOf: Check = (v, at) => need(count(v), at, `is ${show(v)}, not a count`);
export const bool: Check = (v, at) => need(typeof v === 'boolean', at, 'is not true or false');
/** The check, where the value is given. */
export const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined ? null : check(v, at);

/** The check, where the value is not null. */
export const orNull =
  (check: Check): Check =>
  (v, at) =>
    v === null ? null : check(v, at);
export const stringOrNull = orNull(string);

export function list(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return `${at} is ${show(v)}, not a list`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

type Entry = [value: unknown, at: string, check: Check];

/** The first problem of a record's entries, in the order `entries` lists them, or that it is no record. */
function entriesProblem(v: unknown, at: string, entries: (r: Record<string, unknown>) => Entry[]) {
  if (!isObject(v)) return `${at} is ${show(v)}, not a record`;
  for (const [x, where, check] of entries(v)) {
    const problem = check(x, where);
    if (problem) return problem;
  }
  return null;
}

/** A record with these fields, checked in this order. */
export function object(fields: Record<string, Check>): Check {
  return (v, at) =>
    entriesProblem(v, at, (r) => Object.entries(fields).map(([k, check]) => [r[k], `${at}.${k}`, check]));
}

/** A record of any keys whose every value passes the check. */
export function mapOf(value: Check): Check {
  return (v, at) =>
    entriesProblem(v, at, (r) =>
      Object.entries(r).map(([k, x]) => [x, `${at}[${JSON.stringify(k)}]`, value]),
    );
}

/** A time in the page's own form, not after `now` (with FUTURE_TOLERANCE_MS). */
export function timeProblem(v: unknown, at: string, now: number): string | null {
  if (typeof v !== 'string' || !ISO_TIME.test(v) || Number.isNaN(Date.parse(v)))
    return `${at} is ${show(v)}, not a time such as 2026-11-23T09:00:00.000Z`;
  if (Date.parse(v) > now + FUTURE_TOLERANCE_MS) return `${at} is ${v}, in the future`;
  return null;
}
