import type { FormattingRule } from '../rule.ts';

export const idMissing: FormattingRule = {
  code: 'id-missing',
  severity: 'formatting',
  title: 'Empty ID',
  explanation:
    'IDs tie the files together (a class to its school, a student to a class). A row whose ID cell is empty cannot be placed.',
  fix: 'Fill in the ID in the SIS export, or remove the incomplete row.',
  blocks: () => true,
  message: (f) => `${f.file} row ${f.row}: ${f.field} is empty.`,
};
