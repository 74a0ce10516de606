import type { FormattingRule } from '../rule.ts';

export const fileMissing: FormattingRule = {
  code: 'file-missing',
  severity: 'formatting',
  title: 'Required file missing',
  explanation: 'Remind needs every file of the format to process the sync; without one it processes nothing.',
  fix: {
    required:
      'Export the missing file from the SIS and upload it with the others (an empty file with its header row is fine where the format allows no rows).',
    optional: 'Export demographics.csv with the other OneRoster files so students get their birth dates.',
  },
  blocks: (reason) => reason !== 'optional',
  message: (f) =>
    f.reason === 'optional'
      ? `${f.file} is missing: students' birth dates come from it, so every student is reported without one.`
      : `${f.file} is missing.`,
};
