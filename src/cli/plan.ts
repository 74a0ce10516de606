/** The fix plan and the verdict as the command line prints them under its table. */
import type { ReportSummary } from '../core/report/types.ts';
import {
  causeCode,
  causeReach,
  num,
  filesCannotShow,
  nextSteps,
  planHeadline,
  VERDICT,
  verdictKind,
} from '../core/report/plan-text.ts';

/** Causes printed; the rest are in --json. */
export const CAUSES_LISTED = 5;

/** removalsChecked: an earlier report of the same district, with its roster IDs, was compared. */
export function planLines(summary: ReportSummary, removalsChecked: boolean): string[] {
  const causes = summary.causes ?? [];
  const verdict = [
    '',
    `Verdict: ${VERDICT[verdictKind(summary)]}`,
    filesCannotShow(removalsChecked),
    'Next steps:',
    ...nextSteps(summary.format.id).map((step, i) => `  ${i + 1}. ${step}`),
  ];
  if (causes.length === 0) return verdict;
  const shown = causes.slice(0, CAUSES_LISTED);
  const lines = ['', `Fix plan: ${planHeadline(causes)}`];
  shown.forEach((c, i) => {
    lines.push(
      `  ${i + 1}. ${causeCode(c)}${c.blocking ? ' [blocks]' : ''}: ${c.title}. Clears ${num(c.clears)}: ${causeReach(c)}.`,
      `     ${c.fix}`,
    );
  });
  if (causes.length > shown.length)
    lines.push(`  … and ${causes.length - shown.length} more cause(s) in --json.`);
  return [...lines, ...verdict];
}
