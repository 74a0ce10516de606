import type { FormattingRule } from '../rule.ts';

export const rowColumns: FormattingRule = {
  code: 'row-columns',
  severity: 'formatting',
  title: 'Row with the wrong number of cells',
  explanation:
    'Each row must have as many cells as the header. An extra or missing comma shifts every value after it, so ' +
    'Remind refuses the file; this tool leaves the row out of the other checks.',
  fix: 'Look for a stray comma (often inside a name or address) or a missing cell in that row, and quote values that contain commas.',
  blocks: () => true,
  message: (f) => `${f.file} row ${f.row} has ${f.detail}.`,
};
