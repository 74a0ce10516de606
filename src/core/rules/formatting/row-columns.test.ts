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
      [student('st1'), 's1,st2,Bo,Kim,01/05/2012,,,,,Ann,Lee, Jr.,ann@x.org'],
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
    const result = await runStudents([student('st1'), 's1,st2,Al,Kim,,,,,,,,,,x']);
    expect(summary(result)).toEqual(['row-columns students.csv']);
    expect(result.summary.totals.students).toBe(1);
  });

  it('still counts the row’s ID as defined: references to it are not ref-unknown', async () => {
    const result = await runStudents([student('st1'), 's1,st2,Al,Kim,01/05/2012,,,,,,,,Jr.'], {
      'enrollments.csv': 'school_id,class_id,user_id\ns1,c1,t1\ns1,c1,st1\ns1,c1,st2\ns1,c1,st9\n',
    });
    expect(summary(result)).toEqual(['ref-unknown enrollments.csv', 'row-columns students.csv']);
    expect(findings(result, 'ref-unknown').map((f) => [f.row, f.value])).toEqual([[5, 'st9']]);
  });

  it.each<[string, string[], Array<[number, string | null]>, string[]]>([
    [
      'extra empty cells: reported, and the record is read (its data findings too)',
      [student('st1'), 's1,st2,Al,Kim,,,,,,,,,,'],
      [[3, 'extra-empty-cells']],
      ['student-dob/missing st2'],
    ],
    [
      'extra cells of spaces count as empty',
      ['s1,st1,Bo,Kim,13/45/2012,,,,,,,, ,  '],
      [[2, 'extra-empty-cells']],
      ['student-dob/invalid st1'],
    ],
    ['an extra cell with a value: left out', ['s1,st1,Bo,Kim,13/45/2012,,,,,,,,x'], [[2, null]], []],
  ])('%s (rules.md §9)', async (_, lines, rowColumns, data) => {
    const result = await runStudents(lines);
    expect(findings(result, 'row-columns').map((f) => [f.row, f.reason])).toEqual(rowColumns);
    expect(summary(result).filter((s) => !s.startsWith('row-columns'))).toEqual(data);
    expect(result.summary.blocked).toBe(true);
  });

  it('says that a row of extra empty cells is still checked', async () => {
    const [finding] = findings(await runStudents([`${student('st1')},,`]), 'row-columns');
    expect(finding.message).toBe(
      'students.csv row 2 has 14 cells where the header has 12; the extra cells are empty, so the row is still checked.',
    );
  });

  it.each<[string, string, string[], Array<[number, string | null]>]>([
    [
      'rows that fill the named columns',
      `${HEADER},,`,
      [student('st1'), student('st2')],
      [[1, 'header-empty-names']],
    ],
    [
      'rows that fill the whole header',
      `${HEADER},,`,
      [`${student('st1')},,`, `${student('st2')}, ,`],
      [[1, 'header-empty-names']],
    ],
    [
      'a row with a value in an unnamed column',
      `${HEADER},,`,
      [student('st1'), `${student('st2')},x,`],
      [
        [1, 'header-empty-names'],
        [3, null],
      ],
    ],
    [
      'a row longer than the header, extra cells empty',
      `${HEADER},`,
      [`${student('st1')},,,`],
      [
        [1, 'header-empty-names'],
        [2, 'extra-empty-cells'],
      ],
    ],
    [
      'a row short of the named columns',
      `${HEADER},,`,
      ['s1,st1,Bo'],
      [
        [1, 'header-empty-names'],
        [2, null],
      ],
    ],
  ])('a header ending in empty names: one finding on row 1; %s', async (_, header, lines, expected) => {
    const files = { ...districtFiles('remind-csv-1.0') };
    files['students.csv'] = [header, ...lines].join('\n') + '\n';
    const result = await run(files);
    expect(findings(result, 'row-columns').map((f) => [f.row, f.reason])).toEqual(expected);
    expect(result.summary.totals.students).toBe(lines.length - expected.filter(([, r]) => r === null).length);
  });

  it('names the empty header names and the named columns', async () => {
    const files = { ...districtFiles('remind-csv-1.0') };
    files['students.csv'] = `${HEADER},,\n${student('st1')}\n`;
    expect(findings(await run(files), 'row-columns').map((f) => f.message)).toEqual([
      'students.csv row 1: the header ends in 2 empty column names; rows are read against its 12 named columns.',
    ]);
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
