import { describe, expect, it } from 'vitest';
import { csv, run, summary } from '../../../tests/helpers.ts';
import { classesOf, idsByRole, peopleOf } from '../../../tests/fixtures/roster-view.ts';
import { LAYOUT, remindCsv2 } from './remind-csv-2.ts';

const USERS = ['user_id', 'role', 'first_name', 'last_name', 'email', 'phone', 'dob', 'student_ids'];
const HEADERS = {
  'schools.csv': ['school_id', 'school_name'],
  'classes.csv': ['class_id', 'school_id', 'class_name'],
  'users.csv': USERS,
  'enrollments.csv': ['class_id', 'user_id', 'role'],
  'school_enrollments.csv': ['school_id', 'user_id'],
};
type FileName = keyof typeof HEADERS;

const user = (id: string, role: string, extra: Partial<Record<string, string>> = {}) =>
  USERS.map((c) => (c === 'user_id' ? id : c === 'role' ? role : (extra[c] ?? '')));
const teacher = (id: string) => user(id, 'teacher', { first_name: 'T', last_name: id, email: `${id}@x.org` });
const student = (id: string) => user(id, 'student', { first_name: 'S', last_name: id, dob: '01/05/2012' });

const BASE: Record<FileName, string[][]> = {
  'schools.csv': [
    ['s1', 'North'],
    ['s2', 'South'],
  ],
  'classes.csv': [['c1', 's1', 'Math']],
  'users.csv': [teacher('t1'), student('st1')],
  'enrollments.csv': [
    ['c1', 't1', 'owner'],
    ['c1', 'st1', 'member'],
  ],
  'school_enrollments.csv': [],
};

function remind2(rows: Partial<Record<FileName, string[][]>> = {}) {
  const files: Record<string, string> = {};
  for (const name of Object.keys(HEADERS) as FileName[])
    files[name] = csv([HEADERS[name], ...(rows[name] ?? BASE[name])]);
  return files;
}

describe('Remind CSV 2.0 adapter', () => {
  it('is detected, reads the base district cleanly and is marked reconstructed', async () => {
    const result = await run(remind2());
    expect(result.summary.format).toEqual({
      id: 'remind-csv-2.0',
      label: 'Remind CSV 2.0',
      reconstructed: true,
    });
    expect(summary(result)).toEqual([]);
    expect(classesOf(result).c1).toEqual({ name: 'Math', school: 's1', teachers: ['t1'] });
    expect(peopleOf(result).st1).toMatchObject({ schools: ['s1'], dob: '01/05/2012' });
  });

  it('keeps every file and column name in the LAYOUT table', () => {
    const names = new Set(Object.values(LAYOUT).flatMap((entry) => Object.values(entry) as string[]));
    for (const spec of remindCsv2.files) {
      expect(names.has(spec.name), spec.name).toBe(true);
      for (const column of spec.columns) expect(names.has(column.name), column.name).toBe(true);
    }
    expect(remindCsv2.files.map((f) => f.name).sort()).toEqual(Object.keys(HEADERS).sort());
  });

  const roleCases = [
    { role: 'teacher', expected: 'teacher' },
    { role: 'Teacher', expected: 'teacher' },
    { role: 'student', expected: 'student' },
    { role: 'parent', expected: 'parent' },
    { role: 'administrator', expected: 'staff' },
    { role: 'aide', expected: 'staff' },
    { role: 'guardian', expected: 'staff' },
  ];
  it.each(roleCases)('maps role "$role" to $expected', async ({ role, expected }) => {
    const result = await run(remind2({ 'users.csv': [teacher('t1'), student('st1'), user('u1', role)] }));
    expect(peopleOf(result).u1.role).toBe(expected);
  });

  const childCases = [
    { name: 'semicolons', cell: 'st1;st2' },
    { name: 'commas', cell: 'st1,st2' },
    { name: 'commas and spaces', cell: ' st1 , st2 ' },
    { name: 'a trailing separator', cell: 'st1;st2;' },
  ];
  it.each(childCases)(
    'links a parent to children listed with $name, before they are defined',
    async ({ cell }) => {
      const result = await run(
        remind2({
          'users.csv': [
            user('p1', 'parent', {
              first_name: 'Ann',
              last_name: 'Lee',
              email: 'ann@x.org',
              student_ids: cell,
            }),
            teacher('t1'),
            student('st1'),
            student('st2'),
          ],
          'enrollments.csv': [
            ['c1', 't1', 'owner'],
            ['c1', 'st1', 'member'],
          ],
          'school_enrollments.csv': [['s2', 'st2']],
        }),
      );
      expect(peopleOf(result).p1).toMatchObject({
        role: 'parent',
        students: ['st1', 'st2'],
        schools: ['s1', 's2'],
      });
      expect(summary(result)).toEqual([]);
    },
  );

  it('reports a child ID no file defines, and links only real students', async () => {
    const result = await run(
      remind2({
        'users.csv': [
          user('p1', 'parent', {
            first_name: 'Ann',
            last_name: 'Lee',
            email: 'ann@x.org',
            student_ids: 'st1;x9;t1',
          }),
          teacher('t1'),
          student('st1'),
        ],
      }),
    );
    expect(peopleOf(result).p1.students).toEqual(['st1']);
    expect(result.findings.get(0)).toMatchObject({
      code: 'ref-unknown',
      row: 2,
      field: 'student_ids',
      value: 'x9',
    });
    expect(summary(result)).toEqual(['ref-unknown p1']);
  });

  const ownerCases = [
    { name: 'a teacher', owner: 't1', expected: [] },
    { name: 'a student (not a teacher)', owner: 'st1', expected: ['class-teacher/teacher-unknown c1'] },
    { name: 'a parent (not a teacher)', owner: 'p1', expected: ['class-teacher/teacher-unknown c1'] },
    {
      name: 'an unknown user',
      owner: 'x9',
      expected: ['ref-unknown enrollments.csv', 'class-teacher/teacher-unknown c1'],
    },
  ];
  it.each(ownerCases)('treats an owner who is $name as the class teacher', async ({ owner, expected }) => {
    const result = await run(
      remind2({
        'users.csv': [
          teacher('t1'),
          student('st1'),
          user('p1', 'parent', { first_name: 'A', last_name: 'B', email: 'p@x.org', student_ids: 'st1' }),
        ],
        'enrollments.csv': [
          ['c1', owner, 'owner'],
          ['c1', 'st1', 'member'],
        ],
      }),
    );
    expect(classesOf(result).c1.teachers).toEqual([owner]);
    expect(summary(result)).toEqual(expected);
  });

  it('needs an owner: members only give no-teacher', async () => {
    const result = await run(remind2({ 'enrollments.csv': [['c1', 'st1', 'member']] }));
    expect(summary(result)).toEqual(['class-teacher/no-teacher c1']);
  });

  it("puts people in schools through school_enrollments and their classes' schools", async () => {
    const result = await run(
      remind2({
        'classes.csv': [
          ['c1', 's1', 'Math'],
          ['c2', 's2', 'Art'],
        ],
        'users.csv': [teacher('t1'), teacher('t2'), student('st1'), user('a1', 'admin')],
        'enrollments.csv': [
          ['c1', 't1', 'owner'],
          ['c2', 't1', 'owner'],
          ['c1', 'st1', 'member'],
        ],
        'school_enrollments.csv': [
          ['s2', 't2'],
          ['s2', 'st1'],
          ['s1', 'a1'],
        ],
      }),
    );
    const people = peopleOf(result);
    expect([people.t1.schools, people.t2.schools, people.st1.schools, people.a1.schools]).toEqual([
      ['s1', 's2'],
      ['s2'],
      ['s1', 's2'],
      ['s1'],
    ]);
    expect(idsByRole(result)).toEqual({ teacher: ['t1', 't2'], student: ['st1'], staff: ['a1'] });
  });

  it('reports a repeated user_id and an unknown school in school_enrollments', async () => {
    const result = await run(
      remind2({
        'users.csv': [teacher('t1'), student('st1'), student('t1')],
        'school_enrollments.csv': [['s9', 'st1']],
      }),
    );
    expect(summary(result)).toEqual(['id-duplicate t1', 'ref-unknown school_enrollments.csv']);
    expect(peopleOf(result).t1.role).toBe('teacher');
  });

  it('keeps a date of birth for students only', async () => {
    const result = await run(
      remind2({
        'users.csv': [user('t1', 'teacher', { email: 't1@x.org', dob: '1/1/1980' }), student('st1')],
      }),
    );
    expect(peopleOf(result).t1.dob).toBeNull();
    expect(peopleOf(result).st1.dob).toBe('01/05/2012');
  });
});
