import type { FormattingRule } from '../rule.ts';

export const rowColumns: FormattingRule = {
  code: 'row-columns',
  severity: 'formatting',
  title: 'Row with the wrong number of cells',
  explanation:
    'Each row must have as many cells as the header. An extra or missing comma shifts every value after it, so ' +
    'Remind refuses the file; this tool leaves the row out of the other checks. Extra empty columns (often ' +
    'left by a spreadsheet) are refused too, but their rows are still checked.',
  fix:
    'Look for a stray comma (often inside a name or address) or a missing cell in that row, and quote values ' +
    'that contain commas. Extra empty columns (often left by a spreadsheet): delete the columns after the ' +
    'last named one, in the header and the rows, and save as CSV again.',
  blocks: () => true,
  message: (f) => {
    if (f.reason === 'header-empty-names') {
      const [empty, named] = (f.detail ?? '').split(':');
      const names = empty === '1' ? '1 empty column name' : `${empty} empty column names`;
      return `${f.file} row 1: the header ends in ${names}; rows are read against its ${named} named columns.`;
    }
    if (f.reason === 'extra-empty-cells')
      return `${f.file} row ${f.row} has ${f.detail}; the extra cells are empty, so the row is still checked.`;
    return `${f.file} row ${f.row} has ${f.detail}.`;
  },
};
