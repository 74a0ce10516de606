import { describe, expect, it } from 'vitest';
import { columnsOf, districtFiles } from '../../../../tests/fixtures/districts.ts';
import { MAX_CELL_CHARS } from '../../input/csv.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

const HEADER = columnsOf('remind-csv-1.0', 'students.csv').join(',');
const student = (id: string, first = 'Bo', last = 'Kim') => `s1,${id},${first},${last},01/05/2012,,,,,,,\n`;

async function runStudents(body: string) {
  return run({ ...districtFiles('remind-csv-1.0'), 'students.csv': HEADER + '\n' + body });
}

describe('cell-too-long', () => {
  it('reports a huge cell, blocks, and leaves the row out of the other checks', async () => {
    const result = await runStudents(student('st1') + student('st2', 'x'.repeat(70_000)));
    expect(findings(result, 'cell-too-long').map((f) => [f.file, f.row, f.field, f.message])).toEqual([
      [
        'students.csv',
        3,
        'student_first_name',
        'students.csv row 3: the student_first_name cell is 70,000 characters long.',
      ],
    ]);
    expect(result.summary.blocked).toBe(true);
    expect(result.summary.totals.students).toBe(1);
  });

  it(`accepts a cell of exactly ${MAX_CELL_CHARS} characters`, async () => {
    const result = await runStudents(student('st1', 'x'.repeat(MAX_CELL_CHARS)));
    expect(summary(result)).toEqual([]);
  });

  it('one finding per row, even with several huge cells', async () => {
    const huge = 'y'.repeat(MAX_CELL_CHARS + 1);
    const result = await runStudents(student('st1', huge, huge));
    expect(findings(result, 'cell-too-long').map((f) => [f.row, f.field])).toEqual([
      [2, 'student_first_name'],
    ]);
  });

  it('an open quote that swallows the rest of the file: quote problem and long cell, no column count', async () => {
    const rest = Array.from({ length: 5000 }, (_, i) => student(`x${i}`)).join('');
    const result = await runStudents(student('st1') + student('st2', '"Bo') + rest);
    expect(summary(result)).toEqual(['cell-too-long students.csv', 'row-quotes/unterminated students.csv']);
    expect(findings(result).map((f) => f.row)).toEqual([3, 3]);
    expect(result.summary.totals.students).toBe(1);
  });
});
