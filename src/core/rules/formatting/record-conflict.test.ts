import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { DISTRICTS, districtFiles, type Records } from '../../../../tests/fixtures/districts.ts';
import { findings, run } from '../../../../tests/helpers.ts';

/** The district's first record of `file`, repeated with some cells changed. */
const again = (format: FormatId, file: string, ...changes: Record<string, string>[]): Records => [
  ...DISTRICTS[format][file],
  ...changes.map((c) => ({ ...DISTRICTS[format][file][0], ...c })),
];
const SOUTH: Records = [
  { school_id: 's1', school_name: 'North High' },
  { school_id: 's2', school_name: 'South High' },
];

describe('record-conflict (rules.md §9)', () => {
  it.each<[string, FormatId, string, Record<string, string>[], Array<[string, number, string]>]>([
    ['the same student row twice', 'remind-csv-1.0', 'students.csv', [{}], []],
    [
      'a guardian row with another dob',
      'remind-csv-1.0',
      'students.csv',
      [{ dob: '01/06/2012', guardian_first_name: 'Di' }],
      [['st1', 3, 'dob']],
    ],
    [
      'another first and last name: one finding per field',
      'remind-csv-1.0',
      'students.csv',
      [{ student_first_name: 'Bob', student_last_name: 'Kimm' }],
      [
        ['st1', 3, 'student_first_name'],
        ['st1', 3, 'student_last_name'],
      ],
    ],
    ['surrounding spaces are no difference', 'remind-csv-1.0', 'students.csv', [{ dob: ' 01/05/2012 ' }], []],
    [
      'three rows, two of them different: one finding',
      'remind-csv-1.0',
      'students.csv',
      [{ dob: '01/06/2012' }, { dob: '' }],
      [['st1', 3, 'dob']],
    ],
    [
      'a teacher at a second school with another email',
      'remind-csv-1.0',
      'teachers.csv',
      [{ school_id: 's2', teacher_email: 'ada@south.org' }],
      [['t1', 3, 'teacher_email']],
    ],
    [
      'an email in another letter case is the same email',
      'remind-csv-1.0',
      'teachers.csv',
      [{ school_id: 's2', teacher_email: 'ADA@North.org' }],
      [],
    ],
    [
      'a teacher at a second school with another last name',
      'remind-csv-1.0',
      'teachers.csv',
      [{ school_id: 's2', teacher_last_name: 'King' }],
      [['t1', 3, 'teacher_last_name']],
    ],
    [
      'a teacher’s phone may differ per school (not a field of the rule)',
      'remind-csv-1.0',
      'teachers.csv',
      [{ school_id: 's2', teacher_mobile_phone: '212-234-5678' }],
      [],
    ],
    [
      'a Clever contact row with another DOB, in the header’s own case',
      'clever',
      'students.csv',
      [{ DOB: '1/6/2012', Contact_name: 'Di Kim', Contact_email: 'di@home.org' }],
      [['st1', 3, 'DOB']],
    ],
  ])('%s', async (_, format, file, changes, expected) => {
    const district: Record<string, Records> = {
      [file]: again(format, file, ...changes),
      'schools.csv': SOUTH,
    };
    if (format === 'clever') district['schools.csv'] = DISTRICTS.clever['schools.csv'];
    const result = await run(districtFiles(format, district));
    const found = findings(result, 'record-conflict');
    expect(found.map((f) => [f.id, f.row, f.field])).toEqual(expected);
    expect(result.summary.blocked).toBe(false);
  });

  it('says which rows disagree and that the first row’s value is used', async () => {
    const students = again('remind-csv-1.0', 'students.csv', { dob: '01/06/2012' }, {}, { dob: '' });
    const result = await run(districtFiles('remind-csv-1.0', { 'students.csv': students }));
    const [finding] = findings(result, 'record-conflict');
    expect(finding.message).toBe(
      'students.csv: student st1 has dob "01/05/2012" on row 2 but "01/06/2012" on row 3, an empty cell on row 5; ' +
        'the first row’s value is used.',
    );
    // The first row's value is the one checked: no student-dob error for the later values.
    expect(findings(result, 'student-dob')).toEqual([]);
  });

  it('lists a few rows and counts the rest', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ dob: `01/${10 + i}/2012` }));
    const result = await run(
      districtFiles('remind-csv-1.0', { 'students.csv': again('remind-csv-1.0', 'students.csv', ...many) }),
    );
    const [finding] = findings(result, 'record-conflict');
    expect(finding.message).toContain('"01/14/2012" on row 7 and 3 more rows;');
  });
});
