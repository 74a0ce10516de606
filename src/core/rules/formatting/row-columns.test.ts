import { describe, expect, it } from 'vitest';
import { columnsOf, districtFiles } from '../../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

const HEADER = columnsOf('remind-csv-1.0', 'students.csv').join(',');
const student = (id: string, extra = '') => `s1,${id},Bo,Kim,01/05/2012${extra},,,,,,,`;

async function runStudents(lines: string[], changes: Record<string, string> = {}) {
  const files = { ...districtFiles('remind-csv-1.0'), ...changes };
  files['students.csv'] = [HEADER, ...lines].join('\n') + '\n';
  return run(files);
}

describe('row-columns', () => {
  it.each<[string, string[], Array<[number, string]>]>([
    [
      'a missing cell',
      [student('st1'), 's1,st2,Al,Kim,01/05/2012,,,,,,'],
      [[3, '11 cells where the header has 12']],
    ],
    [
      'an extra cell (an unquoted comma)',
      [student('st1'), student('st2', ',Jr.')],
      [[3, '13 cells where the header has 12']],
    ],
    ['a single cell', [student('st1'), 'oops'], [[3, '1 cell where the header has 12']]],
    [
      'row numbers as a spreadsheet shows them (blank lines count, quoted line breaks do not)',
      [student('st1'), '', `s1,st2,"Bo\nBo",Kim,01/05/2012,,,,,,,`, 's1,st3,Al'],
      [[5, '3 cells where the header has 12']],
    ],
    [
      'each bad row once',
      ['x,y', student('st1'), 'x,y,z'],
      [
        [2, '2 cells where the header has 12'],
        [4, '3 cells where the header has 12'],
      ],
    ],
  ])('%s', async (_label, lines, expected) => {
    const result = await runStudents(lines);
    expect(findings(result, 'row-columns').map((f) => [f.row, f.message])).toEqual(
      expected.map(([row, detail]) => [row, `students.csv row ${row} has ${detail}.`]),
    );
    expect(result.summary.blocked).toBe(true);
  });

  it('ignores blank lines and rows of empty cells', async () => {
    const result = await runStudents([student('st1'), '', '   ', ',,,', ',,,,,,,,,,,']);
    expect(summary(result)).toEqual([]);
  });

  it('leaves the row out of the data checks', async () => {
    // The malformed row has no birth date and would otherwise be a student-dob error.
    const result = await runStudents([student('st1'), 's1,st2,Al,Kim,,,,,,,,,,']);
    expect(summary(result)).toEqual(['row-columns students.csv']);
    expect(result.summary.totals.students).toBe(1);
  });

  it('still counts the row’s ID as defined: references to it are not ref-unknown', async () => {
    const result = await runStudents([student('st1'), 's1,st2,Al,Kim,01/05/2012,,,,,,,,'], {
      'enrollments.csv': 'school_id,class_id,user_id\ns1,c1,st1\ns1,c1,st2\ns1,c1,st9\n',
    });
    expect(summary(result)).toEqual(['ref-unknown enrollments.csv', 'row-columns students.csv']);
    expect(findings(result, 'ref-unknown').map((f) => [f.row, f.value])).toEqual([[4, 'st9']]);
  });

  it('is checked in every format', async () => {
    const files = districtFiles('oneroster-1.1');
    files['orgs.csv'] += 's2,active,,South,school\n';
    const result = await run(files);
    expect(findings(result, 'row-columns').map((f) => [f.file, f.row])).toEqual([['orgs.csv', 4]]);
    // The malformed school is not a school of the roster.
    expect(result.summary.totals.schools).toBe(1);
  });
});
