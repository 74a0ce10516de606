/** The short per-school summary the command line prints. */
import type { ValidationResult } from '../core/report/build.ts';
import { ruleFor } from '../core/rules/registry.ts';
import type { FormattingRule } from '../core/rules/rule.ts';
import { schoolCounts, schoolStatus, STATUS_LABEL, syncState } from '../core/report/status.ts';
import { displayWidth, padDisplay } from './display-width.ts';
import { printable } from './printable.ts';
import { planLines } from './plan.ts';

const pad = padDisplay;

/** Findings per code for the district (each finding once), and which formatting codes block. */
function codeTotals(result: ValidationResult) {
  const counts = new Map<string, number>();
  const blocking = new Set<string>();
  for (const f of result.findings.raw) {
    counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    const rule = ruleFor(f.code);
    if (rule.severity === 'formatting' && (rule as FormattingRule).blocks(f.reason)) blocking.add(f.code);
  }
  const of = (severity: string) =>
    [...counts]
      .filter(([code]) => ruleFor(code).severity === severity)
      .map(([code, n]) => `${code} ${n}${blocking.has(code) ? ' (blocks)' : ''}`)
      .join(', ') || 'none';
  return of;
}

/** removalsChecked: an earlier report of the district was compared (plan.ts). */
export function summaryTable(result: ValidationResult, removalsChecked: boolean): string {
  const s = result.summary;
  const t = s.totals;
  const lines = [
    `Roster Check: ${s.format.label}${s.format.reconstructed ? ' (layout reconstructed)' : ''}, ${s.files.length} file(s)`,
    `${t.schools} schools, ${t.teachers} teachers, ${t.students} students, ${t.parents} parents, ${t.staff} staff, ${t.classes} classes`,
    '',
  ];
  if (s.blocked)
    lines.push(
      'BLOCKED: Remind would not process these files until the formatting problems below are fixed.',
      '',
    );
  const names = s.schools.map((x) => printable(x.name));
  const nameWidth = Math.max(24, ...names.map((name) => Math.min(40, displayWidth(name))));
  lines.push(
    `${pad('School', nameWidth)}  ${pad('Teachers', 8, true)}  ${pad('Students', 8, true)}  ${pad('Errors', 7, true)}  ${pad('Alerts', 7, true)}  Status`,
  );
  for (const [i, school] of s.schools.entries()) {
    const { errors, alerts } = schoolCounts(school);
    lines.push(
      `${pad(names[i], nameWidth)}  ${pad(String(school.counts.teachers), 8, true)}  ${pad(String(school.counts.students), 8, true)}  ` +
        `${pad(String(errors), 7, true)}  ${pad(String(alerts), 7, true)}  ${STATUS_LABEL[schoolStatus(school, syncState(s))]}`,
    );
  }
  lines.push(...planLines(s, removalsChecked), '');
  const of = codeTotals(result);
  lines.push(
    `Formatting: ${of('formatting')}`,
    `Errors: ${of('error')}`,
    `Alerts: ${of('alert')}`,
    `Holds: ${of('hold')}`,
  );
  lines.push(...formattingList(result));
  return lines.join('\n') + '\n';
}

/** Formatting findings come first in report order: list the first few with their file and row. */
export const FORMATTING_LISTED = 20;

function formattingList(result: ValidationResult): string[] {
  const findings = result.findings;
  const total = result.summary.totals.formatting;
  if (total === 0) return [];
  const shown = Math.min(total, FORMATTING_LISTED);
  const lines = [
    '',
    total > shown
      ? `Formatting problems (the first ${shown} of ${total}; --json or --csv-dir for all):`
      : 'Formatting problems:',
  ];
  for (let i = 0; i < shown; i++) {
    const f = findings.get(i);
    const rule = ruleFor(f.code) as FormattingRule;
    // Messages of formatting findings name their file and row already.
    lines.push(`  ${printable(f.message)} [${f.code}${rule.blocks(f.reason) ? ', blocks' : ''}]`);
  }
  return lines;
}
