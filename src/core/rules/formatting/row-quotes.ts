import type { FormattingRule } from '../rule.ts';

export const rowQuotes: FormattingRule = {
  code: 'row-quotes',
  severity: 'formatting',
  title: 'Misplaced quote character',
  explanation:
    'In a CSV file a quote may only wrap a whole cell, and must be closed. A quote in the middle of a value, or ' +
    'one left open, makes the rest of the file ambiguous.',
  fix: 'Remove the quote from the value in the SIS (e.g. a nickname written "Bob"), or export with proper CSV quoting.',
  blocks: () => true,
  message: (f) =>
    (f.reason === 'unterminated'
      ? `${f.file} row ${f.row} opens a quote that is never closed.`
      : f.reason === 'malformed'
        ? `${f.file} row ${f.row} has text right after a closing quote.`
        : `${f.file} row ${f.row} has a quote character inside an unquoted cell.`) +
    (f.detail === null ? '' : ` ${openQuote(Number(f.detail), f.reason !== 'unterminated')}`),
};

/** What a quote never closed does (`detail`: the lines its cell took in after the row). */
function openQuote(lines: number, another: boolean): string {
  const cell = another ? 'A quote in it is never closed: its cell' : 'Its cell';
  if (lines === 0) return `${cell} runs to the end of the file, and the row is left out.`;
  const count = lines === 1 ? 'the line' : `the ${lines.toLocaleString('en-US')} lines`;
  const those = lines === 1 ? 'that line are' : 'those lines are';
  return `${cell} runs to the end of the file, taking in ${count} after it: the row and ${those} left out.`;
}
