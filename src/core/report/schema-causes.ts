/** The report's `causes` (the fix plan, causes.ts) as schema.ts checks them. */
import { ALL_RULES, ruleFor } from '../rules/registry.ts';
import type { FormattingRule } from '../rules/rule.ts';
import type { Checker } from './schema.ts';
import { compareCauses, type Cause } from './causes.ts';

export const CAUSE_KEYS = [
  'code',
  'reason',
  'title',
  'fix',
  'findings',
  'knockOn',
  'clears',
  'schools',
  'severity',
  'blocking',
] as const;
const CODES = new Set(ALL_RULES.map((r) => r.code));

/** Keys, types, `clears` = findings + knock-on, every finding in exactly one cause, plan order. */
export function checkCauses(
  c: Checker,
  causes: unknown,
  findings: number,
  schoolIds: Set<string | null>,
): void {
  if (!Array.isArray(causes)) {
    c.fail('causes', 'expected an array');
    return;
  }
  let sum = 0;
  let typed = true;
  causes.forEach((cause: unknown, i) => {
    const path = `causes[${i}]`;
    if (!c.object(path, cause, CAUSE_KEYS)) return (typed = false);
    const before = c.problems.length;
    if (typeof cause.code !== 'string' || !CODES.has(cause.code)) c.fail(`${path}.code`, 'unknown code');
    else {
      const rule = ruleFor(cause.code);
      if (cause.severity !== rule.severity) c.fail(`${path}.severity`, `expected "${rule.severity}"`);
      const blocks =
        rule.severity === 'formatting' && (rule as FormattingRule).blocks(cause.reason as string);
      if (cause.blocking !== blocks) c.fail(`${path}.blocking`, `expected ${blocks}`);
    }
    c.type(`${path}.reason`, cause.reason, 'string', true);
    for (const k of ['title', 'fix'] as const) c.type(`${path}.${k}`, cause[k], 'string');
    for (const k of ['findings', 'knockOn', 'clears'] as const) c.count(`${path}.${k}`, cause[k]);
    if (cause.findings === 0) c.fail(`${path}.findings`, 'a cause has at least one finding');
    if (cause.clears !== (cause.findings as number) + (cause.knockOn as number))
      c.fail(`${path}.clears`, 'expected findings + knockOn');
    if (!Array.isArray(cause.schools)) c.fail(`${path}.schools`, 'expected an array');
    else
      for (const s of cause.schools)
        if (!schoolIds.has(s as string | null))
          c.fail(`${path}.schools`, `${JSON.stringify(s)} is not a listed school`);
    if (c.problems.length > before) typed = false;
    else sum += cause.clears as number;
  });
  if (!typed) return;
  if (sum !== findings) c.fail('causes', `clear ${sum} findings in all, but there are ${findings}`);
  const list = causes as Cause[];
  for (let i = 1; i < list.length; i++)
    if (compareCauses(list[i - 1], list[i]) > 0) c.fail(`causes[${i}]`, 'out of order (blocking, clears)');
}
