/** The facts of a report that must follow from its findings (schema.ts): counts, `blocked`, their order. */
import { SEVERITY_ORDER, type Severity } from '../model/finding.ts';
import { ruleFor } from '../rules/registry.ts';
import { cmp } from './compare.ts';
import type { Checker, Obj } from './schema.ts';

const SEVERITIES = Object.keys(SEVERITY_ORDER) as Severity[];

/** Counts, blocked and order must follow from the findings themselves. */
export function checkAgreement(c: Checker, report: Obj, findings: Obj[]): void {
  const bySeverity: Record<string, number> = { formatting: 0, error: 0, alert: 0, hold: 0 };
  const perCode: Record<string, Record<string, number>> = { formatting: {}, hold: {} };
  const perSchool = new Map<string | null, Record<string, Record<string, number>>>();
  let blocks = false;
  for (const f of findings) {
    const [severity, code] = [f.severity as Severity, f.code as string];
    bySeverity[severity]++;
    const rule = ruleFor(code);
    if (rule.severity === 'formatting' && rule.blocks(f.reason as string | null)) blocks = true;
    if (perCode[severity]) perCode[severity][code] = (perCode[severity][code] ?? 0) + 1;
    for (const s of f.schools as (string | null)[]) {
      const maps = perSchool.get(s) ?? { error: {}, alert: {} };
      maps[severity][code] = (maps[severity][code] ?? 0) + 1;
      perSchool.set(s, maps);
    }
  }
  const totals = report.totals as Obj;
  const same = (a: object, b: object) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
  for (const s of SEVERITIES)
    if (totals[s] !== bySeverity[s]) c.fail(`totals.${s}`, `${totals[s]} but ${bySeverity[s]} findings`);
  for (const s of ['formatting', 'hold'] as const)
    if (!same(report[s] as object, perCode[s])) c.fail(s, `does not match the ${s} findings`);
  if (report.blocked !== blocks)
    c.fail('blocked', `is ${report.blocked} but blocking findings say ${blocks}`);
  const schools = report.schools as Obj[];
  if (totals.schools !== schools.filter((s) => s.id !== null).length)
    c.fail('totals.schools', 'does not match the schools listed');
  schools.forEach((s, i) => {
    const maps = perSchool.get(s.id as string | null) ?? { error: {}, alert: {} };
    for (const k of ['error', 'alert'] as const)
      if (!same(s[k] as object, maps[k])) c.fail(`schools[${i}].${k}`, `does not match the findings`);
  });
  const key = (f: Obj) => {
    const first = (f.schools as (string | null)[])[0];
    return [
      SEVERITY_ORDER[f.severity as Severity],
      f.code,
      first === undefined ? '' : (first ?? '\uffff'),
      f.id ?? '',
    ];
  };
  for (let i = 1; i < findings.length; i++) {
    const [a, b] = [key(findings[i - 1]), key(findings[i])];
    const order =
      (a[0] as number) - (b[0] as number) ||
      cmp(a[1] as string, b[1] as string) ||
      cmp(a[2] as string, b[2] as string) ||
      cmp(a[3] as string, b[3] as string);
    if (order > 0) c.fail(`findings[${i}]`, 'out of order (severity, code, school, id)');
  }
}

function sortKeys(o: object): [string, unknown][] {
  return Object.entries(o).sort((a, b) => cmp(a[0], b[0]));
}
