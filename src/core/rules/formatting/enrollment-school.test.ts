import { describe, expect, it } from 'vitest';
import { DISTRICTS, districtFiles, type Records } from '../../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

const R1 = DISTRICTS['remind-csv-1.0'];
const SCHOOLS = [...R1['schools.csv'], { school_id: 's2', school_name: 'South High' }];
const row = (school_id: string, class_id: string, user_id: string) => ({ school_id, class_id, user_id });

describe('enrollment-school (rules.md §9, Remind CSV 1.0)', () => {
  it.each<[string, Records, Array<[number, string]>, string[]]>([
    ['the class’s and the person’s school', [row('s1', 'c1', 't1'), row('s1', 'c1', 'st1')], [], []],
    [
      'a student enrolled with another school than the class’s and their own',
      [row('s1', 'c1', 't1'), row('s2', 'c1', 'st1')],
      [
        [
          3,
          'school_id s2 puts student st1 in class c1, but the class is in school s1 and student st1 is in school s1 (students.csv)',
        ],
      ],
      [],
    ],
    [
      'a teacher enrolled with another school: not the owner',
      [row('s2', 'c1', 't1'), row('s1', 'c1', 'st1')],
      [
        [
          2,
          'school_id s2 puts teacher t1 in class c1, but the class is in school s1 and teacher t1 is in school s1 (teachers.csv)',
        ],
      ],
      ['class-teacher/teacher-not-enrolled c1'],
    ],
    [
      'an unknown school: ref-unknown only, and left out',
      [row('s9', 'c1', 't1'), row('s1', 'c1', 'st1')],
      [],
      ['ref-unknown enrollments.csv', 'class-teacher/teacher-not-enrolled c1'],
    ],
  ])('%s', async (_, enrollments, expected, others) => {
    const result = await run(
      districtFiles('remind-csv-1.0', { 'schools.csv': SCHOOLS, 'enrollments.csv': enrollments }),
    );
    expect(findings(result, 'enrollment-school').map((f) => [f.row, f.message])).toEqual(
      expected.map(([r, why]) => [r, `enrollments.csv row ${r}: ${why}; the enrollment is left out.`]),
    );
    expect(summary(result).filter((s) => !s.startsWith('enrollment-school'))).toEqual(others);
    expect(result.summary.blocked).toBe(others.some((s) => s.startsWith('id-')));
  });

  it('checks the person’s school even when the class is of the enrollment’s school', async () => {
    const students = [{ ...R1['students.csv'][0], school_id: 's2' }];
    const classes = [
      { ...R1['classes.csv'][0], school_id: 's2' },
      { ...R1['classes.csv'][0], class_id: 'c2' },
    ];
    const result = await run(
      districtFiles('remind-csv-1.0', {
        'schools.csv': SCHOOLS,
        'students.csv': students,
        'classes.csv': classes,
        'enrollments.csv': [row('s2', 'c1', 't1'), row('s1', 'c2', 't1'), row('s1', 'c2', 'st1')],
      }),
    );
    // t1 teaches at s1 only: the s2 enrollment does not count; st1 is of s2: not put in c2.
    expect(findings(result, 'enrollment-school').map((f) => [f.row, f.message])).toEqual([
      [
        2,
        'enrollments.csv row 2: school_id s2 puts teacher t1 in class c1, but teacher t1 is in school s1 (teachers.csv); the enrollment is left out.',
      ],
      [
        4,
        'enrollments.csv row 4: school_id s1 puts student st1 in class c2, but student st1 is in school s2 (students.csv); the enrollment is left out.',
      ],
    ]);
    expect(summary(result, 'class-teacher')).toEqual(['class-teacher/teacher-not-enrolled c1']);
  });
});
