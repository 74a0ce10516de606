import type { FormattingRule } from '../rule.ts';

/**
 * The text is not what it claims: bytes that are not UTF-8 (read as Windows-1252; no reason, the
 * usual case), a zero byte inside a text (`zero-byte`), or a UTF-16 file that goes on in another
 * encoding (`switched`). One finding per file and reason, at the first row where it shows.
 */
export const encoding: FormattingRule = {
  code: 'encoding',
  severity: 'formatting',
  title: 'File not saved as UTF-8',
  explanation:
    'Remind expects UTF-8 text. This file has bytes that are not UTF-8 text; it was read as well as it could ' +
    'be, so names may still come out wrong in Remind.',
  fix: {
    default: 'Save or export the file as "CSV UTF-8".',
    'zero-byte':
      'Find the row in the SIS or a text editor and retype the value; then export the file again as "CSV UTF-8".',
    switched:
      'The file was put together from parts saved in different encodings: export it again in one piece, as "CSV UTF-8".',
  },
  blocks: () => false,
  message: (f) => {
    if (f.reason === 'zero-byte')
      return `${f.file} holds a zero byte (NUL, which no text holds) at row ${f.row}; it was kept in the cell.`;
    if (f.reason === 'switched')
      return `${f.file} is UTF-16 up to row ${f.row}, where it goes on in another encoding (8-bit text such as UTF-8); it was read as UTF-8 from there.`;
    return `${f.file} is not UTF-8 (first seen at row ${f.row}); it was read as Windows-1252.`;
  },
};
