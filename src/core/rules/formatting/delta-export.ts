import type { FormattingRule } from '../rule.ts';

/** rules.md §9: a OneRoster manifest marking a file Remind reads as `delta`. */
export const deltaExport: FormattingRule = {
  code: 'delta-export',
  severity: 'formatting',
  title: 'Changes-only (delta) export',
  explanation:
    'Remind reads every upload as the whole roster: it asks for all of the required CSV files. A delta file ' +
    'holds only what changed since the last export, so every record left out of it would look removed.',
  fix:
    'Export the roster again in bulk mode (all records) so that manifest.csv marks every file "bulk", and ' +
    'upload that.',
  blocks: () => true,
  message: (f) =>
    `${f.file} row ${f.row} marks ${f.value} as a delta (changes-only) file; Remind needs it in bulk (every record).`,
};
