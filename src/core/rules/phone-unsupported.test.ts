import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import type { ValidationResult } from '../report/build.ts';
import { runOneRoster, type OneRosterUser } from '../../../tests/fixtures/rules/oneroster.ts';
import { runRemind1 } from '../../../tests/fixtures/rules/remind1.ts';
import { parent, runRemind2, student, teacher, type UserRow } from '../../../tests/fixtures/rules/remind2.ts';

const unsupported = (result: ValidationResult) =>
  findings(result, 'phone-unsupported').map((f) => `${f.id} ${f.value}`);

describe('phone-unsupported (rules.md §6)', () => {
  it.each<[string, UserRow[], string[]]>([
    ['a supported phone', [parent('p1', { phone: '212-234-5678' })], []],
    ['a teacher', [teacher('t1', 't1@school.org', { phone: '+44 20 7946 0958' })], ['t1 +44 20 7946 0958']],
    ['a student', [student('st1', { phone: '876-210-1234' })], ['st1 876-210-1234']],
    ['a parent', [parent('p1', { email: 'p1@home.org', phone: '242-359-1234' })], ['p1 242-359-1234']],
    ['too few digits', [parent('p1', { email: 'p1@home.org', phone: '234-5678' })], ['p1 234-5678']],
    ['"N/A"', [parent('p1', { email: 'p1@home.org', phone: 'N/A' })], ['p1 N/A']],
    ['staff are not judged', [{ id: 'a1', role: 'aide', phone: '809-234-5678' }], []],
    [
      'two people with the same number: one each, no conflict',
      [
        parent('p1', { email: 'p1@home.org', phone: '809-234-5678' }),
        parent('p2', { email: 'p2@home.org', phone: '(809) 234-5678' }),
      ],
      ['p1 809-234-5678', 'p2 (809) 234-5678'],
    ],
  ])('%s', async (_, users, expected) => {
    expect(unsupported(await runRemind2(users))).toEqual(expected);
  });

  it.each<[string, OneRosterUser, string[]]>([
    [
      'the same number as phone and sms: one finding',
      { id: 'p1', role: 'parent', email: 'p1@home.org', phone: '809-234-5678', sms: '+1 (809) 234-5678' },
      ['p1 809-234-5678'],
    ],
    [
      'the same foreign number in two layouts: one finding',
      {
        id: 'p1',
        role: 'parent',
        email: 'p1@home.org',
        phone: '+44 20 7946 0958',
        sms: '+44 (0)20 7946 0958',
      },
      ['p1 +44 20 7946 0958'],
    ],
    [
      'two different numbers: one finding each',
      { id: 'p1', role: 'parent', email: 'p1@home.org', phone: '809-234-5678', sms: '+44 20 7946 0958' },
      ['p1 +44 20 7946 0958', 'p1 809-234-5678'],
    ],
    [
      'one supported and one unsupported',
      { id: 'p1', role: 'parent', phone: '212-234-5678', sms: '868-291-1234' },
      ['p1 868-291-1234'],
    ],
  ])('OneRoster %s', async (_, user, expected) => {
    expect(unsupported(await runOneRoster([user]))).toEqual(expected);
  });

  it('counts a number a teacher writes on two rows once', async () => {
    const result = await runRemind1([
      { id: 't1', school: 's1', email: 't1@school.org', phone: '1-809-234-5678' },
      { id: 't1', school: 's2', email: 't1@school.org', phone: '809.234.5678' },
    ]);
    expect(unsupported(result)).toEqual(['t1 1-809-234-5678']);
  });

  it('is an alert naming the phone as written', async () => {
    const [finding] = findings(
      await runRemind2([student('st1', { phone: '+52 55 1234 5678' })]),
      'phone-unsupported',
    );
    expect(finding).toMatchObject({ severity: 'alert', entity: 'student', field: 'phone' });
    expect(finding.message).toBe(
      'Pat Doe\'s phone "+52 55 1234 5678" cannot be texted: it is a number of another country (Mexico), not of the US, its territories or Canada.',
    );
  });
});

describe('phone-unsupported reasons (rules.md §6)', () => {
  it.each<[string, string, string]>([
    [
      '+44 20 7946 0958',
      'other-country',
      'it is a number of another country (United Kingdom), not of the US, its territories or Canada',
    ],
    [
      '242-359-1234',
      'other-country',
      'it is a number of another country (Bahamas), not of the US, its territories or Canada',
    ],
    [
      '1-809-234-5678',
      'other-country',
      'it is a number of another country (Dominican Republic), not of the US, its territories or Canada',
    ],
    [
      '876-210-1234',
      'other-country',
      'it is a number of another country (Jamaica), not of the US, its territories or Canada',
    ],
    [
      '+44 20 7946',
      'other-country',
      'it is a number of another country (country code +44), not of the US or Canada',
    ],
    // Area codes of +1 countries none of whose numbers the sample exchanges hit (Clever's sample has 767).
    [
      '767-828-3650 x485',
      'other-country',
      'it is a number of another country (Dominica), not of the US, its territories or Canada',
    ],
    [
      '264-000-1234',
      'other-country',
      'it is a number of another country (Anguilla), not of the US, its territories or Canada',
    ],
    [
      '664-000-1234',
      'other-country',
      'it is a number of another country (Montserrat), not of the US, its territories or Canada',
    ],
    [
      '721-000-1234',
      'other-country',
      'it is a number of another country (Sint Maarten), not of the US, its territories or Canada',
    ],
    // American Samoa and Guam are supported: their area codes are in use, the exchange is not.
    [
      '684-000-1234',
      'not-in-use',
      'it has ten digits, but its exchange 000 (the three digits after the area code) is not in use',
    ],
    [
      '671-000-1234',
      'not-in-use',
      'it has ten digits, but its exchange 000 (the three digits after the area code) is not in use',
    ],
    ['+999 123 4567', 'other-country', 'its country code is not one in use'],
    ['837-504-5419', 'not-in-use', 'it has ten digits, but its area code 837 is not in use'],
    ['(950) 336 6601', 'not-in-use', 'it has ten digits, but its area code 950 is not in use'],
    [
      '212-123-4567',
      'not-in-use',
      'it has ten digits, but its exchange 123 (the three digits after the area code) is not in use',
    ],
    [
      '234-5678',
      'wrong-length',
      'it has 7 digits, where a US or Canadian number has 10 (area code included)',
    ],
    [
      '212-555-01345',
      'wrong-length',
      'it has 11 digits, where a US or Canadian number has 10 (area code included)',
    ],
    ['N/A', 'wrong-length', 'it has no digits'],
  ])('%s → %s', async (phone, reason, why) => {
    const [finding] = findings(await runRemind2([student('st1', { phone })]), 'phone-unsupported');
    expect(finding.reason).toBe(reason);
    expect(finding.message).toBe(`Pat Doe's phone "${phone}" cannot be texted: ${why}.`);
    expect(finding.message).not.toContain(reason === 'other-country' ? 'digits' : 'not of the US');
  });
});
