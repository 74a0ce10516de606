import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import {
  runRemind2,
  student,
  teacher,
  parent,
  type ClassRow,
  type UserRow,
} from '../../../tests/fixtures/rules/remind2.ts';

// School s1 is "North", s2 is "South" (fixtures/remind2.ts).
describe('which schools a finding counts in (rules.md §8)', () => {
  it.each<[string, string, UserRow[], ClassRow[], (string | null)[]]>([
    ['a teacher in its own school', 'teacher-email', [teacher('t1', '')], [], ['s1']],
    [
      'a teacher reached through a class of another school counts in both',
      'teacher-email',
      [teacher('t1', ''), teacher('t9')],
      [{ id: 'c1', school: 's2', owners: ['t1', 't9'] }],
      ['s1', 's2'],
    ],
    [
      'a teacher without a school of its own, through a class',
      'teacher-email',
      [teacher('t1', '', { schools: [] }), teacher('t9')],
      [{ id: 'c1', school: 's2', owners: ['t1', 't9'] }],
      ['s2'],
    ],
    [
      'a student in two schools (its own and a class’s)',
      'student-dob',
      [student('st1', { dob: '' }), teacher('t1')],
      [{ id: 'c1', school: 's2', owners: ['t1'], members: ['st1'] }],
      ['s1', 's2'],
    ],
    [
      'a parent whose children are in two schools',
      'parent-contact',
      [
        student('st1'),
        student('st2', { schools: ['s2'] }),
        parent('p1', { children: 'st1;st2', schools: [] }),
      ],
      [],
      ['s1', 's2'],
    ],
    ['a class in its school', 'class-teacher', [], [{ id: 'c1', school: 's2' }], ['s2']],
    ['a person with no school', 'student-dob', [student('st1', { dob: '', schools: [] })], [], [null]],
    [
      'a parent whose children have no school',
      'parent-contact',
      [student('st1', { schools: [] }), parent('p1', { children: 'st1', schools: [] })],
      [],
      [null],
    ],
    ['a class whose school is unknown', 'class-teacher', [], [{ id: 'c1', school: 's404' }], [null]],
  ])('%s', async (_, code, users, classes, schools) => {
    const found = findings(await runRemind2(users, classes), code);
    expect(found).toHaveLength(1);
    expect(found[0].schools).toEqual(schools);
  });

  it('counts a finding once in each of its schools and once in the district totals', async () => {
    const result = await runRemind2(
      [
        teacher('t1', '', { phone: '809-234-5678' }),
        teacher('t9'),
        student('st1', { dob: '', schools: [] }),
        student('st2', { schools: ['s2'] }),
        parent('p1', { children: 'st1;st2', schools: [] }),
      ],
      [
        { id: 'c1', school: 's2', owners: ['t1', 't9'] },
        { id: 'c2', school: 's1', owners: ['t1'] },
      ],
    );
    const bySchool = Object.fromEntries(result.summary.schools.map((s) => [String(s.id), s]));
    expect(result.summary.schools.map((s) => [s.id, s.name])).toEqual([
      ['s1', 'North'],
      ['s2', 'South'],
      [null, '(no school)'],
    ]);
    expect(bySchool.s1.error).toEqual({ 'class-teacher': 1, 'teacher-email': 1 });
    expect(bySchool.s1.alert).toEqual({ 'phone-unsupported': 1 });
    expect(bySchool.s2.error).toEqual({ 'parent-contact': 1, 'teacher-email': 1 });
    expect(bySchool.s2.alert).toEqual({ 'phone-unsupported': 1 });
    // Only st1 has no school; its parent p1 is in s2 through st2, so p1 counts there alone.
    expect(bySchool.null.error).toEqual({ 'student-dob': 1 });
    expect(bySchool.null.counts).toEqual({ teachers: 0, students: 1, parents: 0, classes: 0 });
    expect(bySchool.s2.counts).toEqual({ teachers: 2, students: 1, parents: 1, classes: 1 });
    expect(result.summary.totals).toMatchObject({ error: 4, alert: 1, teachers: 2, students: 2, parents: 1 });
  });
});
