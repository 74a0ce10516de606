import type { FormattingRule } from '../rule.ts';

export const refUnknown: FormattingRule = {
  code: 'ref-unknown',
  severity: 'formatting',
  title: 'Reference to an ID no file defines',
  explanation: 'A row points to a school, class or person that is not in the files, so that link is dropped.',
  fix: 'Add the missing record to its file, or correct the ID in the referencing row.',
  blocks: () => false,
  message: (f) =>
    `${f.file} row ${f.row}: ${f.field} ${f.value} ${f.detail ?? 'is not defined in any file'}.`,
};
