import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
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
  /** A quote never closed on the file's last line: the row is left out. */
  'unterminated, last line':
    'opens a quote that is never closed. Its cell runs to the end of the file, and the row is left out',
  'stray, last line':
    'has a quote character inside an unquoted cell. A quote in it is never closed: its cell runs to the end ' +
    'of the file, and the row is left out',
  'malformed, last line':
    'has text right after a closing quote. A quote in it is never closed: its cell runs to the end of ' +
    'the file, and the row is left out',
};
const reasonOf = (key: keyof typeof MESSAGES) => key.split(',')[0];

describe('row-quotes', () => {
  it.each<[string, string, Array<[number, keyof typeof MESSAGES]>]>([
    ['a nickname in quotes', 's1,t1,Robert "Bob",Smith,bob@north.org,\n', [[2, 'stray']]],
    ['a quote ending a cell', 's1,t1,Ada,Lovelace",ada@north.org,\n', [[2, 'stray']]],
    // papaparse goes on to the next quote to close the cell: there is none, so the row is left out.
    ['text after a closing quote', 's1,t1,"Ada"x,Lovelace,ada@north.org,\n', [[2, 'malformed, last line']]],
    [
      'an unterminated quote at the end',
      's1,t1,Ada,Lovelace,ada@north.org,"555\n',
      [[2, 'unterminated, last line']],
    ],
    ['two stray quotes in one row: one finding', 's1,t1,R "B" S,O"Neil,ada@north.org,\n', [[2, 'stray']]],
    [
      'a row with a stray and a malformed quote: one finding',
      's1,t1,R "B" S,"O"Neil,ada@north.org,\n',
      [[2, 'stray, last line']],
    ],
    [
      'rows counted as a spreadsheet shows them',
      's1,t1,Ada,"Love\nlace",ada@north.org,\n\ns1,t3,Cy,O"Neil,cy@north.org,\ns1,t2,Al,"Smith" Jr,al@north.org,\n',
      [
        [4, 'stray'],
        [5, 'malformed, last line'],
      ],
    ],
    ['properly quoted cells are fine', 's1,t1,"Ada ""A""","Love, lace",ada@north.org,"555"\n', []],
  ])('%s', async (_label, body, expected) => {
    const result = await runTeachers(body);
    expect(findings(result, 'row-quotes').map((f) => [f.row, f.reason, f.message])).toEqual(
      expected.map(([row, key]) => [row, reasonOf(key), `teachers.csv row ${row} ${MESSAGES[key]}.`]),
    );
    expect(result.summary.blocked).toBe(expected.length > 0);
  });

  it('reads the rest of the file into the cell after a malformed quote that is never closed', async () => {
    // papaparse keeps looking for the closing quote; the rows after it become part of the cell.
    const result = await runTeachers('s1,t1,"Ada" A,Lovelace,ada@north.org,\ns1,t2,Al,Smith,al@north.org,\n');
    expect(findings(result, 'row-quotes').map((f) => [f.row, f.reason, f.message])).toEqual([
      [
        2,
        'malformed',
        'teachers.csv row 2 has text right after a closing quote. A quote in it is never closed: its cell runs ' +
          'to the end of the file, taking in the line after it: the row and that line are left out.',
      ],
    ]);
    // The row is left out for its quote, not measured: its one cell is no row-columns of its own.
    expect(findings(result, 'row-columns')).toEqual([]);
    expect(result.summary.totals.teachers).toBe(0);
  });

  it('keeps reading after a stray quote: the row still counts', async () => {
    const result = await runTeachers('s1,t1,Robert "Bob",Smith,bob@north.org,\n');
    expect(result.summary.totals.teachers).toBe(1);
    expect(result.roster.person(result.roster.findPerson('t1')).firstName).toBe('Robert "Bob"');
  });
});

/**
 * The reviewer's reproduction: a class row opens a quote never closed, and the next class is enrolled;
 * plus an enrollment in a class C9 that is really in no file.
 */
const NEVER_CLOSED: Array<[FormatId, Record<string, string>]> = [
  [
    'remind-csv-1.0',
    {
      'classes.csv': `${columnsOf('remind-csv-1.0', 'classes.csv').join(',')}\ns1,C1,t1,"Math\ns1,C2,t1,Art\n`,
      'enrollments.csv': `${columnsOf('remind-csv-1.0', 'enrollments.csv').join(',')}\ns1,C2,t1\ns1,C2,st1\ns1,C9,st1\n`,
    },
  ],
  [
    'oneroster-1.1',
    {
      'classes.csv':
        `${columnsOf('oneroster-1.1', 'classes.csv').join(',')}\n` +
        'C1,active,,"Math,,co1,,scheduled,,s1,term1,,,\nC2,active,,Art,,co1,,scheduled,,s1,term1,,,\n',
      'enrollments.csv':
        `${columnsOf('oneroster-1.1', 'enrollments.csv').join(',')}\n` +
        'e1,active,,C2,s1,t1,teacher,,,\ne2,active,,C2,s1,st1,student,,,\ne3,active,,C9,s1,st1,student,,,\n',
    },
  ],
];

describe('a quote never closed', () => {
  it.each(NEVER_CLOSED)(
    '%s: the row is left out, and the records it took in are not reported unknown (a class in no file is)',
    async (format, files) => {
      const result = await run({ ...districtFiles(format), ...files });
      expect(result.summary.format.id).toBe(format);
      // Not also ref-unknown "C2 is not a class defined in any file" (C2 is on line 3), nor a
      // class-teacher finding on the garbled class C1 named `Math\ns1,C2,…`.
      expect(findings(result).map((f) => [f.code, f.value])).toEqual([
        ['ref-unknown', 'C9'],
        ['row-quotes', null],
      ]);
      expect(findings(result, 'row-quotes').map((f) => f.message)).toEqual([
        'classes.csv row 2 opens a quote that is never closed. Its cell runs to the end of the file, ' +
          'taking in the line after it: the row and that line are left out.',
      ]);
      expect(result.roster.classes).toEqual([]);
      expect(result.summary.blocked).toBe(true);
    },
  );

  it('counts the lines taken in, blank ones too, and leaves the rows before it alone', async () => {
    const result = await runTeachers(
      's1,t1,Ada,Lovelace,ada@north.org,\ns1,t2,"Al,Smith,al@north.org,\ns1,t3,Cy,O,cy@north.org,\n\ns1,t4,D,E,d@north.org,',
    );
    expect(findings(result, 'row-quotes').map((f) => [f.row, f.message])).toEqual([
      [
        3,
        'teachers.csv row 3 opens a quote that is never closed. Its cell runs to the end of the file, ' +
          'taking in the 3 lines after it: the row and those lines are left out.',
      ],
    ]);
    expect(result.summary.totals.teachers).toBe(1);
  });

  it('reads the lines taken in as written for their IDs, stray quotes and all', async () => {
    const header = columnsOf('remind-csv-1.0', 'classes.csv').join(',');
    const classes = `${header}\ns1,C1,t1,"Math\ns1,C2,t1,Art "B"x\n\ns1,C3,t1,Music\n`;
    const enrolled = `${columnsOf('remind-csv-1.0', 'enrollments.csv').join(',')}\ns1,C2,t1\ns1,C3,t1\ns1,C4,t1\n`;
    const result = await run({
      ...districtFiles('remind-csv-1.0'),
      'classes.csv': classes,
      'enrollments.csv': enrolled,
    });
    expect(findings(result, 'ref-unknown').map((f) => f.value)).toEqual(['C4']);
    expect(findings(result, 'row-quotes').map((f) => f.message)).toEqual([
      // The later quotes do not close the cell (none is followed by a comma or line break).
      'classes.csv row 2 has text right after a closing quote. A quote in it is never closed: its cell runs to ' +
        'the end of the file, taking in the 3 lines after it: the row and those lines are left out.',
    ]);
  });
});
