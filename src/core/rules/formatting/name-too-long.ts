import type { FormattingRule } from '../rule.ts';

export const NAME_LIMITS = { school: 60, class: 255 } as const;

export const nameTooLong: FormattingRule = {
  code: 'name-too-long',
  severity: 'formatting',
  title: 'School or class name too long',
  explanation: `Remind stores school names of up to ${NAME_LIMITS.school} characters and class names of up to ${NAME_LIMITS.class}.`,
  fix: 'Shorten the name in the SIS.',
  blocks: () => false,
  message: (f) => `${f.file} row ${f.row}: the ${f.detail}.`,
};
