import type { FormattingRule } from '../rule.ts';

/** rules.md §9: a file with a header but none of the records a roster cannot do without. */
export const fileEmpty: FormattingRule = {
  code: 'file-empty',
  severity: 'formatting',
  title: 'File without the records a roster needs',
  explanation:
    'A roster needs at least one school, and at least one teacher or student. An export that holds only ' +
    'header rows (often an export that failed or was filtered to nothing) would remove everyone, so it ' +
    'must not be uploaded.',
  fix: 'Export the roster again and check the export’s filters (school year, schools selected) before uploading.',
  blocks: () => true,
  message: (f) => `${f.file} ${f.detail}.`,
};
