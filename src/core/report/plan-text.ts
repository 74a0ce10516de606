/**
 * The words of the fix plan, the verdict and the next steps: one text for the page, the command
 * line and the summary without personal data. No roster value ever goes into them, only counts,
 * codes and the rules' own titles and fix texts.
 */
import type { FormatId } from '../formats/types.ts';
import type { Cause, ReportSummary } from './types.ts';

const EN_US = new Intl.NumberFormat('en-US');
export const num = (n: number): string => EN_US.format(n);
const plural = (n: number, one: string, many = one + 's') => `${num(n)} ${n === 1 ? one : many}`;

/** How many causes the plan's headline counts ("fix these 3 things"). */
export const HEADLINE_CAUSES = 3;

/** "teacher-email (missing)" */
export function causeCode(c: Pick<Cause, 'code' | 'reason'>): string {
  return c.reason ? `${c.code} (${c.reason})` : c.code;
}

/** "Fix the first 3 things below to clear 17,900 of 18,493 findings." (more than 3 are listed) */
export function planHeadline(causes: readonly Cause[]): string {
  const all = causes.reduce((n, c) => n + c.clears, 0);
  if (causes.length === 0) return 'Nothing to fix: the files have no findings.';
  const top = causes.slice(0, HEADLINE_CAUSES);
  const cleared = top.reduce((n, c) => n + c.clears, 0);
  if (top.length === causes.length)
    return `Fix ${top.length === 1 ? 'this 1 thing' : `these ${top.length} things`} to clear all ${plural(all, 'finding')}.`;
  // More causes are listed than the headline counts: "these 3" above a list of 5 would read as the list.
  return `Fix the first ${top.length} things below to clear ${num(cleared)} of ${plural(all, 'finding')}.`;
}

/**
 * "63 records; 2,071 more findings clear with them; 12 schools". An error cause counts records (a rule
 * gives a record at most one error, rules.md §5); the others count findings: a person who lost an email
 * and a phone has two device-in-use alerts, a file problem is a row or a file.
 */
export function causeReach(c: Cause): string {
  const parts = [plural(c.findings, c.severity === 'error' ? 'record' : 'finding')];
  if (c.knockOn > 0)
    parts.push(`${num(c.knockOn)} more finding${c.knockOn === 1 ? '' : 's'} clear with them`);
  const schools = c.schools.length;
  parts.push(schools === 0 ? 'the whole district' : plural(schools, 'school'));
  return parts.join('; ');
}

export type VerdictKind = 'blocked' | 'hold' | 'errors' | 'ready';

export function verdictKind(s: Pick<ReportSummary, 'blocked' | 'totals'>): VerdictKind {
  return s.blocked ? 'blocked' : s.totals.hold > 0 ? 'hold' : s.totals.error > 0 ? 'errors' : 'ready';
}

export const VERDICT: Record<VerdictKind, string> = {
  blocked: 'Remind would not sync these files.',
  hold: 'Remind would pause this sync for review.',
  errors: 'Remind would sync these files, with errors.',
  ready: 'Ready, as far as these files show: Remind would sync them without errors.',
};

/** What no roster check can prove, said under every verdict (Ready included). */
export const FILES_CANNOT_SHOW =
  'What these files cannot show: accounts that already exist in Remind, or were created by hand, may ' +
  'already hold an email address or phone number of this roster. Remind may then report device-in-use ' +
  'or a taken email that no check of the files can predict.';

/** Said with it when no earlier run was compared: hold-removals cannot be judged from one export. */
export const REMOVALS_NOT_CHECKED =
  'No earlier run was compared, so records removed since Remind’s last sync were not checked: Remind may ' +
  'pause the sync to review such removals. Compare with the run Remind last synced (keep your runs in the ' +
  'History, or give its report with --previous).';

/** What the files cannot show, with REMOVALS_NOT_CHECKED unless an earlier run was compared. */
export function filesCannotShow(removalsChecked: boolean): string {
  return removalsChecked ? FILES_CANNOT_SHOW : `${FILES_CANNOT_SHOW} ${REMOVALS_NOT_CHECKED}`;
}

/** What to do after fixing, per format (how changes reach Remind). */
export function nextSteps(format: FormatId): string[] {
  if (format === 'clever')
    return [
      'Fix the records in the SIS (the fix plan lists what to change).',
      'The changes reach Clever with its next sync from the SIS, and Remind with Clever’s nightly sync ' +
        '(11 pm – 5 am PT); to take them sooner, use “Check for new Clever data” in Remind.',
      'Check again with a fresh Clever export once the changes are in Clever.',
    ];
  return [
    'Fix the records in the SIS (the fix plan lists what to change).',
    'Export the files again, all of them, and check them here.',
    'Upload all the required files to Remind by SFTP: Remind processes them at the next scheduled sync.',
  ];
}
