/**
 * The report of report.md as code. `checkReportShape(value)` lists every way a parsed report JSON
 * differs from the documented shape: keys (none missing, none unknown), types, enums, count maps
 * (known codes of the right severity, positive counts), finding keys, and the facts that must agree
 * (totals and count maps with the findings, `blocked` with the blocking findings, the order of the
 * findings). An empty list means well-formed. Tests and the fuzzers use it on every report.
 */
import { SEVERITY_ORDER, type Severity } from '../model/finding.ts';
import { ADAPTERS } from '../formats/registry.ts';
import { ALL_RULES, ruleFor } from '../rules/registry.ts';
import { NO_SCHOOL_NAME } from './build.ts';
import { isSnapshot } from '../snapshot/snapshot.ts';
import { REPORT_VERSION } from './types.ts';
import { checkCauses } from './schema-causes.ts';
import { checkAgreement } from './schema-agreement.ts';

const REPORT_KEYS = ['reportVersion', 'generatedAt', 'format', 'files', 'blocked', 'totals'] as const;
const REPORT_KEYS_REST = ['schools', 'formatting', 'hold', 'findings'] as const;
const TOTALS_KEYS = ['schools', 'teachers', 'students', 'parents', 'staff', 'classes'] as const;
const SEVERITIES = Object.keys(SEVERITY_ORDER) as Severity[];
const SCHOOL_COUNT_KEYS = ['teachers', 'students', 'parents', 'classes'] as const;
const FINDING_KEYS = [
  'severity',
  'code',
  'reason',
  'entity',
  'id',
  'name',
  'schools',
  'file',
  'row',
  'field',
  'value',
  'otherId',
  'message',
  'fix',
] as const;
const CODES = new Set(ALL_RULES.map((r) => r.code));

export type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export class Checker {
  readonly problems: string[] = [];
  fail(path: string, what: string): false {
    this.problems.push(`${path}: ${what}`);
    return false;
  }
  object(path: string, v: unknown, keys: readonly string[], optional: readonly string[] = []): v is Obj {
    if (!isObj(v)) return this.fail(path, `expected an object, got ${kindOf(v)}`);
    for (const k of keys) if (!(k in v)) this.fail(`${path}.${k}`, 'missing');
    for (const k of Object.keys(v))
      if (!keys.includes(k) && !optional.includes(k)) this.fail(`${path}.${k}`, 'unexpected key');
    return true;
  }
  type(path: string, v: unknown, type: 'string' | 'boolean', nullable = false): boolean {
    if (typeof v === type || (nullable && v === null)) return true;
    return this.fail(path, `expected a ${type}${nullable ? ' or null' : ''}, got ${kindOf(v)}`);
  }
  count(path: string, v: unknown): boolean {
    return isCount(v) || this.fail(path, `expected a whole number ≥ 0, got ${JSON.stringify(v)}`);
  }
  /** code → number, only codes of `severity` that occur (so every number is ≥ 1). */
  countMap(path: string, v: unknown, severity: Severity): v is Record<string, number> {
    if (!this.object(path, v, [], Object.keys(isObj(v) ? v : {}))) return false;
    for (const [code, n] of Object.entries(v)) {
      if (!CODES.has(code)) this.fail(`${path}.${code}`, 'unknown code');
      else if (ruleFor(code).severity !== severity) this.fail(`${path}.${code}`, `not a ${severity} code`);
      if (!isCount(n) || n === 0)
        this.fail(`${path}.${code}`, `expected a count ≥ 1, got ${JSON.stringify(n)}`);
    }
    return true;
  }
}

export function checkReportShape(report: unknown): string[] {
  const c = new Checker();
  // `causes` and `changes` are optional: reports made before them are still valid earlier runs.
  if (!c.object('report', report, [...REPORT_KEYS, ...REPORT_KEYS_REST], ['roster', 'causes', 'changes']))
    return c.problems;
  if (report.reportVersion !== REPORT_VERSION)
    c.fail('reportVersion', `expected ${REPORT_VERSION}, got ${JSON.stringify(report.reportVersion)}`);
  const at = report.generatedAt;
  if (
    c.type('generatedAt', at, 'string') &&
    !(!isNaN(Date.parse(at as string)) && new Date(at as string).toISOString() === at)
  )
    c.fail('generatedAt', 'expected an ISO 8601 UTC time');
  if (c.object('format', report.format, ['id', 'label', 'reconstructed'])) {
    const adapter = ADAPTERS.find((a) => a.id === (report.format as Obj).id);
    if (!adapter) c.fail('format.id', `unknown format ${JSON.stringify((report.format as Obj).id)}`);
    else if ((report.format as Obj).label !== adapter.label)
      c.fail('format.label', `expected "${adapter.label}"`);
    c.type('format.reconstructed', (report.format as Obj).reconstructed, 'boolean');
  }
  if (!Array.isArray(report.files)) c.fail('files', `expected an array, got ${kindOf(report.files)}`);
  else
    report.files.forEach((f, i) => {
      if (!c.object(`files[${i}]`, f, ['name', 'bytes', 'rows', 'sha256'])) return;
      c.type(`files[${i}].name`, f.name, 'string');
      c.count(`files[${i}].bytes`, f.bytes);
      c.count(`files[${i}].rows`, f.rows);
      // Empty only for a file whose bytes could not be read at all.
      if (typeof f.sha256 !== 'string' || !/^([0-9a-f]{64})?$/.test(f.sha256))
        c.fail(`files[${i}].sha256`, 'expected 64 lower-case hex digits');
    });
  c.type('blocked', report.blocked, 'boolean');
  if (c.object('totals', report.totals, [...TOTALS_KEYS, ...SEVERITIES], ['acknowledged']))
    for (const k of [...TOTALS_KEYS, ...SEVERITIES])
      if (k in report.totals) c.count(`totals.${k}`, report.totals[k]);
  const schoolIds = checkSchools(c, report.schools);
  c.countMap('formatting', report.formatting, 'formatting');
  c.countMap('hold', report.hold, 'hold');
  if ('roster' in report && !isSnapshot(report.roster)) c.fail('roster', 'expected a roster snapshot');
  if ('changes' in report) checkChanges(c, report.changes);
  if (!Array.isArray(report.findings)) {
    c.fail('findings', `expected an array, got ${kindOf(report.findings)}`);
    return c.problems;
  }
  const typed = report.findings.every((f, i) => checkFinding(c, `findings[${i}]`, f, schoolIds));
  if (typed && c.problems.length === 0) checkAgreement(c, report, report.findings as Obj[]);
  if ('causes' in report) checkCauses(c, report.causes, report.findings.length, schoolIds);
  if (typed && isObj(report.totals) && 'acknowledged' in report.totals) {
    const marked = (report.findings as Obj[]).filter((f) => f.acknowledged === true).length;
    if (c.count('totals.acknowledged', report.totals.acknowledged) && report.totals.acknowledged !== marked)
      c.fail(
        'totals.acknowledged',
        `${String(report.totals.acknowledged)}, but ${marked} findings are acknowledged`,
      );
  } else if (typed && (report.findings as Obj[]).some((f) => 'acknowledged' in f))
    c.fail('totals.acknowledged', 'missing, but findings are acknowledged');
  return c.problems;
}

/** `changes` (a report made with --previous): the resolved findings name the earlier run's schools. */
function checkChanges(c: Checker, changes: unknown): void {
  if (!c.object('changes', changes, ['comparedWith', 'reason', 'new', 'resolved', 'unchanged'])) return;
  c.type('changes.comparedWith', changes.comparedWith, 'string', true);
  c.type('changes.reason', changes.reason, 'string', true);
  if ((changes.comparedWith === null) === (changes.reason === null))
    c.fail('changes', 'expected either comparedWith or reason');
  c.count('changes.unchanged', changes.unchanged);
  for (const list of ['new', 'resolved'] as const) {
    const items = changes[list];
    if (!Array.isArray(items)) c.fail(`changes.${list}`, `expected an array, got ${kindOf(items)}`);
    else items.every((f, i) => checkFinding(c, `changes.${list}[${i}]`, f, null));
  }
}

/** The school entries; returns the IDs listed (null for the "(no school)" bucket). */
function checkSchools(c: Checker, schools: unknown): Set<string | null> {
  const ids = new Set<string | null>();
  if (!Array.isArray(schools)) {
    c.fail('schools', `expected an array, got ${kindOf(schools)}`);
    return ids;
  }
  schools.forEach((s, i) => {
    const path = `schools[${i}]`;
    if (!c.object(path, s, ['id', 'name', 'counts', 'error', 'alert'])) return;
    c.type(`${path}.id`, s.id, 'string', true);
    c.type(`${path}.name`, s.name, 'string');
    if (ids.has(s.id as string | null)) c.fail(`${path}.id`, 'listed twice');
    ids.add(s.id as string | null);
    if (s.id === null && (s.name !== NO_SCHOOL_NAME || i !== schools.length - 1))
      c.fail(path, `the no-school bucket must be last and named "${NO_SCHOOL_NAME}"`);
    if (c.object(`${path}.counts`, s.counts, SCHOOL_COUNT_KEYS))
      for (const k of SCHOOL_COUNT_KEYS) if (k in s.counts) c.count(`${path}.counts.${k}`, s.counts[k]);
    c.countMap(`${path}.error`, s.error, 'error');
    c.countMap(`${path}.alert`, s.alert, 'alert');
  });
  return ids;
}

/** `schoolIds` null: the finding's schools are another run's (not checked against this one's). */
function checkFinding(c: Checker, path: string, f: unknown, schoolIds: Set<string | null> | null): boolean {
  const before = c.problems.length;
  if (!c.object(path, f, FINDING_KEYS, ['because', 'acknowledged'])) return false;
  if ('because' in f && c.object(`${path}.because`, f.because, ['code', 'reason', 'file', 'field'])) {
    const b = f.because;
    if (b.code !== 'spreadsheet-damage') c.fail(`${path}.because.code`, 'expected "spreadsheet-damage"');
    for (const k of ['reason', 'file'] as const) c.type(`${path}.because.${k}`, b[k], 'string');
    c.type(`${path}.because.field`, b.field, 'string', true);
  }
  if ('acknowledged' in f && f.acknowledged !== true)
    c.fail(`${path}.acknowledged`, 'expected true (or no key)');
  if (typeof f.code !== 'string' || !CODES.has(f.code))
    c.fail(`${path}.code`, `unknown code ${JSON.stringify(f.code)}`);
  else {
    const rule = ruleFor(f.code);
    if (f.severity !== rule.severity) c.fail(`${path}.severity`, `expected "${rule.severity}" for ${f.code}`);
    if (rule.severity !== 'formatting' && rule.reasons && !rule.reasons.includes(f.reason as string))
      c.fail(`${path}.reason`, `expected one of ${rule.reasons.join(', ')}`);
  }
  for (const k of ['reason', 'id', 'name', 'file', 'field', 'value', 'otherId'] as const)
    c.type(`${path}.${k}`, f[k], 'string', true);
  for (const k of ['entity', 'message', 'fix'] as const) c.type(`${path}.${k}`, f[k], 'string');
  if (f.message === '') c.fail(`${path}.message`, 'empty');
  if (f.row !== null && !(Number.isInteger(f.row) && (f.row as number) >= 1))
    c.fail(`${path}.row`, `expected a row number ≥ 1 or null, got ${JSON.stringify(f.row)}`);
  if (!Array.isArray(f.schools)) c.fail(`${path}.schools`, `expected an array, got ${kindOf(f.schools)}`);
  else {
    const stage1or3 = f.severity === 'formatting' || f.severity === 'hold';
    if (stage1or3 !== (f.schools.length === 0))
      c.fail(`${path}.schools`, stage1or3 ? 'expected [] (district level)' : 'expected at least one school');
    if (schoolIds)
      for (const s of f.schools)
        if (!schoolIds.has(s as string | null))
          c.fail(`${path}.schools`, `${JSON.stringify(s)} is not a listed school`);
  }
  return c.problems.length === before;
}
