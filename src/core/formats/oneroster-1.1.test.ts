import { describe, expect, it } from 'vitest';
import { findings, run, summary } from '../../../tests/helpers.ts';
import { classesOf, idsByRole, peopleOf } from '../../../tests/fixtures/roster-view.ts';
import {
  cls,
  enr,
  oneRoster,
  org,
  person,
  type OneRosterData,
  type OneRosterOptions,
} from '../../../tests/fixtures/oneroster.ts';

const ORGS = [org('d1', 'district'), org('s1', 'school', 'd1'), org('s2', 'school', 'd1')];
const BASE: Required<Pick<OneRosterData, 'orgs' | 'users' | 'classes' | 'enrollments' | 'demographics'>> = {
  orgs: ORGS,
  users: [
    person('t1', { role: 'teacher', orgSourcedIds: 's1' }),
    person('st1', { role: 'student', orgSourcedIds: 's1' }),
    person('p1', { role: 'parent', orgSourcedIds: 's1', agentSourcedIds: 'st1' }),
  ],
  classes: [cls('c1', 's1')],
  enrollments: [enr('c1', 't1', 'teacher'), enr('c1', 'st1', 'student')],
  demographics: [{ sourcedId: 'st1', birthDate: '2012-01-05' }],
};
const district = (data: OneRosterData = {}, options: OneRosterOptions = {}) =>
  run(oneRoster('1.1', { ...BASE, ...data }, options));

describe('OneRoster 1.1 adapter', () => {
  it('reads the base district without findings', async () => {
    const result = await district();
    expect(result.summary.format.id).toBe('oneroster-1.1');
    expect(summary(result)).toEqual([]);
    expect(classesOf(result).c1).toEqual({ name: 'Class c1', school: 's1', teachers: ['t1'] });
    expect(peopleOf(result).st1).toMatchObject({ role: 'student', dob: '2012-01-05', schools: ['s1'] });
    expect(peopleOf(result).p1).toMatchObject({ role: 'parent', students: ['st1'] });
  });

  const roleCases = [
    ['teacher', 'teacher'],
    ['student', 'student'],
    ['parent', 'parent'],
    ['guardian', 'parent'],
    ['relative', 'parent'],
    ['administrator', 'staff'],
    ['aide', 'staff'],
    ['proctor', 'staff'],
  ];
  it.each(roleCases)('maps role %s to %s', async (role, expected) => {
    const result = await district({ users: [...BASE.users, person('u1', { role, orgSourcedIds: 's1' })] });
    expect(peopleOf(result).u1.role).toBe(expected);
  });

  const agentCases = [
    { name: 'a parent lists the student', parent: 'st1', student: '', linked: ['st1'] },
    { name: 'a student lists the parent', parent: '', student: 'p1', linked: ['st1'] },
    { name: 'both list each other', parent: 'st1', student: 'p1', linked: ['st1'] },
    {
      name: 'a parent lists two students in one cell',
      parent: 'st1,st2',
      student: '',
      linked: ['st1', 'st2'],
    },
    { name: 'a parent lists a teacher', parent: 't1', student: '', linked: [] },
  ];
  it.each(agentCases)(
    'links parents through agentSourcedIds when $name',
    async ({ parent, student, linked }) => {
      const result = await district({
        users: [
          person('t1', { role: 'teacher', orgSourcedIds: 's1' }),
          person('st1', { role: 'student', orgSourcedIds: 's1', agentSourcedIds: student }),
          person('st2', { role: 'student', orgSourcedIds: 's2' }),
          person('p1', { role: 'guardian', agentSourcedIds: parent }),
        ],
        demographics: [
          { sourcedId: 'st1', birthDate: '2012-01-05' },
          { sourcedId: 'st2', birthDate: '2012-01-05' },
        ],
      });
      expect(peopleOf(result).p1.students).toEqual(linked);
      expect(peopleOf(result).t1.students).toEqual([]);
      expect(summary(result).filter((s) => s.startsWith('ref-'))).toEqual([]);
    },
  );

  const orgCases = [
    { cell: 's1,s2', schools: ['s1', 's2'], findings: [] },
    { cell: 'd1,s2', schools: ['s2'], findings: [] },
    { cell: 's1,s9', schools: ['s1'], findings: ['ref-unknown u1'] },
  ];
  it.each(orgCases)('reads orgSourcedIds "$cell" as a list', async ({ cell, schools, findings }) => {
    const result = await district({
      users: [...BASE.users, person('u1', { role: 'aide', orgSourcedIds: cell })],
    });
    expect(peopleOf(result).u1.schools).toEqual(schools);
    expect(summary(result)).toEqual(findings);
  });

  // rules.md §9: a record's school is a link it cannot exist without; parents and staff reach schools otherwise.
  it.each<[string, string, string[]]>([
    ['teacher', '', ['id-missing u1']],
    ['student', '', ['id-missing u1']],
    ['student', ' , ', ['id-missing u1']],
    ['parent', '', []],
    ['aide', '', []],
  ])('an empty orgSourcedIds of a %s "%s" gives %j', async (role, cell, expected) => {
    const result = await district({
      users: [...BASE.users, person('u1', { role, orgSourcedIds: cell })],
      enrollments: [...BASE.enrollments, ...(role === 'student' ? [enr('c1', 'u1', 'student')] : [])],
      demographics: [...BASE.demographics, { sourcedId: 'u1', birthDate: '2012-01-05' }],
    });
    expect(summary(result)).toEqual(expected);
    const missing = findings(result, 'id-missing');
    expect(missing.map((f) => `${f.file} row ${f.row} ${f.field}`)).toEqual(
      expected.length ? ['users.csv row 5 orgSourcedIds'] : [],
    );
  });

  it('takes class teachers from teacher enrollments and students from student enrollments', async () => {
    const result = await district({
      users: [
        ...BASE.users,
        person('t2', { role: 'teacher', orgSourcedIds: 's2' }),
        person('a1', { role: 'aide', orgSourcedIds: 's2' }),
        person('st2', { role: 'student', orgSourcedIds: 's2' }),
      ],
      enrollments: [
        enr('c1', 't1', 'teacher'),
        enr('c1', 't2', 'teacher'),
        enr('c1', 'a1', 'aide'),
        enr('c1', 'st1', 'student'),
        enr('c1', 'st2', 'student'),
      ],
      demographics: [
        { sourcedId: 'st1', birthDate: '2012-01-05' },
        { sourcedId: 'st2', birthDate: '2012-01-05' },
      ],
    });
    expect(classesOf(result).c1.teachers).toEqual(['t1', 't2']);
    const people = peopleOf(result);
    expect([people.t2.schools, people.a1.schools, people.st2.schools]).toEqual([
      ['s1', 's2'],
      ['s2'],
      ['s1', 's2'],
    ]);
    expect(summary(result)).toEqual([]);
  });

  it('leaves tobedeleted rows out, and references to them are not unknown', async () => {
    const gone = { status: 'tobedeleted' };
    const result = await district({
      orgs: [...ORGS, org('s3', 'school'), { ...org('s4'), ...gone }],
      users: [
        ...BASE.users,
        person('t9', { role: 'teacher', orgSourcedIds: 's4', ...gone }),
        person('p2', { role: 'parent', agentSourcedIds: 'st1,t9' }),
        person('u1', { role: 'aide', orgSourcedIds: 's4' }),
      ],
      classes: [
        cls('c1', 's1'),
        cls('c9', 's404', { ...gone, courseSourcedId: 'nope', termSourcedIds: 'x' }),
      ],
      enrollments: [
        ...BASE.enrollments,
        enr('c1', 't9', 'teacher'),
        enr('c9', 'st1', 'student'),
        enr('c404', 'u404', 'student', gone),
      ],
      demographics: [{ sourcedId: 'st1', birthDate: '', ...gone }],
      courses: [{ sourcedId: 'k1' }],
      academicSessions: [{ sourcedId: 'a1' }],
    });
    expect(idsByRole(result)).toEqual({
      teacher: ['t1'],
      student: ['st1'],
      parent: ['p1', 'p2'],
      staff: ['u1'],
    });
    expect(Object.keys(classesOf(result))).toEqual(['c1']);
    expect(result.summary.totals.schools).toBe(3);
    expect(summary(result)).toEqual(['student-dob/missing st1']);
  });

  it('reports a class school that is an org of another type', async () => {
    const result = await district({ classes: [cls('c1', 'd1')] });
    expect(summary(result)).toEqual(['ref-unknown/not-a-school c1']);
    expect(result.findings.get(0).message).toContain('is an organisation of type district, not a school');
    expect(classesOf(result).c1.school).toBeNull();
  });

  it('does not check an orgs parentSourcedId (Remind never reads it)', async () => {
    const result = await district({ orgs: [...ORGS, org('s3', 'school', 'd9')] });
    expect(summary(result)).toEqual([]);
  });

  const referenceCases: Array<{ name: string; data: OneRosterData; expected: string[] }> = [
    {
      name: 'without courses.csv and academicSessions.csv, courses and terms are not checked',
      data: { classes: [cls('c1', 's1', { courseSourcedId: 'k9', termSourcedIds: 'a1,a9' })] },
      expected: [],
    },
    {
      name: 'an empty courseSourcedId is no missing ID: courses are not required',
      data: { classes: [cls('c1', 's1', { courseSourcedId: '' })] },
      expected: [],
    },
    {
      name: 'with courses.csv too, an empty courseSourcedId is fine',
      data: {
        classes: [cls('c1', 's1', { courseSourcedId: '' })],
        courses: [{ sourcedId: 'k1', orgSourcedId: 'd1' }],
      },
      expected: [],
    },
    {
      name: 'with courses.csv, an unknown courseSourcedId is reported',
      data: {
        classes: [cls('c1', 's1', { courseSourcedId: 'k9' })],
        courses: [{ sourcedId: 'k1', orgSourcedId: 'd1' }],
      },
      expected: ['ref-unknown c1'],
    },
    {
      name: 'with academicSessions.csv, each unknown term of the list is reported',
      data: {
        classes: [cls('c1', 's1', { termSourcedIds: 'a1,a8,a9' })],
        academicSessions: [{ sourcedId: 'a1' }, { sourcedId: 'a2', parentSourcedId: 'a7' }],
      },
      // a2's parentSourcedId a7 is not checked: Remind never reads a term's parent.
      expected: ['ref-unknown c1', 'ref-unknown c1'],
    },
  ];
  it.each(referenceCases)('$name', async ({ data, expected }) => {
    const result = await district(data);
    expect(summary(result)).toEqual(expected);
  });

  it('takes birth dates from demographics.csv, first row per student', async () => {
    const result = await district({
      demographics: [
        { sourcedId: 'st1', birthDate: '2012-01-05' },
        { sourcedId: 'st1', birthDate: '1999-09-09' },
        { sourcedId: 'x9', birthDate: '2012-01-05' },
      ],
    });
    expect(peopleOf(result).st1.dob).toBe('2012-01-05');
    expect(summary(result)).toEqual(['id-duplicate st1', 'ref-unknown demographics.csv']);
  });

  it('without demographics.csv: a non-blocking file-missing and every student without a birth date', async () => {
    const users = [...BASE.users, person('st2', { role: 'student', orgSourcedIds: 's2' })];
    const result = await district({ users }, { omit: ['demographics.csv'] });
    expect(summary(result)).toEqual([
      'file-missing/optional demographics.csv',
      'student-dob/missing st1',
      'student-dob/missing st2',
    ]);
    expect(result.summary.blocked).toBe(false);
  });

  it('counts phone and sms as phones, and a repeated sourcedId as a duplicate', async () => {
    const result = await district({
      users: [
        ...BASE.users,
        person('t2', { role: 'teacher', phone: '212-555-0100', sms: '(917) 555-0101', orgSourcedIds: 's1' }),
        person('t2', { role: 'student', orgSourcedIds: 's2' }),
      ],
    });
    expect(peopleOf(result).t2).toMatchObject({
      role: 'teacher',
      phones: ['212-555-0100', '(917) 555-0101'],
    });
    expect(summary(result)).toEqual(['id-duplicate t2']);
  });
});
