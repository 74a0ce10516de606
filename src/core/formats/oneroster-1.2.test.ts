import { describe, expect, it } from 'vitest';
import { run, summary } from '../../../tests/helpers.ts';
import { classesOf, peopleOf } from '../../../tests/fixtures/roster-view.ts';
import {
  cls,
  enr,
  oneRoster,
  org,
  person,
  type OneRosterData,
  type Values,
} from '../../../tests/fixtures/oneroster.ts';

const ORGS = [org('d1', 'district'), org('s1', 'school', 'd1'), org('s2', 'school', 'd1')];
const role = (userSourcedId: string, roleName: string, orgSourcedId = 's1', extra: Values = {}) => ({
  sourcedId: `r-${userSourcedId}-${roleName}-${orgSourcedId}`,
  userSourcedId,
  roleType: 'primary',
  role: roleName,
  orgSourcedId,
  ...extra,
});
const BASE: OneRosterData = {
  orgs: ORGS,
  users: [person('t1'), person('st1'), person('p1', { agentSourcedIds: 'st1' })],
  roles: [role('t1', 'teacher'), role('st1', 'student'), role('p1', 'parent')],
  classes: [cls('c1', 's1')],
  enrollments: [enr('c1', 't1', 'teacher'), enr('c1', 'st1', 'student')],
  demographics: [{ sourcedId: 'st1', birthDate: '2012-01-05' }],
};
const district = (data: OneRosterData = {}, users22 = false) =>
  run(oneRoster('1.2', { ...BASE, ...data }, { users22 }));

describe('OneRoster version detection', () => {
  const cases = [
    { name: 'manifest 1.1', layout: '1.1', version: '1.1', expected: 'oneroster-1.1' },
    { name: 'manifest 1.2', layout: '1.2', version: '1.2', expected: 'oneroster-1.2' },
    { name: 'manifest 1.2.1', layout: '1.2', version: '1.2.1', expected: 'oneroster-1.2' },
    { name: 'no manifest, users.csv with role', layout: '1.1', version: null, expected: 'oneroster-1.1' },
    { name: 'no manifest, users.csv without role', layout: '1.2', version: null, expected: 'oneroster-1.2' },
  ] as const;
  it.each(cases)('$name → $expected', async ({ layout, version, expected }) => {
    const users =
      layout === '1.1' ? [person('t1', { role: 'teacher', orgSourcedIds: 's1' })] : [person('t1')];
    const result = await run(
      oneRoster(layout, { orgs: ORGS, users, roles: [role('t1', 'teacher')] }, { version }),
    );
    expect(result.summary.format.id).toBe(expected);
    const missing = summary(result, 'file-missing');
    expect(missing).toEqual(version === null ? ['file-missing/required manifest.csv'] : []);
    expect(summary(result, 'header-missing')).toEqual([]);
  });

  it('follows the manifest over the users.csv header', async () => {
    const files = oneRoster('1.2', { orgs: ORGS, users: [person('t1')] }, { version: '1.1' });
    const result = await run(files);
    expect(result.summary.format.id).toBe('oneroster-1.1');
    expect([...new Set(summary(result, 'header-missing'))]).toEqual(['header-missing users.csv']);
  });
});

describe('OneRoster 1.2 adapter', () => {
  it.each([
    { columns: 23, users22: false },
    { columns: 22, users22: true },
  ])('reads the $columns-column users.csv without findings', async ({ users22 }) => {
    const result = await district({}, users22);
    expect(result.summary.format.id).toBe('oneroster-1.2');
    expect(summary(result)).toEqual([]);
    expect(classesOf(result).c1.teachers).toEqual(['t1']);
    expect(peopleOf(result).p1).toMatchObject({ role: 'parent', students: ['st1'], schools: ['s1'] });
    expect(peopleOf(result).st1.dob).toBe('2012-01-05');
  });

  const roleCases = [
    {
      name: 'student then teacher',
      roles: [
        ['student', 's1'],
        ['teacher', 's2'],
      ],
      expected: 'teacher',
      schools: ['s1', 's2'],
    },
    {
      name: 'teacher then student',
      roles: [
        ['teacher', 's1'],
        ['student', 's2'],
      ],
      expected: 'teacher',
      schools: ['s1', 's2'],
    },
    {
      name: 'parent and student',
      roles: [
        ['student', 's1'],
        ['parent', 's1'],
      ],
      expected: 'parent',
      schools: ['s1'],
    },
    {
      name: 'aide and student',
      roles: [
        ['aide', 's1'],
        ['student', 's2'],
      ],
      expected: 'student',
      schools: ['s1', 's2'],
    },
    {
      name: 'guardian and relative',
      roles: [
        ['guardian', 's1'],
        ['relative', 's2'],
      ],
      expected: 'parent',
      schools: ['s1', 's2'],
    },
    { name: 'administrator only', roles: [['administrator', 's1']], expected: 'staff', schools: ['s1'] },
    {
      name: 'teacher of the district org only',
      roles: [['teacher', 'd1']],
      expected: 'teacher',
      schools: [],
    },
    { name: 'no roles row', roles: [], expected: 'staff', schools: [] },
  ];
  it.each(roleCases)(
    'takes the highest role and every school: $name',
    async ({ roles, expected, schools }) => {
      const result = await district({
        users: [...BASE.users!, person('u1')],
        roles: [...BASE.roles!, ...roles.map(([r, o]) => role('u1', r, o))],
      });
      expect(peopleOf(result).u1).toMatchObject({ role: expected, schools });
      expect(summary(result, 'ref-unknown')).toEqual([]);
    },
  );

  it('skips tobedeleted roles rows', async () => {
    const result = await district({
      users: [...BASE.users!, person('u1')],
      roles: [
        ...BASE.roles!,
        role('u1', 'student', 's1'),
        role('u1', 'teacher', 's2', { status: 'tobedeleted' }),
      ],
    });
    expect(peopleOf(result).u1).toMatchObject({ role: 'student', schools: ['s1'] });
  });

  it('reports roles rows for unknown users or orgs', async () => {
    const result = await district({
      roles: [...BASE.roles!, role('x9', 'student'), role('st1', 'student', 's9')],
    });
    expect(summary(result)).toEqual(['ref-unknown roles.csv', 'ref-unknown roles.csv']);
    expect([...result.findings].map((f) => f.value)).toEqual(['x9', 's9']);
  });

  it('links agents by the roles from roles.csv, whichever side lists the other', async () => {
    const result = await district({
      users: [
        person('t1'),
        person('st1', { agentSourcedIds: 'g1' }),
        person('g1'),
        person('st2', { agentSourcedIds: 't1' }),
      ],
      roles: [
        role('t1', 'teacher'),
        role('st1', 'student'),
        role('g1', 'guardian', 'd1'),
        role('st2', 'student', 's2'),
      ],
      demographics: [
        { sourcedId: 'st1', birthDate: '2012-01-05' },
        { sourcedId: 'st2', birthDate: '2012-01-05' },
      ],
    });
    const people = peopleOf(result);
    expect(people.g1).toMatchObject({ role: 'parent', students: ['st1'], schools: ['s1'] });
    expect(people.t1.students).toEqual([]);
  });

  it('requires roles.csv', async () => {
    const files = oneRoster('1.2', BASE);
    delete files['roles.csv'];
    const result = await run(files);
    expect(result.summary.format.id).toBe('oneroster-1.2');
    expect(summary(result, 'file-missing')).toEqual(['file-missing/required roles.csv']);
    expect(result.summary.blocked).toBe(true);
  });
});
