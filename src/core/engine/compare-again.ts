/**
 * The district comparison of a finished check done again against another earlier run, from the
 * roster the check still holds: the files are not read again. The IDs are hashed again with the
 * earlier run's salt (each district keeps its own), hold-removals is judged again, and the report
 * is rebuilt (its order and counts) with every other finding as it was.
 */
import { ADAPTERS } from '../formats/registry.ts';
import { buildResult, type ValidationResult } from '../report/build.ts';
import { holdRemovals } from '../rules/hold-removals.ts';
import type { RuleContext } from '../rules/rule.ts';
import { takeSnapshot, type RosterSnapshot } from '../snapshot/snapshot.ts';
import { FindingCollector } from './collector.ts';

export function compareAgain(result: ValidationResult, previous: RosterSnapshot | null): ValidationResult {
  const { roster, summary } = result;
  const adapter = ADAPTERS.find((a) => a.id === summary.format.id);
  if (!adapter) throw new Error(`unknown format ${summary.format.id}`);
  // With no earlier run the IDs keep their salt: nothing to compare, nothing to hash again.
  const snapshot = previous
    ? takeSnapshot(roster, previous.salt)
    : takeSnapshot(roster, result.snapshot.salt);
  const findings = new FindingCollector();
  findings.raw.push(...result.findings.raw.filter((f) => f.code !== holdRemovals.code));
  const ctx = {
    roster,
    previous,
    current: snapshot,
    reportDistrict: (rule, f = {}) => findings.add(rule, 'district', f),
  } as Pick<RuleContext, 'roster' | 'previous' | 'current' | 'reportDistrict'> as RuleContext;
  holdRemovals.start(ctx).end?.();
  return buildResult(roster, findings.raw, {
    adapter,
    files: summary.files,
    generatedAt: new Date(summary.generatedAt),
    snapshot,
  });
}
