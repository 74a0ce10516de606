/** Findings to and from their stored tuples; severity and fix come back from the run's rules. */
import type { Finding } from '../core/report/types.ts';
import { fixFrom } from '../core/rules/rule.ts';
import type { RuleInfo } from '../shared/report-types.ts';
import type { PackedFinding } from './schema.ts';

export function packFinding(f: Finding): PackedFinding {
  return [
    f.code,
    f.reason,
    f.entity,
    f.id,
    f.name,
    f.schools,
    f.file,
    f.row,
    f.field,
    f.value,
    f.otherId,
    f.message,
  ];
}

/** The fix text the engine gives a finding of this rule and reason (rules.ts fixFor). */
/** A stored rule info keeps one fix for every reason under "" (worker/validator.ts ruleInfo). */
export function fixOf(rule: RuleInfo | undefined, reason: string | null): string {
  if (!rule) return '';
  return fixFrom(rule.fixes[''] ?? rule.fixes, reason);
}

export function unpackFinding(p: PackedFinding, rules: Record<string, RuleInfo>): Finding {
  const [code, reason, entity, id, name, schools, file, row, field, value, otherId, message] = p;
  const rule = rules[code];
  return {
    severity: rule?.severity ?? 'error',
    code,
    reason,
    entity,
    id,
    name,
    schools,
    file,
    row,
    field,
    value,
    otherId,
    message,
    fix: fixOf(rule, reason),
  };
}

/** Is this a stored finding tuple (imports are checked before they are written)? */
export function isPackedFinding(value: unknown): value is PackedFinding {
  if (!Array.isArray(value) || value.length !== 12) return false;
  const str = (v: unknown) => typeof v === 'string';
  const strOrNull = (v: unknown) => v === null || typeof v === 'string';
  const [code, reason, entity, id, name, schools, file, row, field, value2, otherId, message] = value;
  return (
    str(code) &&
    strOrNull(reason) &&
    str(entity) &&
    strOrNull(id) &&
    strOrNull(name) &&
    Array.isArray(schools) &&
    schools.every(strOrNull) &&
    strOrNull(file) &&
    (row === null || Number.isInteger(row)) &&
    strOrNull(field) &&
    strOrNull(value2) &&
    strOrNull(otherId) &&
    str(message)
  );
}
