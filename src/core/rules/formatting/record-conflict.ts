import type { FormattingRule } from '../rule.ts';

/**
 * rules.md §9: a record written on several rows (a student per guardian or contact, a teacher per
 * school) with another value in one of its own fields. One finding per record and field.
 */
export const recordConflict: FormattingRule = {
  code: 'record-conflict',
  severity: 'formatting',
  title: 'Same record written with different values',
  explanation:
    'A student is written once per guardian or contact, and a teacher once per school, so their own ' +
    'columns repeat. When the rows disagree, only the first row’s value is used; the others are ignored.',
  fix:
    'Correct the record in the SIS so that every row of the export carries the same value (often one row ' +
    'comes from an older or duplicate record that should be merged).',
  blocks: () => false,
  message: (f) => `${f.file}: ${f.entity} ${f.id} has ${f.detail}; the first row’s value is used.`,
};
