import type { FormattingRule } from '../rule.ts';

export const encoding: FormattingRule = {
  code: 'encoding',
  severity: 'formatting',
  title: 'File not saved as UTF-8',
  explanation:
    'Remind expects UTF-8 text. This file has bytes that are not UTF-8; it was read as Windows-1252, so accented ' +
    'names may still come out wrong in Remind.',
  fix: 'Save or export the file as "CSV UTF-8".',
  blocks: () => false,
  message: (f) => `${f.file} is not UTF-8 (first seen at row ${f.row}); it was read as Windows-1252.`,
};
