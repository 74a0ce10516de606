import { describe, expect, it } from 'vitest';
import { Person, type Role } from '../model/roster.ts';
import {
  dataFindings,
  lines,
  parent,
  runRemind2,
  student,
  teacher,
  type UserRow,
} from '../../../tests/fixtures/rules/remind2.ts';
import { runRemind1 } from '../../../tests/fixtures/rules/remind1.ts';
import { runOneRoster } from '../../../tests/fixtures/rules/oneroster.ts';
import { beats, DeviceClaims } from './claims.ts';

const CONFLICT_CODES = ['teacher-email', 'parent-contact', 'device-in-use'];
const SHARED = 'shared@home.org';
const PHONE = '(212) 234-5678';
const staff = (id: string, more: Partial<UserRow> = {}): UserRow => ({ id, role: 'aide', ...more });

describe('who gets a shared device (rules.md §4)', () => {
  it.each<[string, UserRow[], string[]]>([
    [
      'teacher beats parent: the parent loses its only device',
      [teacher('t1', SHARED), parent('p1', { email: SHARED })],
      ['parent-contact/taken p1 → t1'],
    ],
    [
      'teacher beats student, whatever the IDs',
      [student('a1', { email: SHARED }), teacher('z9', SHARED)],
      ['device-in-use a1 → z9'],
    ],
    [
      'parent beats student',
      [student('a1', { email: SHARED }), parent('z9', { email: SHARED })],
      ['device-in-use a1 → z9'],
    ],
    [
      'same role: the smallest ID by string order ("T10" < "T9")',
      [teacher('T9', SHARED), teacher('T10', SHARED)],
      ['teacher-email/taken T9 → T10'],
    ],
    [
      'same role, parents: "p10" < "p2"',
      [parent('p2', { email: SHARED }), parent('p10', { email: SHARED })],
      ['parent-contact/taken p2 → p10'],
    ],
    [
      'same role, students: upper case sorts before lower case',
      [student('s1', { email: SHARED }), student('S2', { email: SHARED })],
      ['device-in-use s1 → S2'],
    ],
    [
      'three claimants: both losers name the winner',
      [student('st1', { email: SHARED }), parent('p1', { email: SHARED }), teacher('t1', SHARED)],
      ['parent-contact/taken p1 → t1', 'device-in-use st1 → t1'],
    ],
    [
      'emails compare lower-cased and trimmed',
      [teacher('t1', ' Shared@Home.ORG'), teacher('t2', 'shared@home.org ')],
      ['teacher-email/taken t2 → t1'],
    ],
    [
      'phones compare by E.164, whatever the layout',
      [teacher('t1', 't1@school.org', { phone: PHONE }), parent('p1', { phone: '1-212-234-5678' })],
      ['parent-contact/taken p1 → t1'],
    ],
    ['staff never claim: the teacher keeps it', [staff('a0', { email: SHARED }), teacher('t1', SHARED)], []],
    [
      'staff never claim: the student keeps it',
      [staff('a0', { email: SHARED }), student('st1', { email: SHARED })],
      [],
    ],
    [
      'two staff sharing an email is no conflict',
      [staff('a1', { email: SHARED }), staff('a2', { email: SHARED })],
      [],
    ],
    [
      'invalid emails are no devices: nobody takes them',
      [teacher('t1', 'shared@home'), teacher('t2', 'shared@home')],
      ['teacher-email/invalid t1', 'teacher-email/invalid t2'],
    ],
    [
      'unsupported phones are no devices: nobody takes them',
      [
        parent('p1', { email: 'p1@home.org', phone: '809-234-5678' }),
        parent('p2', { phone: '809-234-5678' }),
      ],
      ['parent-contact/invalid p2'],
    ],
  ])('%s', async (_, users, expected) => {
    expect(await dataFindings(CONFLICT_CODES, users)).toEqual(expected);
  });

  it('is no conflict when one person lists the same email twice (one row per school)', async () => {
    const result = await runRemind1([
      { id: 't1', school: 's1', email: 'ada@school.org', phone: PHONE },
      { id: 't1', school: 's2', email: 'ADA@school.org', phone: '212.234.5678' },
    ]);
    expect(lines(result, CONFLICT_CODES)).toEqual([]);
    const t1 = result.roster.findPerson('t1');
    const devices = new DeviceClaims(result.roster).devices(t1);
    expect(devices.emails.map((e) => [e.key, e.lostTo])).toEqual([['ada@school.org', -1]]);
    expect(devices.phones.map((p) => [p.key, p.lostTo])).toEqual([['+12122345678', -1]]);
  });

  it('is no conflict when a OneRoster user writes the same number as phone and sms', async () => {
    const result = await runOneRoster([{ id: 'p1', role: 'parent', phone: PHONE, sms: '+1 212 234 5678' }]);
    expect(lines(result, [...CONFLICT_CODES, 'phone-unsupported'])).toEqual([]);
  });

  it('records the winner of each shared device by person index', async () => {
    const result = await runRemind2([
      parent('p1', { email: SHARED, phone: PHONE }),
      teacher('t1', SHARED),
      student('st1', { phone: '2122345678' }),
    ]);
    const claims = new DeviceClaims(result.roster);
    const index = (id: string) => result.roster.findPerson(id);
    const st1 = claims.devices(index('st1'));
    expect(st1.phones.map((p) => [p.key, p.lostTo])).toEqual([['+12122345678', index('p1')]]);
    const p1 = claims.devices(index('p1'));
    expect(p1.emails.map((e) => [e.key, e.lostTo])).toEqual([[SHARED, index('t1')]]);
    expect(p1.phones.map((p) => [p.key, p.lostTo])).toEqual([['+12122345678', -1]]);
    const t1 = claims.devices(index('t1'));
    expect(t1.emails.map((e) => [e.key, e.lostTo])).toEqual([[SHARED, -1]]);
  });
});

describe('beats', () => {
  const person = (id: string, role: Role) => new Person(id, role, 0, 2);
  it.each<[string, Role, string, Role, boolean]>([
    ['z', 'teacher', 'a', 'parent', true],
    ['z', 'parent', 'a', 'student', true],
    ['a', 'student', 'z', 'parent', false],
    ['T10', 'teacher', 'T9', 'teacher', true],
    ['T9', 'teacher', 'T10', 'teacher', false],
    ['B', 'parent', 'a', 'parent', true],
    ['10', 'student', '9', 'student', true],
  ])('%s (%s) beats %s (%s): %s', (a, ra, b, rb, expected) => {
    expect(beats(person(a, ra), person(b, rb))).toBe(expected);
  });
});
