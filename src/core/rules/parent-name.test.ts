import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import type { ValidationResult } from '../report/build.ts';
import { runClever, type ContactRow } from '../../../tests/fixtures/rules/clever.ts';
import { runRemind1, type GuardianRow } from '../../../tests/fixtures/rules/remind1.ts';
import { parent, runRemind2, type UserRow } from '../../../tests/fixtures/rules/remind2.ts';

const nameFindings = (result: ValidationResult) =>
  findings(result, 'parent-name').map((f) => `${f.reason} ${f.id} ${f.field}`);

describe('parent-name (rules.md §5)', () => {
  it.each<[string, UserRow, string[]]>([
    ['first and last name', parent('p1', { email: 'p@home.org' }), []],
    ['no first name', parent('p1', { email: 'p@home.org', first: '' }), ['missing p1 first_name']],
    ['no last name', parent('p1', { email: 'p@home.org', last: '' }), ['missing p1 last_name']],
    ['a blank last name', parent('p1', { email: 'p@home.org', last: '   ' }), ['missing p1 last_name']],
    [
      'no name at all: one finding',
      parent('p1', { email: 'p@home.org', first: '', last: '' }),
      ['missing p1 first_name'],
    ],
    ['no first name and no contact point', parent('p1', { first: '' }), ['missing p1 first_name']],
  ])('Remind CSV 2.0 parent with %s', async (_, user, expected) => {
    expect(nameFindings(await runRemind2([user]))).toEqual(expected);
  });

  it.each<[string, GuardianRow, string[]]>([
    ['first and last name', { student: 'st1', first: 'Ann', last: 'Roe', email: 'a@home.org' }, []],
    ['no first name', { student: 'st1', last: 'Roe', email: 'a@home.org' }, ['missing st1/ Roe first_name']],
    ['no last name', { student: 'st1', first: 'Ann', email: 'a@home.org' }, ['missing st1/Ann  last_name']],
  ])('Remind CSV 1.0 guardian with %s', async (_, guardian, expected) => {
    expect(nameFindings(await runRemind1([{ id: 't1', email: 't1@school.org' }], [guardian]))).toEqual(
      expected,
    );
  });

  it.each<[string, ContactRow, string[]]>([
    ['a contact name (one field is enough)', { student: 'st1', name: 'Ann', phone: '212-234-5678' }, []],
    ['no contact name', { student: 'st1', phone: '212-234-5678', sisId: 'c9' }, ['missing c9 name']],
    ['no contact name nor SIS ID', { student: 'st1', email: 'a@home.org' }, ['missing st1/ name']],
  ])('Clever contact with %s', async (_, contact, expected) => {
    expect(nameFindings(await runClever([contact]))).toEqual(expected);
  });

  it('leaves students and teachers without names alone', async () => {
    const result = await runRemind2([
      { id: 't1', role: 'teacher', email: 't@school.org', first: '', last: '' },
      { id: 'st1', role: 'student', first: '', last: '' },
    ]);
    expect(nameFindings(result)).toEqual([]);
  });

  it('says which name is missing', async () => {
    const [finding] = findings(
      await runRemind2([parent('p1', { email: 'p@home.org', last: '' })]),
      'parent-name',
    );
    expect(finding).toMatchObject({ severity: 'error', entity: 'parent', reason: 'missing' });
    expect(finding.message).toBe('Parent p1 has no last name.');
  });
});
