import type { FormattingRule } from '../rule.ts';

export const headerMissing: FormattingRule = {
  code: 'header-missing',
  severity: 'formatting',
  title: 'Required column missing from the header',
  explanation:
    'Remind finds each value by its column name in the first row. A required column that is not there stops the upload.',
  fix: {
    default:
      'Add the missing columns to the export, spelled exactly as listed, in the first row of the file.',
    'manifest-property':
      'Correct the property name in manifest.csv (its propertyName column) to the one the message names.',
  },
  // A misspelt manifest property is only ignored: the files are read all the same (decisions.md).
  blocks: (reason) => reason !== 'manifest-property',
  message: (f) =>
    f.reason === 'manifest-property'
      ? `${f.file} row ${f.row}: \`${f.value}\` is probably \`${f.detail}\`; a property under another name is ignored.`
      : `${f.file} has no ${f.field} column.` +
        (f.value ? ` Probably misspelt in the header: ${f.value}.` : ''),
};
