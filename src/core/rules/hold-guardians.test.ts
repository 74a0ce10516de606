import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import { runClever } from '../../../tests/fixtures/rules/clever.ts';
import { parent, runRemind2, student, type UserRow } from '../../../tests/fixtures/rules/remind2.ts';

const parents = (n: number, children: string, prefix = 'p'): UserRow[] =>
  Array.from({ length: n }, (_, i) =>
    parent(`${prefix}${i + 1}`, { email: `${prefix}${i + 1}@home.org`, children }),
  );
const holds = async (users: UserRow[]) =>
  findings(await runRemind2(users), 'hold-guardians').map((f) => `${f.id} ${f.value}`);

describe('hold-guardians (rules.md §7)', () => {
  it.each<[string, UserRow[], string[]]>([
    ['five parents: no hold', [student('st1'), ...parents(5, 'st1')], []],
    ['six parents: a hold', [student('st1'), ...parents(6, 'st1')], ['st1 6']],
    ['seven parents: one hold', [student('st1'), ...parents(7, 'st1')], ['st1 7']],
    [
      'a parent listing the same child twice counts once',
      [student('st1'), ...parents(5, 'st1'), parent('p9', { email: 'p9@home.org', children: 'st1;st1' })],
      ['st1 6'],
    ],
    [
      'parents shared by two children count for each',
      [student('st1'), student('st2'), ...parents(6, 'st1,st2')],
      ['st1 6', 'st2 6'],
    ],
    [
      'six parents across two children, five each: no hold',
      [student('st1'), student('st2'), ...parents(5, 'st1', 'a'), ...parents(1, 'st2', 'b')],
      [],
    ],
  ])('%s', async (_, users, expected) => {
    expect(await holds(users)).toEqual(expected);
  });

  it('is a district hold, counted apart from the schools', async () => {
    const result = await runRemind2([student('st1'), ...parents(6, 'st1')]);
    const [finding] = findings(result, 'hold-guardians');
    expect(finding).toMatchObject({ severity: 'hold', entity: 'student', schools: [] });
    expect(finding.message).toBe('Student Pat Doe is linked to 6 parents.');
    expect(result.summary.hold).toEqual({ 'hold-guardians': 1 });
    expect(result.summary.totals.hold).toBe(1);
    expect(
      result.summary.schools.every((s) => !('hold-guardians' in s.error) && !('hold-guardians' in s.alert)),
    ).toBe(true);
  });

  it.each([
    [5, []],
    [6, ['st1 6']],
  ])('counts Clever contacts: %i contacts', async (n, expected) => {
    const contacts = Array.from({ length: n }, (_, i) => ({
      student: 'st1',
      name: `C${i}`,
      phone: `212-234-56${i}0`,
    }));
    const result = await runClever(contacts);
    expect(findings(result, 'hold-guardians').map((f) => `${f.id} ${f.value}`)).toEqual(expected);
  });
});
