import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import {
  dataFindings,
  parent,
  runRemind2,
  student,
  teacher,
  type UserRow,
} from '../../../tests/fixtures/rules/remind2.ts';

const CODES = ['parent-contact', 'device-in-use', 'phone-unsupported'];
const US = '212-234-5678';
const DOMINICAN = '809-234-5678';

describe('parent-contact (rules.md §5, §6)', () => {
  it.each<[string, UserRow[], string[]]>([
    ['a valid email', [parent('p1', { email: 'p1@home.org' })], []],
    ['a supported phone only', [parent('p1', { phone: US })], []],
    ['neither email nor phone', [parent('p1')], ['parent-contact/missing p1']],
    ['an invalid email only', [parent('p1', { email: 'p1@home' })], ['parent-contact/invalid p1']],
    [
      'only an unsupported phone and no valid email: both findings',
      [parent('p1', { phone: DOMINICAN })],
      ['parent-contact/invalid p1', 'phone-unsupported/other-country p1'],
    ],
    [
      'an invalid email and an unsupported phone',
      [parent('p1', { email: 'p1@', phone: '+44 20 7946 0958' })],
      ['parent-contact/invalid p1', 'phone-unsupported/other-country p1'],
    ],
    [
      '"N/A" as phone: written, so invalid',
      [parent('p1', { phone: 'N/A' })],
      ['parent-contact/invalid p1', 'phone-unsupported/wrong-length p1'],
    ],
    ['an invalid email and a supported phone', [parent('p1', { email: 'p1@home', phone: US })], []],
    [
      'a valid email and an unsupported phone: the account is created',
      [parent('p1', { email: 'p1@home.org', phone: DOMINICAN })],
      ['phone-unsupported/other-country p1'],
    ],
    [
      'the only email lost to a teacher',
      [teacher('t1', 'shared@home.org'), parent('p1', { email: 'shared@home.org' })],
      ['parent-contact/taken p1 → t1'],
    ],
    [
      'the only phone lost to another parent with a smaller ID',
      [parent('p2', { phone: US }), parent('p1', { email: 'p1@home.org', phone: '(212) 234-5678' })],
      ['parent-contact/taken p2 → p1'],
    ],
    [
      'one of two devices lost: an alert, no error',
      [teacher('t1', 'shared@home.org'), parent('p1', { email: 'shared@home.org', phone: US })],
      ['device-in-use p1 → t1'],
    ],
    [
      'both devices lost: taken, and no device-in-use',
      [
        teacher('t1', 'shared@home.org'),
        parent('p0', { phone: US }),
        parent('p1', { email: 'shared@home.org', phone: US }),
      ],
      ['parent-contact/taken p1 → t1'],
    ],
    [
      'a lost email and an unsupported phone: taken, and the phone alert',
      [teacher('t1', 'shared@home.org'), parent('p1', { email: 'shared@home.org', phone: DOMINICAN })],
      ['parent-contact/taken p1 → t1', 'phone-unsupported/other-country p1'],
    ],
    [
      'a student never takes a parent’s device',
      [student('a0', { email: 'shared@home.org' }), parent('p1', { email: 'shared@home.org' })],
      ['device-in-use a0 → p1'],
    ],
  ])('%s', async (_, users, expected) => {
    expect(await dataFindings(CODES, users)).toEqual(expected);
  });

  it.each<[string, UserRow[], Record<string, unknown>]>([
    ['missing', [parent('p1')], { field: null, value: null, otherId: null }],
    ['invalid', [parent('p1', { email: 'p1@home', phone: DOMINICAN })], { field: 'email', value: 'p1@home' }],
    [
      'taken',
      [
        teacher('t1', 'shared@home.org'),
        parent('p1', { email: 'x@', phone: '(212) 234-5678' }),
        parent('p0', { phone: US }),
      ],
      { field: 'phone', value: '(212) 234-5678', otherId: 'p0' },
    ],
  ])('reports %s with the contact point it is about', async (reason, users, fields) => {
    const [finding] = findings(await runRemind2(users), 'parent-contact');
    expect(finding).toMatchObject({ reason, id: 'p1', entity: 'parent', severity: 'error', ...fields });
  });
});
