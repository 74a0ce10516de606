import type { FormattingRule } from '../rule.ts';

export const idDuplicate: FormattingRule = {
  code: 'id-duplicate',
  severity: 'formatting',
  title: 'Same ID defined twice',
  explanation:
    'Each ID may be defined once. Remind keeps the first record with an ID and ignores the others.',
  fix: 'Give each record its own ID in the SIS, or remove the repeated row.',
  blocks: () => false,
  message: (f) =>
    `${f.file} row ${f.row}: ${f.field} ${f.value} is already defined (${f.detail}); this row is ignored.`,
};
