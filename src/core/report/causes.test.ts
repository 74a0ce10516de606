import { describe, expect, it } from 'vitest';
import { districtFiles } from '../../../tests/fixtures/districts.ts';
import { findings, run } from '../../../tests/helpers.ts';
import type { ValidationResult } from './build.ts';
import { plantedCauses } from '../../../tests/fixtures/planted-causes.ts';

const school = { School_id: 's1' };
const teacher = (id: string, email: string) => ({
  ...school,
  Teacher_id: id,
  First_name: 'T',
  Last_name: id,
  Teacher_email: email,
});
const section = (id: string, ...teachers: string[]) => ({
  ...school,
  Section_id: id,
  Name: 'Class ' + id,
  Teacher_id: teachers[0] ?? '',
  ...(teachers[1] ? { Teacher_2_id: teachers[1] } : {}),
});

/** "code/reason findings+knockOn" per cause, in plan order. */
function plan(result: ValidationResult): string[] {
  return (result.summary.causes ?? []).map(
    (c) => `${c.code}${c.reason ? '/' + c.reason : ''} ${c.findings}+${c.knockOn}`,
  );
}

function cleared(result: ValidationResult): number {
  return (result.summary.causes ?? []).reduce((n, c) => n + c.clears, 0);
}

describe('causes', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    [
      'a teacher without email takes their classes with them',
      districtFiles('clever', {
        'teachers.csv': [teacher('t1', ''), teacher('t2', 'ok@north.org')],
        'sections.csv': [section('c1', 't1'), section('c2', 't1'), section('c3', 't2')],
      }),
      ['teacher-email/missing 1+2'],
    ],
    [
      'a class with two teachers without email counts once, under the first',
      districtFiles('clever', {
        'teachers.csv': [teacher('t1', ''), teacher('t2', 'not-an-email')],
        'sections.csv': [section('c1', 't1', 't2'), section('c2', 't2')],
      }),
      ['teacher-email/invalid 1+1', 'teacher-email/missing 1+1'],
    ],
    [
      'sections naming a teacher no file defines',
      districtFiles('clever', {
        'sections.csv': [section('c1', 't1'), section('c2', 't9'), section('c3', 't9')],
      }),
      ['ref-unknown 2+2'],
    ],
    [
      'a missing teachers.csv is the cause of every class without its teacher',
      Object.fromEntries(
        Object.entries(
          districtFiles('clever', { 'sections.csv': [section('c1', 't1'), section('c2', 't1')] }),
        ).filter(([name]) => name !== 'teachers.csv'),
      ),
      ['file-missing/required 1+2'],
    ],
    [
      'a missing email column: the header, then the teachers, then their classes',
      districtFiles('remind-csv-1.0', {}, { 'teachers.csv': ['teacher_email'] }),
      ['header-missing 1+2'],
    ],
    [
      'an owner enrollment left out for its school is the cause of its class’s teacher-not-enrolled',
      districtFiles('remind-csv-1.0', {
        'schools.csv': [
          { school_id: 's1', school_name: 'North' },
          { school_id: 's2', school_name: 'South' },
        ],
        'classes.csv': [{ school_id: 's2', class_id: 'c1', teacher_id: 't1', class_name: 'Math' }],
        'enrollments.csv': [{ school_id: 's2', class_id: 'c1', user_id: 't1' }],
      }),
      ['enrollment-school 1+1'],
    ],
  ];

  it.each(cases)('%s', async (_, files, expected) => {
    const result = await run(files);
    expect(plan(result)).toEqual(expected);
    // Every finding counts in exactly one cause.
    expect(cleared(result)).toBe(result.findings.length);
  });

  it('a teacher row left out as malformed is the cause of its classes’ unknown teacher', async () => {
    const files = districtFiles('clever', {
      'teachers.csv': [teacher('t1', 'a@north.org')],
      'sections.csv': [section('c1', 't1'), section('c2', 't2'), section('c3', 't2')],
    });
    files['teachers.csv'] += 's1,t2,Bo,Lee,b@north.org,extra,cells,here,and,more\n';
    const result = await run(files);
    expect(plan(result)).toEqual(['row-columns 1+2']);
    const classes = findings(result, 'class-teacher');
    expect(classes.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /because teacher t2's row in teachers\.csv \(row 3\) has \d+ cells where the header has \d+, so it is left out\.$/,
      ),
      expect.stringMatching(/because teacher t2's row in teachers\.csv/),
    ]);
  });

  it('a quote never closed in teachers.csv is the cause of its classes’ unknown teachers', async () => {
    const files = districtFiles('clever', {
      'teachers.csv': [teacher('t1', 'a@north.org')],
      'sections.csv': [section('c1', 't1'), section('c2', 't2'), section('c3', 't3')],
    });
    files['teachers.csv'] += 's1,t2,Bo,"Lee,b@north.org\ns1,t3,Cy,Lee,c@north.org\n';
    const result = await run(files);
    // t2's own row, and t3's row that the open quote took in: no ref-unknown, both classes knock-on.
    expect(plan(result)).toEqual(['row-quotes/unterminated 1+2']);
    expect(findings(result, 'class-teacher').map((f) => f.message)).toEqual([
      expect.stringMatching(
        /because teachers\.csv row 3 opens a quote that is never closed, so it and the rest of the file are left out\.$/,
      ),
      expect.stringMatching(/because teachers\.csv row 3 opens a quote that is never closed/),
    ]);
  });

  it('a teacher row left out for a cell too long is the cause of its classes’ unknown teacher', async () => {
    const files = districtFiles('clever', {
      'teachers.csv': [teacher('t1', 'a@north.org')],
      'sections.csv': [section('c1', 't1'), section('c2', 't2')],
    });
    files['teachers.csv'] += `s1,t2,Bo,${'x'.repeat(70_000)},b@north.org\n`;
    const result = await run(files);
    expect(plan(result)).toEqual(['cell-too-long 1+1']);
    expect(findings(result, 'class-teacher')[0].message).toMatch(
      /because teacher t2's row in teachers\.csv \(row 3\) has a Last_name cell 70,000 characters long, so it is left out\.$/,
    );
  });

  it('spreadsheet damage is the cause of the references it broke, and of their classes', async () => {
    const result = await run(
      districtFiles('clever', {
        'teachers.csv': [teacher('000123', 'a@north.org'), teacher('000124', 'b@north.org')],
        'sections.csv': [section('c1', '123'), section('c2', '123'), section('c3', '000124')],
      }),
    );
    expect(findings(result, 'ref-unknown').map((f) => f.because?.reason)).toEqual([
      'lost-leading-zeros',
      'lost-leading-zeros',
    ]);
    // The damage finding, its two broken references and the two classes left without their teacher.
    expect(plan(result)).toEqual(['spreadsheet-damage/lost-leading-zeros 1+4']);
    expect(cleared(result)).toBe(result.findings.length);
  });

  it('knock-on messages say what they are because of; roots do not', async () => {
    const result = await run(
      districtFiles('clever', {
        'teachers.csv': [teacher('t1', '')],
        'sections.csv': [section('c1', 't1')],
      }),
    );
    const [cls, email] = [findings(result, 'class-teacher')[0], findings(result, 'teacher-email')[0]];
    expect(cls.message).toMatch(/, because teacher t1 has no email address\.$/);
    expect(email.message).not.toMatch(/because/);
  });

  it('lists blocking formatting first, then by what fixing clears', async () => {
    const files = districtFiles('clever', {
      'teachers.csv': [teacher('t1', ''), teacher('t2', 'b@north.org')],
      'sections.csv': [section('c1', 't1'), section('c2', 't1'), section('c3', 't1'), section('c4', 't2')],
    });
    files['sections.csv'] += 's1,c5,t2,Late,extra\n';
    const result = await run(files);
    expect(plan(result)).toEqual(['row-columns 1+0', 'teacher-email/missing 1+3']);
    expect(result.summary.causes?.[0]).toMatchObject({ blocking: true, schools: [] });
    expect(result.summary.causes?.[1]).toMatchObject({
      blocking: false,
      clears: 4,
      schools: ['s1'],
      title: 'Teacher without a usable email address',
      fix: 'Enter the teacher’s school email address in the SIS.',
    });
  });
});

describe('causes of a generated district with planted root causes', async () => {
  const planted = plantedCauses();
  const result = await run(planted.files);

  it('lists exactly the planted causes, with their knock-on counts, in plan order', () => {
    expect(
      (result.summary.causes ?? []).map(({ code, reason, findings, knockOn }) => ({
        code,
        reason,
        findings,
        knockOn,
      })),
    ).toEqual(planted.expected);
    expect(planted.expected.every((c) => c.knockOn > 0)).toBe(true);
  });

  it('every finding counts in exactly one cause', () => {
    expect(cleared(result)).toBe(result.findings.length);
  });
});

describe('the worked example of docs/causes.md', () => {
  it('gives the plan the page describes', async () => {
    const files = districtFiles('clever', {
      'teachers.csv': [teacher('T1', 'a@north.org'), teacher('T7', '')],
      'sections.csv': [
        section('c1', 'T7'),
        section('c2', 'T7'),
        section('c3', 'T7'),
        section('c4', 'T9'),
        section('c5', 'T9'),
        section('c6', 'T1'),
      ],
      'students.csv': [
        { School_id: 's1', Student_id: 'st1', First_name: 'Bo', Last_name: 'Kim', DOB: '1/5/2012' },
        { School_id: 's1', Student_id: 'st2', First_name: 'Cy', Last_name: 'Kim', DOB: '' },
      ],
    });
    // A comma in a name, unquoted: one cell too many.
    files['teachers.csv'] += 's1,T9,Ann,Lee, Jr,b@north.org\n';
    const result = await run(files);
    expect(plan(result)).toEqual(['row-columns 1+2', 'teacher-email/missing 1+3', 'student-dob/missing 1+0']);
    const messages = findings(result, 'class-teacher').map((f) => f.message);
    expect(messages).toContain(
      'Class "Class c4" (c4): teacher T9 is not a teacher in the roster, because teacher T9\'s row in teachers.csv (row 4) has 6 cells where the header has 5, so it is left out.',
    );
  });
});
