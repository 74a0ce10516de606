/** The fix plan and the verdict as the command line prints them under its table. */
import type { ReportSummary } from '../core/report/types.ts';
import { causeCode, causeReach, FILES_CANNOT_SHOW, planHeadline } from '../core/report/plan-text.ts';

/** Causes printed; the rest are in --json. */
export const CAUSES_LISTED = 5;

export function planLines(summary: ReportSummary): string[] {
  const causes = summary.causes ?? [];
  if (causes.length === 0) return ['', FILES_CANNOT_SHOW];
  const shown = causes.slice(0, CAUSES_LISTED);
  const lines = ['', `Fix plan: ${planHeadline(causes)}`];
  shown.forEach((c, i) => {
    lines.push(
      `  ${i + 1}. ${causeCode(c)}${c.blocking ? ' [blocks]' : ''}: ${c.title}. Clears ${c.clears}: ${causeReach(c)}.`,
      `     ${c.fix}`,
    );
  });
  if (causes.length > shown.length)
    lines.push(`  … and ${causes.length - shown.length} more cause(s) in --json.`);
  lines.push('', FILES_CANNOT_SHOW);
  return lines;
}
