/**
 * OneRoster vocabulary values written in another letter case (`toBeDeleted`, `TRUE`, `Student`,
 * `School`) are read as the binding's own values: the adapter normalises them, no finding is made.
 */
import { describe, expect, it } from 'vitest';
import { run, summary } from '../../../tests/helpers.ts';
import { classesOf, peopleOf } from '../../../tests/fixtures/roster-view.ts';
import { cls, enr, oneRoster, org, person, type OneRosterData } from '../../../tests/fixtures/oneroster.ts';

const district = (layout: '1.1' | '1.2', data: OneRosterData, version?: string) =>
  run(oneRoster(layout, data, version ? { version } : {}));

describe('OneRoster values in other letter cases', () => {
  it.each(['school', 'School', 'SCHOOL'])('org type %s is a school', async (type) => {
    const result = await district('1.1', {
      orgs: [org('d1', 'District'), org('s1', type, 'd1')],
      users: [person('t1', { role: 'teacher', orgSourcedIds: 's1', enabledUser: 'TRUE' })],
      classes: [cls('c1', 's1')],
      enrollments: [enr('c1', 't1', 'teacher', { primary: 'TRUE' })],
    });
    expect(result.roster.schools.map((s) => s.id)).toEqual(['s1']);
    expect(classesOf(result).c1.school).toBe('s1');
    expect(summary(result, 'ref-unknown')).toEqual([]);
    expect(summary(result, 'file-empty')).toEqual([]);
  });

  it.each<[string, string]>([
    ['Teacher', 'teacher'],
    ['STUDENT', 'student'],
    ['Student', 'student'],
    ['Guardian', 'parent'],
    ['Parent', 'parent'],
    ['Administrator', 'staff'],
  ])('users.csv role %s is %s (1.1), and roles.csv role %s the same (1.2)', async (written, role) => {
    const v11 = await district('1.1', {
      orgs: [org('s1')],
      users: [person('u1', { role: written, orgSourcedIds: 's1', enabledUser: 'True' })],
    });
    expect(peopleOf(v11).u1.role).toBe(role);
    const v12 = await district('1.2', {
      orgs: [org('s1')],
      users: [person('u1', { enabledUser: 'FALSE' })],
      roles: [
        { sourcedId: 'r1', userSourcedId: 'u1', roleType: 'Primary', role: written, orgSourcedId: 's1' },
      ],
    });
    expect(peopleOf(v12).u1.role).toBe(role);
  });

  it('enrollment roles Teacher and STUDENT put the teacher and the student in the class', async () => {
    const result = await district('1.1', {
      orgs: [org('s1')],
      users: [
        person('t1', { role: 'teacher', orgSourcedIds: 's1' }),
        person('st1', { role: 'student', orgSourcedIds: '' }),
      ],
      classes: [cls('c1', 's1')],
      enrollments: [enr('c1', 't1', 'Teacher'), enr('c1', 'st1', 'STUDENT')],
    });
    expect(classesOf(result).c1.teachers).toEqual(['t1']);
    expect(peopleOf(result).st1.schools).toEqual(['s1']);
  });

  it.each(['tobedeleted', 'toBeDeleted', 'TOBEDELETED'])('status %s removes the record', async (status) => {
    const result = await district('1.1', {
      orgs: [org('s1')],
      users: [
        person('t1', { role: 'teacher', orgSourcedIds: 's1' }),
        person('t2', { role: 'teacher', status }),
      ],
      classes: [cls('c1', 's1'), cls('c2', 's1', { status })],
      enrollments: [enr('c1', 't1', 'teacher'), enr('c1', 't2', 'teacher', { status })],
    });
    expect(Object.keys(peopleOf(result))).toEqual(['t1']);
    expect(Object.keys(classesOf(result))).toEqual(['c1']);
    expect(summary(result, 'ref-unknown')).toEqual([]);
  });
});
