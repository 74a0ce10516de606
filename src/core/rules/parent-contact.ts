import type { PersonDevices } from '../devices/claims.ts';
import { nonAsciiNote } from '../devices/email-characters.ts';
import { keeperDetail, usedBy } from './keeper.ts';
import type { DataRule } from './rule.ts';

/** Why a parent has no device left, or null (rules.md §5). */
export function parentContactReason(d: PersonDevices): 'missing' | 'invalid' | 'taken' | null {
  if (d.emails.length + d.phones.length === 0) return 'missing';
  let usable = false;
  for (const e of d.emails) {
    if (!e.valid) continue;
    if (e.lostTo < 0) return null;
    usable = true;
  }
  for (const p of d.phones) {
    if (!p.supported) continue;
    if (p.lostTo < 0) return null;
    usable = true;
  }
  return usable ? 'taken' : 'invalid';
}

export const parentContact: DataRule = {
  code: 'parent-contact',
  severity: 'error',
  roles: ['parent'],
  title: 'Parent without a usable email or phone',
  remindName: 'Missing valid email, phone number, or device assigned to another user',
  reasons: ['missing', 'invalid', 'taken'],
  explanation:
    'Remind reaches parents by email or text message. A parent with no valid email and no US or Canadian ' +
    'mobile number of their own cannot get an account.',
  fix: {
    missing: 'Add the parent’s email address or mobile number to the contact in the SIS.',
    invalid: 'Correct the email address or phone number (a 10-digit US or Canadian number) in the SIS.',
    taken:
      'Every email and phone is already used by someone who takes precedence (a teacher or another parent). ' +
      'Add a contact point of the parent’s own, or correct the duplicate.',
  },
  message: (f) =>
    f.reason === 'missing'
      ? `Parent ${f.name || f.id} has neither an email address nor a phone number.`
      : f.reason === 'invalid'
        ? `Parent ${f.name || f.id} has no valid email or supported phone ("${f.value}").` +
          (f.field === 'email' ? nonAsciiNote(f.value) : '')
        : `Parent ${f.name || f.id}'s contact ${f.value} ${usedBy(f, 'takes')}`,
  start: (ctx) => ({
    person(people, i) {
      if (people.role(i) !== 'parent') return;
      const d = ctx.devices(i);
      const reason = parentContactReason(d);
      if (!reason) return;
      const all = [
        ...d.emails.map((e) => ({ field: 'email', value: e.value, lostTo: e.lostTo, ok: e.valid })),
        ...d.phones.map((x) => ({ field: 'phone', value: x.value, lostTo: x.lostTo, ok: x.supported })),
      ];
      const first = reason === 'taken' ? all.find((x) => x.ok) : all[0];
      ctx.reportPerson(parentContact, i, {
        reason,
        field: first?.field ?? null,
        value: first?.value ?? null,
        otherId: first && first.lostTo >= 0 ? people.id(first.lostTo) : null,
        detail: first && first.lostTo >= 0 ? keeperDetail(ctx.roster, i, first.lostTo) : null,
      });
    },
  }),
};
