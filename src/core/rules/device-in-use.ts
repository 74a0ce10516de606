import { keeperDetail, usedBy } from './keeper.ts';
import type { DataRule } from './rule.ts';

export const deviceInUse: DataRule = {
  code: 'device-in-use',
  severity: 'alert',
  roles: ['teacher', 'parent', 'student'],
  title: 'Email or phone used by someone else',
  remindName: 'Device already in use',
  explanation:
    'An email address or phone number can belong to only one Remind account. When two people in the roster ' +
    'share one, a teacher wins over a parent and a parent over a student; the others are created without it.',
  fix:
    'Check whose email or phone it really is in the SIS and remove it from the other records, or give each ' +
    'person their own.',
  message: (f) =>
    `${f.name || f.id}'s ${f.field === 'email' ? 'email' : 'phone'} ${f.value} ${usedBy(f, 'keeps')}`,
  start: (ctx) => ({
    person(people, i) {
      if (people.role(i) === 'staff') return;
      const d = ctx.devices(i);
      // Most people lose nothing: only then is it worth asking whether they get an account.
      if (!d.emails.some((e) => e.lostTo >= 0) && !d.phones.some((x) => x.lostTo >= 0)) return;
      if (!ctx.getsAccount(i)) return;
      for (const e of d.emails) {
        if (e.lostTo >= 0)
          ctx.reportPerson(deviceInUse, i, {
            field: 'email',
            value: e.value,
            otherId: people.id(e.lostTo),
            detail: keeperDetail(ctx.roster, i, e.lostTo),
          });
      }
      for (const x of d.phones) {
        if (x.lostTo >= 0)
          ctx.reportPerson(deviceInUse, i, {
            field: 'phone',
            value: x.value,
            otherId: people.id(x.lostTo),
            detail: keeperDetail(ctx.roster, i, x.lostTo),
          });
      }
    },
  }),
};
