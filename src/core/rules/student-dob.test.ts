import { describe, expect, it } from 'vitest';
import { csv, findings, run, summary } from '../../../tests/helpers.ts';
import { runRemind2, student } from '../../../tests/fixtures/rules/remind2.ts';

describe('student-dob (rules.md §5)', () => {
  it.each([
    ['01/05/2012', null],
    ['1/5/2012', null],
    ['2012/01/05', null],
    ['2012-01-05', null],
    ['', 'missing'],
    ['02/30/2012', 'invalid'],
    ['13/01/2010', 'invalid'],
    ['11/29/2026', 'invalid'],
    ['12/31/1899', 'invalid'],
    ['unknown', 'invalid'],
    ['2012-01-05T00:00:00Z', 'invalid'],
    ['1/5/12', 'two-digit-year'],
  ])('a student born "%s" → %s', async (dob, reason) => {
    const result = await runRemind2([student('st1', { dob })]);
    const found = findings(result, 'student-dob');
    if (reason === null) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      reason,
      id: 'st1',
      entity: 'student',
      field: 'dob',
      value: dob || null,
    });
    expect(found[0].message).toContain(reason === 'missing' ? 'no date of birth' : `"${dob}"`);
  });

  // rules.md §5: `invalid` has four causes; the message names the one that applies (reason stays `invalid`).
  it.each([
    ['11/29/2026', 'is in the future'],
    ['2030-01-01', 'is in the future'],
    ['12/31/1899', 'is before 1900'],
    ['1899-12-31', 'is before 1900'],
    ['unknown', 'is not in an accepted layout (MM/DD/YYYY, M/D/YYYY, YYYY/MM/DD or YYYY-MM-DD)'],
    ['2012-01-05T00:00:00Z', 'is not in an accepted layout'],
    ['13/45/12', 'is not in an accepted layout'],
    ['02/30/2012', 'is no real date: February 2012 has no day 30 (read as MM/DD/YYYY)'],
    ['02/29/2011', 'is no real date: February 2011 has no day 29 (read as MM/DD/YYYY)'],
    ['13/01/2010', 'is no real date: there is no month 13 (read as MM/DD/YYYY)'],
    ['2012-04-31', 'is no real date: April 2012 has no day 31.'],
    ['2010/00/10', 'is no real date: there is no month 0.'],
    // No such day outranks the year: "02/30/1850" is no date at all, not merely too early.
    ['02/30/1850', 'is no real date: February 1850 has no day 30'],
  ])('says why "%s" is invalid: %s', async (dob, cause) => {
    const [finding] = findings(await runRemind2([student('st1', { dob })]), 'student-dob');
    expect(finding.reason).toBe('invalid');
    expect(finding.message).toContain(`"${dob}" ${cause}`);
    expect(finding.message).not.toContain('not a valid date');
  });

  it.each(['invalid', 'two-digit-year'])(
    'names the article’s two layouts in its words in the %s fix (rules.md §5)',
    async (reason) => {
      const dob = reason === 'invalid' ? '02/30/2012' : '1/5/12';
      const [finding] = findings(await runRemind2([student('st1', { dob })]), 'student-dob');
      expect(finding.fix).toContain('MM/DD/YYYY or YYYY/MM/DD');
    },
  );

  it('judges students only', async () => {
    const result = await runRemind2([
      { id: 't1', role: 'teacher', email: 't1@school.org', dob: 'nonsense' },
      { id: 'p1', role: 'parent', email: 'p1@home.org', dob: '' },
      { id: 'a1', role: 'aide', dob: '' },
    ]);
    expect(summary(result, 'student-dob')).toEqual([]);
  });

  it('gives every student "missing" when the dob column is absent (rules.md §9)', async () => {
    const result = await run({
      'schools.csv': csv([
        ['school_id', 'school_name'],
        ['s1', 'North'],
      ]),
      'teachers.csv': csv([
        ['school_id', 'teacher_id', 'teacher_email'],
        ['s1', 't1', 't1@school.org'],
      ]),
      'students.csv': csv([
        ['school_id', 'student_id'],
        ['s1', 'st1'],
        ['s1', 'st2'],
      ]),
      'classes.csv': '',
      'enrollments.csv': '',
    });
    expect(summary(result, 'header-missing')).toEqual(['header-missing students.csv']);
    expect(summary(result, 'student-dob')).toEqual(['student-dob/missing st1', 'student-dob/missing st2']);
  });
});
