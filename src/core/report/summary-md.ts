/**
 * The summary without personal data: for a support ticket with Remind or the SIS vendor, or a school
 * board. It is made from counts, codes, the rules' own texts and the files' names, sizes and SHA-256
 * only: no name, email, phone, ID, date of birth or other roster value. Schools are numbered in the
 * report's order ("School 1"), because a school's name and ID are roster values too.
 */
import { causeCode, filesCannotShow, nextSteps, num, VERDICT, verdictKind } from './plan-text.ts';
import { schoolCounts, schoolStatus, STATUS_LABEL, syncState } from './status.ts';
import type { ReportSummary } from './types.ts';

/** Markdown table cells: our own texts only, but a pipe or line break would still break the table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const row = (cells: (string | number)[]) =>
  `| ${cells.map((c) => cell(typeof c === 'number' ? num(c) : c)).join(' | ')} |`;
const codes = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([code, n]) => `${code} ${num(n)}`)
    .join(', ') || '–';

/** What the summary says beyond the report's counts: both counts only, never a finding itself. */
export interface SummaryExtras {
  /** How many findings are acknowledged (known and left as they are); undefined: none were given. */
  acknowledged?: number;
  /** Counted against an earlier report; undefined: none was given. */
  changes?: { new: number; resolved: number; unchanged: number; reason: string | null };
  /** An earlier run of the district was compared, so removals were checked (plan-text.ts). */
  removalsChecked?: boolean;
}

function extraLines({ acknowledged, changes }: SummaryExtras): string[] {
  const lines: string[] = [];
  if (acknowledged !== undefined)
    lines.push(
      `Acknowledged: ${num(acknowledged)} acknowledged, known and left as they are (counted in the totals above).`,
    );
  if (changes)
    lines.push(
      changes.reason
        ? `Since the previous report: not compared, because ${changes.reason}.`
        : `Since the previous report: ${num(changes.new)} new, ${num(changes.resolved)} resolved, ${num(changes.unchanged)} unchanged.`,
    );
  return lines.length ? [...lines, ''] : [];
}

export function summaryMarkdown(s: ReportSummary, extras: SummaryExtras = {}): string {
  const t = s.totals;
  const causes = s.causes ?? [];
  const out: string[] = [
    '# Roster Check summary',
    '',
    `Checked ${s.generatedAt.slice(0, 10)} · format ${s.format.label}${s.format.reconstructed ? ' (layout reconstructed)' : ''}. ` +
      'This summary holds no personal data: counts, finding codes and file fingerprints only.',
    '',
    '## Verdict',
    '',
    `**${VERDICT[verdictKind(s)]}**`,
    '',
    filesCannotShow(extras.removalsChecked ?? false),
    '',
    '## Next steps',
    '',
    ...nextSteps(s.format.id).map((step, i) => `${i + 1}. ${step}`),
    '',
    '## District totals',
    '',
    row(['Schools', 'Teachers', 'Students', 'Parents', 'Staff', 'Classes']),
    row(['---:', '---:', '---:', '---:', '---:', '---:']),
    row([t.schools, t.teachers, t.students, t.parents, t.staff, t.classes]),
    '',
    row(['Formatting', 'Errors', 'Alerts', 'Holds']),
    row(['---:', '---:', '---:', '---:']),
    row([t.formatting, t.error, t.alert, t.hold]),
    '',
    `Formatting: ${codes(s.formatting)}. Holds: ${codes(s.hold)}.`,
    '',
    ...extraLines(extras),
    '## Fix plan',
    '',
  ];
  if (causes.length === 0) out.push('No findings.', '');
  else {
    out.push(
      'Each cause is one finding code and reason; fixing it also clears its knock-on (findings that exist only because of it).',
      '',
      row(['#', 'Cause', 'What it is', 'Blocks', 'Findings', 'Knock-on', 'Clears', 'Schools']),
      row(['---:', '---', '---', '---', '---:', '---:', '---:', '---:']),
      ...causes.map((c, i) =>
        row([
          i + 1,
          causeCode(c),
          c.title,
          c.blocking ? 'yes' : '',
          c.findings,
          c.knockOn,
          c.clears,
          c.schools.length,
        ]),
      ),
      '',
    );
  }
  out.push(
    '## Schools',
    '',
    'Schools are numbered in the report’s order (by name); their names and IDs are roster data and are left out.',
    '',
    row(['School', 'Teachers', 'Students', 'Errors', 'Alerts', 'Status', 'Errors by code', 'Alerts by code']),
    row(['---', '---:', '---:', '---:', '---:', '---', '---', '---']),
    ...s.schools.map((school, i) => {
      const { errors, alerts } = schoolCounts(school);
      const label = school.id === null ? '(no school)' : `School ${i + 1}`;
      return row([
        label,
        school.counts.teachers,
        school.counts.students,
        errors,
        alerts,
        STATUS_LABEL[schoolStatus(school, syncState(s))],
        codes(school.error),
        codes(school.alert),
      ]);
    }),
    '',
    '## Files',
    '',
    row(['File', 'Bytes', 'Rows', 'SHA-256']),
    row(['---', '---:', '---:', '---']),
    ...s.files.map((f) => row([f.name, f.bytes, f.rows, f.sha256 || '(not read)'])),
    '',
    '',
  );
  return out.join('\n');
}
