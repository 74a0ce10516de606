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

/** A matcher: is this finding acknowledged? (code and ID indexed, so a million findings stay quick) */
export function acknowledgedBy(list: readonly Acknowledgement[]): (f: Finding) => boolean {
  const byKey = new Map<string, Acknowledgement[]>();
  for (const a of list) {
    const key = `${a.code}\u0000${a.id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  return (f) => {
    if (f.id === null) return false;
    const candidates = byKey.get(`${f.code}\u0000${f.id}`);
    return (
      candidates?.some(
        (a) => (a.field == null || a.field === f.field) && (a.value == null || a.value === f.value),
      ) ?? false
    );
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
