import type { FormattingRule } from '../rule.ts';

export const refUnknown: FormattingRule = {
  code: 'ref-unknown',
  severity: 'formatting',
  title: 'Reference to an ID no file defines',
  explanation: 'A row points to a school, class or person that is not in the files, so that link is dropped.',
  fix: {
    default: 'Add the missing record to its file, or correct the ID in the referencing row.',
    'not-a-school':
      'Point the row at the school it belongs to: Remind places classes and people only in schools (orgs of ' +
      'type school), so a district or department ID here leaves the record without a school.',
  },
  blocks: () => false,
  message: (f) =>
    `${f.file} row ${f.row}: ${f.field} ${f.value} ${f.detail ?? 'is not defined in any file'}.`,
};
