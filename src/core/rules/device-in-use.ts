import type { DataRule } from './rule.ts';

export const deviceInUse: DataRule = {
  code: 'device-in-use',
  severity: 'alert',
  title: 'Email or phone used by someone else',
  explanation:
    'An email address or phone number can belong to only one Remind account. When two people in the roster ' +
    'share one, a teacher wins over a parent and a parent over a student; the others are created without it.',
  fix:
    'Check whose email or phone it really is in the SIS and remove it from the other records, or give each ' +
    'person their own.',
  message: (f) =>
    `${f.name || f.id}'s ${f.field === 'email' ? 'email' : 'phone'} ${f.value} is used by ${f.otherId}, who keeps it.`,
  start: (ctx) => ({
    person(p, i) {
      if (p.role === 'staff' || !ctx.getsAccount(i)) return;
      const d = ctx.devices(i);
      const lost = [
        ...d.emails
          .filter((e) => e.lostTo >= 0)
          .map((e) => ({ field: 'email', value: e.value, to: e.lostTo })),
        ...d.phones
          .filter((x) => x.lostTo >= 0)
          .map((x) => ({ field: 'phone', value: x.value, to: x.lostTo })),
      ];
      for (const l of lost) {
        ctx.reportPerson(deviceInUse, i, {
          field: l.field,
          value: l.value,
          otherId: ctx.roster.people[l.to].id,
        });
      }
    },
  }),
};
