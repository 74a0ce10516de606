import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import { runRemind1, type GuardianRow } from '../../../tests/fixtures/rules/remind1.ts';
import {
  dataFindings,
  lines,
  parent,
  runRemind2,
  student,
  teacher,
  type UserRow,
} from '../../../tests/fixtures/rules/remind2.ts';

const CODES = ['teacher-email', 'parent-contact', 'parent-name', 'student-dob', 'device-in-use'];
const EMAIL = 'shared@home.org';
const PHONE = '212-234-5678';

describe('device-in-use (rules.md §6)', () => {
  it.each<[string, UserRow[], string[]]>([
    [
      'a teacher who lost a phone but kept the email',
      [teacher('t1', 't1@school.org', { phone: PHONE }), teacher('t0', 't0@school.org', { phone: PHONE })],
      ['device-in-use t1 → t0'],
    ],
    [
      'a teacher who lost the email: the error says it',
      [teacher('t1', EMAIL, { phone: PHONE }), teacher('t0', EMAIL, { phone: PHONE })],
      ['teacher-email/taken t1 → t0'],
    ],
    [
      'a parent who lost one of two devices',
      [teacher('t1', EMAIL), parent('p1', { email: EMAIL, phone: PHONE })],
      ['device-in-use p1 → t1'],
    ],
    [
      'a parent who lost both devices to two people',
      [teacher('t1', EMAIL), parent('p0', { phone: PHONE }), parent('p1', { email: EMAIL, phone: PHONE })],
      ['parent-contact/taken p1 → t1'],
    ],
    [
      'a student who lost the only device',
      [student('st1', { email: EMAIL }), parent('p1', { email: EMAIL })],
      ['device-in-use st1 → p1'],
    ],
    [
      'a student who lost both devices: one finding each',
      [student('st1', { email: EMAIL, phone: PHONE }), teacher('t1', EMAIL), parent('p1', { phone: PHONE })],
      ['device-in-use st1 → t1', 'device-in-use st1 → p1'],
    ],
    [
      'our reading: a parent without a name gets no account, so no alert',
      [teacher('t1', EMAIL), parent('p1', { email: EMAIL, phone: PHONE, last: '' })],
      ['parent-name/missing p1'],
    ],
    [
      'our reading: a student without a valid birth date gets no account, so no alert',
      [teacher('t1', EMAIL), student('st1', { email: EMAIL, dob: '' })],
      ['student-dob/missing st1'],
    ],
    ['staff never lose a device', [teacher('t1', EMAIL), { id: 'a1', role: 'counselor', email: EMAIL }], []],
    [
      'the winner gets no alert',
      [teacher('t1', EMAIL, { phone: PHONE }), parent('p1', { email: 'p1@home.org', phone: PHONE })],
      ['device-in-use p1 → t1'],
    ],
  ])('%s', async (_, users, expected) => {
    expect(await dataFindings(CODES, users)).toEqual(expected);
  });

  it('names the lost device as the loser wrote it, and who kept it', async () => {
    const result = await runRemind2([
      teacher('t1', EMAIL, { phone: '(212) 234-5678' }),
      parent('p1', { email: 'Shared@Home.org', phone: '1-212-234-5678' }),
      parent('p2', { email: 'p2@home.org', phone: '2122345678' }),
    ]);
    const found = findings(result, 'device-in-use').map((f) => [f.id, f.field, f.value, f.otherId]);
    expect(found).toEqual([['p2', 'phone', '2122345678', 't1']]);
    expect(lines(result, ['parent-contact'])).toEqual(['parent-contact/taken p1 → t1']);
    const [finding] = findings(result, 'device-in-use');
    expect(finding).toMatchObject({ severity: 'alert', entity: 'parent' });
    expect(finding.message).toBe("Pat Doe's phone 2122345678 is used by t1, who keeps it.");
  });

  it('reports a device once even when the loser wrote it twice', async () => {
    const result = await runRemind1([
      { id: 't0', email: 't0@school.org', phone: PHONE },
      { id: 't1', school: 's1', email: 't1@school.org', phone: '(212) 234-5678' },
      { id: 't1', school: 's2', email: 'T1@school.org', phone: '+1 212 234 5678' },
    ]);
    expect(lines(result, CODES)).toEqual(['device-in-use t1 → t0']);
  });

  // A guardian without an ID of its own (Remind CSV 1.0, Clever contacts without Contact_sis_id) has only
  // the ID we make up; the message names it by role, name, student and row instead (otherId stays).
  it.each<{ name: string; guardians: GuardianRow[]; code: string; otherId: string; message: string }>([
    {
      name: 'one name and email written with two phones: the keeper named by row, and the same-person hint',
      guardians: [
        { student: 's1', first: 'Kari', last: 'Upton', email: EMAIL, phone: PHONE },
        { student: 's2', first: 'Kari', last: 'Upton', email: EMAIL, phone: '212-234-9999' },
      ],
      code: 'device-in-use',
      otherId: 's1/Kari Upton',
      message:
        "Kari Upton's email shared@home.org is used by the contact Kari Upton of student s1, students.csv " +
        'row 2, who keeps it. If the two are the same person, write the same phone on both rows.',
    },
    {
      name: 'two guardians of another name sharing a phone: no hint',
      guardians: [
        { student: 's1', first: 'Kari', last: 'Upton', email: 'kari@home.org', phone: PHONE },
        { student: 's2', first: 'Lee', last: 'Upton', email: 'lee@home.org', phone: PHONE },
      ],
      code: 'device-in-use',
      otherId: 's1/Kari Upton',
      message:
        "Lee Upton's phone 212-234-5678 is used by the contact Kari Upton of student s1, students.csv row 2, " +
        'who keeps it.',
    },
    {
      name: 'a guardian who lost every device (parent-contact taken)',
      guardians: [
        { student: 's1', first: 'Kari', last: 'Upton', email: EMAIL, phone: PHONE },
        { student: 's2', first: 'Kari', last: 'Upton', email: EMAIL },
      ],
      code: 'parent-contact',
      otherId: 's1/Kari Upton',
      message:
        "Parent Kari Upton's contact shared@home.org is used by the contact Kari Upton of student s1, " +
        'students.csv row 2, who takes it. If the two are the same person, write the same phone on both rows.',
    },
  ])('$name', async ({ guardians, code, otherId, message }) => {
    const result = await runRemind1([], guardians);
    const found = findings(result, code).map((f) => ({ otherId: f.otherId, message: f.message }));
    expect(found).toEqual([{ otherId, message }]);
  });

  it('keeps the same-person hint when the name is isolated (right-to-left letters)', async () => {
    const result = await runRemind1(
      [],
      [
        { student: 's1', first: 'דנה', last: 'כהן', email: EMAIL, phone: PHONE },
        { student: 's2', first: 'דנה', last: 'כהן', email: EMAIL, phone: '212-234-9999' },
      ],
    );
    const [finding] = findings(result, 'device-in-use');
    expect(finding.message).toContain(
      '\u2068the contact דנה כהן of student s1, students.csv row 2\u2069, who',
    );
    expect(finding.message).toMatch(/write the same phone on both rows\.$/);
    expect(finding.message).not.toContain('\n');
  });
});
