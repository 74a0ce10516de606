import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import { runRemind1, type TeacherRow } from '../../../tests/fixtures/rules/remind1.ts';
import { lines } from '../../../tests/fixtures/rules/remind2.ts';

const CODES = ['teacher-email', 'device-in-use'];

// Remind CSV 1.0: a teacher has one row per school; only the first row's email counts (record-conflict).
describe('teacher-email (rules.md §5)', () => {
  it.each<[string, TeacherRow[], string[]]>([
    ['a valid email of their own', [{ id: 't1', email: 'ada@school.org' }], []],
    ['no email written', [{ id: 't1' }], ['teacher-email/missing t1']],
    ['a phone but no email', [{ id: 't1', phone: '212-234-5678' }], ['teacher-email/missing t1']],
    ['an invalid email', [{ id: 't1', email: 'ada@school' }], ['teacher-email/invalid t1']],
    ['"N/A" as email', [{ id: 't1', email: 'N/A' }], ['teacher-email/invalid t1']],
    [
      'the only email lost to another teacher',
      [
        { id: 't2', email: 'ada@school.org' },
        { id: 't1', email: 'Ada@School.org' },
      ],
      ['teacher-email/taken t2 → t1'],
    ],
    [
      'a lost phone does not matter here: the email is kept',
      [
        { id: 't1', email: 'a@school.org', phone: '212-234-5678' },
        { id: 't0', email: 'b@school.org', phone: '(212) 234-5678' },
      ],
      ['device-in-use t1 → t0'],
    ],
  ])('%s', async (_, teachers, expected) => {
    expect(lines(await runRemind1(teachers), CODES)).toEqual(expected);
  });

  it.each<[string, TeacherRow[], string[]]>([
    [
      'an invalid email first, a valid one on the next school’s row: the first counts',
      [
        { id: 't1', email: 'ada', school: 's1' },
        { id: 't1', email: 'ada@school.org', school: 's2' },
      ],
      ['teacher-email/invalid t1'],
    ],
    [
      'a lost email first, another on the next school’s row: still taken',
      [
        { id: 't2', email: 'ada@school.org', school: 's1' },
        { id: 't2', email: 'ada.l@school.org', school: 's2' },
        { id: 't1', email: 'ada@school.org' },
      ],
      ['teacher-email/taken t2 → t1'],
    ],
  ])('%s (rules.md §9 record-conflict)', async (_, teachers, expected) => {
    const result = await runRemind1(teachers, [], { allowFormatting: true });
    expect(lines(result, CODES)).toEqual(expected);
    expect(findings(result, 'record-conflict').map((f) => [f.id, f.field])).toEqual([
      [teachers[0].id, 'teacher_email'],
    ]);
  });

  it.each([
    ['missing', [{ id: 't1' }], null, null],
    ['invalid', [{ id: 't1', email: 'ada@school' }], 'ada@school', null],
    [
      'taken',
      [
        { id: 't2', email: 'ada@school.org' },
        { id: 't1', email: 'ADA@school.org' },
      ],
      'ada@school.org',
      't1',
    ],
  ])('reports %s with the email and who took it', async (reason, teachers, value, otherId) => {
    const [finding] = findings(await runRemind1(teachers), 'teacher-email');
    expect(finding).toMatchObject({
      reason,
      field: 'email',
      value,
      otherId,
      severity: 'error',
      entity: 'teacher',
    });
    expect(finding.message).toContain(reason === 'missing' ? 'no email' : (value ?? ''));
  });
});
