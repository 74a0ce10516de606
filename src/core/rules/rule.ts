/**
 * The shape of a rule. Every code of rules.md has one file in this folder exporting one of these,
 * and registry.ts lists them all. Formatting rules (stage 1) are raised by the engine while it
 * reads; data rules (stages 2 and 3) visit the finished roster.
 */
import type { Severity } from '../model/finding.ts';
import type { People, Role, Roster, RosterClass } from '../model/roster.ts';
import type { PersonDevices } from '../devices/claims.ts';
import type { CalendarDate } from './dates.ts';
import type { RosterSnapshot } from '../snapshot/snapshot.ts';

/** What a message or fix text may use. */
export interface FindingFacts {
  reason: string | null;
  entity: string;
  id: string | null;
  name: string | null;
  file: string | null;
  row: number | null;
  field: string | null;
  value: string | null;
  otherId: string | null;
  detail: string | null;
}

interface RuleBase {
  code: string;
  title: string;
  /**
   * The heading Remind's own dashboard and help article give this type of error or alert, so the
   * admin can match the two screens. Only the types Remind itself reports have one.
   */
  remindName?: string;
  /** What Remind does and why, in an admin's words. */
  explanation: string;
  /** How to fix it in the SIS (per reason when it differs). */
  fix: string | Partial<Record<string, string>>;
  message(f: FindingFacts): string;
}

export interface FormattingRule extends RuleBase {
  severity: 'formatting';
  /** Whether Remind refuses the upload while this finding remains (reason-dependent for file-missing). */
  blocks(reason: string | null): boolean;
}

export interface ReportFields {
  reason?: string | null;
  field?: string | null;
  value?: string | null;
  otherId?: string | null;
  detail?: string | null;
}

export interface RuleContext {
  readonly roster: Roster;
  readonly today: CalendarDate;
  /** The earlier report of the same district, when there is one (hold-removals). */
  readonly previous: RosterSnapshot | null;
  /** This run's IDs, hashed with the earlier run's salt when there is one. */
  readonly current: RosterSnapshot | null;
  /**
   * Devices of a person, with who won each shared one. The object is reused: it holds the devices
   * of the person asked for last.
   */
  devices(index: number): PersonDevices;
  /** Whether the person gets an account: no error rule fires for them. */
  getsAccount(index: number): boolean;
  reportPerson(rule: DataRule, index: number, fields?: ReportFields): void;
  reportClass(rule: DataRule, index: number, fields?: ReportFields): void;
  reportDistrict(rule: DataRule, fields?: ReportFields): void;
}

export interface RuleVisitors {
  /** Every person, by index: read what the rule needs from `people`. */
  person?(people: People, index: number): void;
  class?(c: RosterClass, index: number): void;
  end?(): void;
}

export interface DataRule extends RuleBase {
  severity: Exclude<Severity, 'formatting'>;
  reasons?: readonly string[];
  /** The roles the person visitor is about (it is not called for others); all when absent. */
  roles?: readonly Role[];
  /** Called once a run; returns the visitors (closures may keep per-run state). */
  start(ctx: RuleContext): RuleVisitors;
}

export type Rule = FormattingRule | DataRule;

export function fixFor(rule: Rule, reason: string | null): string {
  return fixFrom(rule.fix, reason);
}

/**
 * The fix for a reason from a fix text (one for every reason) or table (one per reason, else
 * `default`). The one precedence, for the engine's rules and for the rule infos a stored run keeps.
 */
export function fixFrom(
  fix: string | Readonly<Record<string, string | undefined>>,
  reason: string | null,
): string {
  if (typeof fix === 'string') return fix;
  return (reason !== null ? fix[reason] : undefined) ?? fix.default ?? '';
}
