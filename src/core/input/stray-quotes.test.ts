import { describe, expect, it } from 'vitest';
import { strayQuoteRows } from './stray-quotes.ts';

describe('strayQuoteRows', () => {
  it.each<[string, string, number[]]>([
    ['no quotes', 'a,b\nc,d\n', []],
    ['properly quoted cells', '"a","b ""c"""\n"d",e\n', []],
    ['quoted cell at the end of the segment', 'a,"b"', []],
    ['quote inside an unquoted cell', 'Robert "Bob" Smith,x\n', [0]],
    ['several quotes in one record: listed once', 'a"b,c"d,e"\n', [0]],
    ['records counted by line breaks', 'a,b\nc,d\ne"f,g\n', [2]],
    ['line breaks inside quotes do not count', '"a\nb\nc",d\ne"f\n', [1]],
    ['blank records count', 'a\n\n\nb"c\n', [3]],
    ['quote after a leading space is stray', 'a, "b"\n', [0]],
    ['spaces and tabs after a closing quote', '"a" \t,b"c\n', [0]],
    ['a non-breaking space after a closing quote', '"a"\u00a0\nb"c\n', [1]],
    ['text after a closing quote stays in the cell (papaparse reports it)', '"a"b,"c\nd"\ne"f\n', [1]],
    ['escaped quote followed by a comma stays inside', '"a"",b"\nc"d\n', [1]],
    ['quote right after a line break opens a cell', 'a\n"b\nc"\nd"\n', [2]],
  ])('%s', (_label, segment, rows) => {
    expect(strayQuoteRows(segment)).toEqual(rows);
  });
});
