/**
 * Acknowledged findings (report.md `--acknowledged`): findings the admin knows of and cannot fix in
 * the SIS. An acknowledgement matches a finding by code and record ID, and by field and value when
 * it gives them. An acknowledged finding is still counted (Remind still shows it); the report marks
 * it (`acknowledged: true`, `totals.acknowledged`) and the exit status ignores it.
 */
import { ruleFor } from '../rules/registry.ts';
import type { FormattingRule } from '../rules/rule.ts';
import type { Finding } from './types.ts';

export interface Acknowledgement {
  code: string;
  id: string;
  field?: string | null;
  value?: string | null;
  note?: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOrNull = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/** The acknowledgements of a parsed file, or the first problem with it (a message for the person). */
export function readAcknowledgements(data: unknown): Acknowledgement[] | string {
  if (!isObj(data) || !Array.isArray(data.acknowledged))
    return 'expected { "acknowledged": [ { "code", "id", "field", "value", "note" } ] }';
  for (const [i, a] of data.acknowledged.entries()) {
    const at = `acknowledged[${i}]`;
    if (!isObj(a)) return `${at} is not an object`;
    if (typeof a.code !== 'string' || a.code === '') return `${at}.code is not a finding code`;
    if (typeof a.id !== 'string' || a.id === '') return `${at}.id is not a record ID`;
    for (const k of ['field', 'value', 'note'] as const)
      if (!textOrNull(a[k])) return `${at}.${k} is not text`;
  }
  return data.acknowledged as Acknowledgement[];
}

/**
 * The acknowledgement a finding matches, if any (the page shows its note): code and ID indexed, so
 * a million findings stay quick.
 */
export function acknowledgementOf(
  list: readonly Acknowledgement[],
): (f: Finding) => Acknowledgement | undefined {
  const byKey = new Map<string, Acknowledgement[]>();
  for (const a of list) {
    const key = `${a.code}\u0000${a.id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  return (f) => {
    if (f.id === null) return undefined;
    return byKey
      .get(`${f.code}\u0000${f.id}`)
      ?.find((a) => (a.field == null || a.field === f.field) && (a.value == null || a.value === f.value));
  };
}

/** A matcher: is this finding acknowledged? */
export function acknowledgedBy(list: readonly Acknowledgement[]): (f: Finding) => boolean {
  const of = acknowledgementOf(list);
  return (f) => of(f) !== undefined;
}

/** The same acknowledgement (the note aside): the page keeps one per finding it was made for. */
export function sameAcknowledgement(a: Acknowledgement, b: Acknowledgement): boolean {
  return (
    a.code === b.code &&
    a.id === b.id &&
    (a.field ?? null) === (b.field ?? null) &&
    (a.value ?? null) === (b.value ?? null)
  );
}

/** What the page keeps when the admin acknowledges this finding: exactly it (field and value too). */
export function acknowledgementFor(f: Finding, note: string | null): Acknowledgement | null {
  if (f.id === null) return null;
  return { code: f.code, id: f.id, field: f.field, value: f.value, note: note?.trim() || null };
}

/** The file `--acknowledged` reads (and the page downloads). */
export function acknowledgementsFile(list: readonly Acknowledgement[]): { acknowledged: Acknowledgement[] } {
  return {
    acknowledged: list.map((a) => ({
      code: a.code,
      id: a.id,
      field: a.field ?? null,
      value: a.value ?? null,
      note: a.note ?? null,
    })),
  };
}

export interface Verdict {
  acknowledged: number;
  /** A blocking formatting finding that is not acknowledged. */
  blocked: boolean;
  /** Errors that are not acknowledged. */
  errors: number;
}

/** What is left once the acknowledged findings are set aside (for the exit status). */
export function verdictOf(findings: Iterable<Finding>, isAcknowledged: (f: Finding) => boolean): Verdict {
  const v: Verdict = { acknowledged: 0, blocked: false, errors: 0 };
  for (const f of findings) {
    if (isAcknowledged(f)) {
      v.acknowledged++;
      continue;
    }
    if (f.severity === 'error') v.errors++;
    if (f.severity === 'formatting' && (ruleFor(f.code) as FormattingRule).blocks(f.reason)) v.blocked = true;
  }
  return v;
}
