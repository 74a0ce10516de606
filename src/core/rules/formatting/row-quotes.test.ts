import { describe, expect, it } from 'vitest';
import { columnsOf, districtFiles } from '../../../../tests/fixtures/districts.ts';
import { findings, run } from '../../../../tests/helpers.ts';

const HEADER = columnsOf('remind-csv-1.0', 'teachers.csv').join(',');

async function runTeachers(body: string) {
  return run({ ...districtFiles('remind-csv-1.0'), 'teachers.csv': `${HEADER}\n${body}` });
}

const MESSAGES = {
  stray: 'has a quote character inside an unquoted cell',
  malformed: 'has text right after a closing quote',
  unterminated: 'opens a quote that is never closed',
};

describe('row-quotes', () => {
  it.each<[string, string, Array<[number, keyof typeof MESSAGES]>]>([
    ['a nickname in quotes', 's1,t1,Robert "Bob",Smith,bob@north.org,\n', [[2, 'stray']]],
    ['a quote ending a cell', 's1,t1,Ada,Lovelace",ada@north.org,\n', [[2, 'stray']]],
    ['text after a closing quote', 's1,t1,"Ada"x,Lovelace,ada@north.org,\n', [[2, 'malformed']]],
    ['an unterminated quote at the end', 's1,t1,Ada,Lovelace,ada@north.org,"555\n', [[2, 'unterminated']]],
    ['two stray quotes in one row: one finding', 's1,t1,R "B" S,O"Neil,ada@north.org,\n', [[2, 'stray']]],
    [
      'a row with a stray and a malformed quote: one finding',
      's1,t1,R "B" S,"O"Neil,ada@north.org,\n',
      [[2, 'stray']],
    ],
    [
      'rows counted as a spreadsheet shows them',
      's1,t1,Ada,"Love\nlace",ada@north.org,\n\ns1,t3,Cy,O"Neil,cy@north.org,\ns1,t2,Al,"Smith" Jr,al@north.org,\n',
      [
        [4, 'stray'],
        [5, 'malformed'],
      ],
    ],
    ['properly quoted cells are fine', 's1,t1,"Ada ""A""","Love, lace",ada@north.org,"555"\n', []],
  ])('%s', async (_label, body, expected) => {
    const result = await runTeachers(body);
    expect(findings(result, 'row-quotes').map((f) => [f.row, f.reason, f.message])).toEqual(
      expected.map(([row, reason]) => [row, reason, `teachers.csv row ${row} ${MESSAGES[reason]}.`]),
    );
    expect(result.summary.blocked).toBe(expected.length > 0);
  });

  it('reads the rest of the file into the cell after a malformed quote that is never closed', async () => {
    // papaparse keeps looking for the closing quote; the rows after it become part of the cell.
    const result = await runTeachers('s1,t1,"Ada" A,Lovelace,ada@north.org,\ns1,t2,Al,Smith,al@north.org,\n');
    expect(findings(result, 'row-quotes').map((f) => [f.row, f.reason])).toEqual([[2, 'malformed']]);
    expect(findings(result, 'row-columns').map((f) => f.row)).toEqual([2]);
  });

  it('keeps reading after a stray quote: the row still counts', async () => {
    const result = await runTeachers('s1,t1,Robert "Bob",Smith,bob@north.org,\n');
    expect(result.summary.totals.teachers).toBe(1);
    expect(result.roster.person(result.roster.findPerson('t1')).firstName).toBe('Robert "Bob"');
  });
});
