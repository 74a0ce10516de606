import type { PersonDevices } from '../devices/claims.ts';
import { nonAsciiNote } from '../devices/email-characters.ts';
import type { DataRule } from './rule.ts';

/** Why a teacher has no usable email, or null when one is left (rules.md §5). */
export function teacherEmailReason(d: PersonDevices): 'missing' | 'invalid' | 'taken' | null {
  if (d.emails.length === 0) return 'missing';
  let valid = false;
  for (const e of d.emails) {
    if (!e.valid) continue;
    if (e.lostTo < 0) return null;
    valid = true;
  }
  return valid ? 'taken' : 'invalid';
}

export const teacherEmail: DataRule = {
  code: 'teacher-email',
  severity: 'error',
  roles: ['teacher'],
  title: 'Teacher without a usable email address',
  remindName: 'Missing valid email address or email assigned to another user',
  reasons: ['missing', 'invalid', 'taken'],
  explanation:
    'Remind creates a teacher account from the teacher’s email address. With no valid address of their own, ' +
    'the teacher gets no account, and classes that only they teach are not created either.',
  fix: {
    missing: 'Enter the teacher’s school email address in the SIS.',
    invalid: 'Correct the email address in the SIS (one address, like name@school.org, no spaces).',
    taken:
      'Each teacher needs an address nobody else in the roster uses. Give this teacher their own address, or ' +
      'remove it from the other person’s record.',
  },
  message: (f) =>
    f.reason === 'missing'
      ? `Teacher ${f.name || f.id} has no email address.`
      : f.reason === 'invalid'
        ? `Teacher ${f.name || f.id} has no valid email address ("${f.value}").${nonAsciiNote(f.value)}`
        : `Teacher ${f.name || f.id}'s email ${f.value} is used by ${f.otherId}, who takes it.`,
  start: (ctx) => ({
    person(people, i) {
      if (people.role(i) !== 'teacher') return;
      const d = ctx.devices(i);
      const reason = teacherEmailReason(d);
      if (!reason) return;
      const first = reason === 'taken' ? d.emails.find((e) => e.valid) : d.emails[0];
      ctx.reportPerson(teacherEmail, i, {
        reason,
        field: 'email',
        value: first?.value ?? null,
        otherId: first && first.lostTo >= 0 ? people.id(first.lostTo) : null,
      });
    },
  }),
};
