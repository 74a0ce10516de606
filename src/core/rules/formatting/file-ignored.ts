import type { FormattingRule } from '../rule.ts';

/** Our addition to rules.md §9: a file given with the others that the format does not use. */
export const fileIgnored: FormattingRule = {
  code: 'file-ignored',
  severity: 'formatting',
  title: 'File not part of the format',
  explanation: 'This file is not one the detected format uses, so nothing in it was checked.',
  fix: 'Leave the file out of the upload, or check that all files come from the same export.',
  blocks: () => false,
  message: (f) => `${f.file} was not checked: ${f.detail}.`,
};
