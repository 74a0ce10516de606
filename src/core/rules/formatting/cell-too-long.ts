import type { FormattingRule } from '../rule.ts';

/** Our addition to rules.md §9: a cell far longer than any roster value (usually a quote left open). */
export const cellTooLong: FormattingRule = {
  code: 'cell-too-long',
  severity: 'formatting',
  title: 'Cell far too long',
  explanation:
    'No roster value is tens of thousands of characters long. Such a cell usually means a quote was left open and ' +
    'swallowed the rows after it. The row is left out of the other checks.',
  fix: 'Find the quote that is not closed before this row, or shorten the value in the SIS.',
  blocks: () => true,
  message: (f) => `${f.file} row ${f.row}: the ${f.field} cell is ${f.detail} characters long.`,
};
