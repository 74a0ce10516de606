import { describe, expect, it } from 'vitest';
import { DeviceClaims } from '../devices/claims.ts';
import { getsAccount } from './account.ts';
import { parent, runRemind2, student, teacher, type UserRow } from '../../../tests/fixtures/rules/remind2.ts';

const TODAY = { year: 2026, month: 11, day: 28 };

describe('getsAccount: no error rule fires for the person', () => {
  it.each<[string, UserRow[], boolean]>([
    ['a teacher with an email of their own', [teacher('x')], true],
    ['a teacher without email', [teacher('x', '')], false],
    ['a teacher whose email was taken', [teacher('x', 'a@school.org'), teacher('a', 'a@school.org')], false],
    [
      'a teacher who lost only a phone',
      [teacher('x', 'x@s.org', { phone: '2122345678' }), teacher('a', 'a@s.org', { phone: '2122345678' })],
      true,
    ],
    ['a parent with a phone', [parent('x', { phone: '2122345678' })], true],
    ['a parent without a last name', [parent('x', { phone: '2122345678', last: '' })], false],
    ['a parent with only an unsupported phone', [parent('x', { phone: '8092345678' })], false],
    [
      'a parent whose devices were all taken',
      [parent('x', { email: 'a@h.org' }), teacher('a', 'a@h.org')],
      false,
    ],
    ['a student with a birth date', [student('x')], true],
    ['a student who lost every device', [student('x', { email: 'a@h.org' }), teacher('a', 'a@h.org')], true],
    ['a student with a two-digit year', [student('x', { dob: '1/5/12' })], false],
    ['staff', [{ id: 'x', role: 'aide', email: 'x@school.org' }], false],
  ])('%s → %s', async (_, users, expected) => {
    const { roster } = await runRemind2(users);
    const index = roster.findPerson('x');
    const devices = new DeviceClaims(roster).devices(index);
    expect(getsAccount(roster.people, index, devices, TODAY)).toBe(expected);
  });
});
