import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { DISTRICTS, districtFiles, type Records } from '../../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

const plus = (format: FormatId, file: string, ...records: Records): Records => [
  ...DISTRICTS[format][file],
  ...records,
];

describe('id-duplicate', () => {
  it.each<[string, FormatId, string, Records, Array<[number, string]>]>([
    [
      'a school twice',
      'remind-csv-1.0',
      'schools.csv',
      [{ school_id: 's1', school_name: 'Other' }],
      [
        [
          3,
          'schools.csv row 3: school_id s1 is already defined (first at schools.csv row 2); this row is ignored.',
        ],
      ],
    ],
    [
      'three times: each later one once',
      'remind-csv-1.0',
      'classes.csv',
      [
        { school_id: 's1', class_id: 'c1', teacher_id: 't1', class_name: 'B' },
        { school_id: 's1', class_id: 'c1', teacher_id: 't1', class_name: 'C' },
      ],
      [
        [
          3,
          'classes.csv row 3: class_id c1 is already defined (first at classes.csv row 2); this row is ignored.',
        ],
        [
          4,
          'classes.csv row 4: class_id c1 is already defined (first at classes.csv row 2); this row is ignored.',
        ],
      ],
    ],
    [
      'Remind CSV 1.0: the same teacher and school twice',
      'remind-csv-1.0',
      'teachers.csv',
      [{ school_id: 's1', teacher_id: 't1', teacher_email: 'x@north.org' }],
      [
        [
          3,
          'teachers.csv row 3: teacher_id t1 is already defined (first at teachers.csv row 2); this row is ignored.',
        ],
      ],
    ],
    [
      'Clever: a teacher repeated',
      'clever',
      'teachers.csv',
      [{ School_id: 's1', Teacher_id: 't1', First_name: 'X', Last_name: 'Y' }],
      [
        [
          3,
          'teachers.csv row 3: Teacher_id t1 is already defined (first at teachers.csv row 2); this row is ignored.',
        ],
      ],
    ],
    [
      'OneRoster: a user repeated',
      'oneroster-1.1',
      'users.csv',
      [{ sourcedId: 'p1', role: 'parent', givenName: 'Dup' }],
      [
        [
          5,
          'users.csv row 5: sourcedId p1 is already defined (first at users.csv row 4); this row is ignored.',
        ],
      ],
    ],
  ])('%s: not blocking, reported on the later rows', async (_label, format, file, extra, expected) => {
    const result = await run(districtFiles(format, { [file]: plus(format, file, ...extra) }));
    expect(findings(result, 'id-duplicate').map((f) => [f.row, f.message])).toEqual(expected);
    expect(result.summary.blocked).toBe(false);
  });

  it('keeps the first record and ignores the later one', async () => {
    const result = await run(
      districtFiles('remind-csv-1.0', {
        'schools.csv': plus('remind-csv-1.0', 'schools.csv', { school_id: 's1', school_name: 'Other' }),
        'teachers.csv': plus('remind-csv-1.0', 'teachers.csv', { school_id: 's1', teacher_id: 't1' }),
      }),
    );
    expect(result.roster.schools.map((s) => s.name)).toEqual(['North High']);
    // The ignored teacher row has no email, yet the teacher keeps the first row's.
    expect(summary(result)).toEqual(['id-duplicate s1', 'id-duplicate t1']);
  });

  it('an ID defined in two files is a duplicate in the later one', async () => {
    const students = plus('remind-csv-1.0', 'students.csv', {
      school_id: 's1',
      student_id: 't1',
      dob: '01/05/2012',
    });
    const result = await run(districtFiles('remind-csv-1.0', { 'students.csv': students }));
    expect(findings(result, 'id-duplicate').map((f) => [f.file, f.row, f.message])).toEqual([
      [
        'students.csv',
        3,
        'students.csv row 3: student_id t1 is already defined (first at teachers.csv row 2); this row is ignored.',
      ],
    ]);
  });

  it.each<[string, FormatId, string, Records]>([
    [
      'Remind CSV 1.0: a teacher in two schools',
      'remind-csv-1.0',
      'teachers.csv',
      [
        {
          school_id: 's2',
          teacher_id: 't1',
          teacher_first_name: 'Ada',
          teacher_last_name: 'Lovelace',
          teacher_email: 'ada@north.org',
        },
      ],
    ],
    [
      'Remind CSV 1.0: a student with a second guardian',
      'remind-csv-1.0',
      'students.csv',
      [
        {
          school_id: 's1',
          student_id: 'st1',
          student_first_name: 'Bo',
          student_last_name: 'Kim',
          dob: '01/05/2012',
          guardian_first_name: 'Di',
          guardian_last_name: 'Kim',
          guardian_email: 'di@home.org',
        },
      ],
    ],
    [
      'Clever: a student with a second contact',
      'clever',
      'students.csv',
      [
        {
          School_id: 's1',
          Student_id: 'st1',
          First_name: 'Bo',
          Last_name: 'Kim',
          DOB: '1/5/2012',
          Contact_name: 'Di Kim',
          Contact_email: 'di@home.org',
        },
      ],
    ],
  ])('%s is no duplicate', async (_label, format, file, extra) => {
    const changes: Record<string, Records> = { [file]: plus(format, file, ...extra) };
    if (format === 'remind-csv-1.0' && file === 'teachers.csv')
      changes['schools.csv'] = plus(format, 'schools.csv', { school_id: 's2', school_name: 'South' });
    expect(summary(await run(districtFiles(format, changes)))).toEqual([]);
  });
});
