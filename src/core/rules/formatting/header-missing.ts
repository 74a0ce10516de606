import type { FormattingRule } from '../rule.ts';

export const headerMissing: FormattingRule = {
  code: 'header-missing',
  severity: 'formatting',
  title: 'Required column missing from the header',
  explanation:
    'Remind finds each value by its column name in the first row. A required column that is not there stops the upload.',
  fix: 'Add the missing columns to the export, spelled exactly as listed, in the first row of the file.',
  blocks: () => true,
  message: (f) =>
    `${f.file} has no ${f.detail} column${f.detail?.includes(',') ? 's' : ''}.` +
    (f.value ? ` Probably misspelt in the header: ${f.value}.` : ''),
};
