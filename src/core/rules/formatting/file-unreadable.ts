import type { FormattingRule } from '../rule.ts';

export const fileUnreadable: FormattingRule = {
  code: 'file-unreadable',
  severity: 'formatting',
  title: 'File cannot be read as CSV',
  explanation: 'Remind reads plain-text CSV files only. Spreadsheets, images or damaged files are refused.',
  fix: 'Open the file in the SIS export or in Excel and save it as "CSV UTF-8 (Comma delimited)".',
  blocks: () => true,
  message: (f) => `${f.file} cannot be read as CSV: ${f.detail}.`,
};
