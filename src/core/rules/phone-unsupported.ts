import type { DataRule } from './rule.ts';

export const phoneUnsupported: DataRule = {
  code: 'phone-unsupported',
  severity: 'alert',
  roles: ['teacher', 'parent', 'student'],
  title: 'Phone number Remind cannot text',
  remindName: 'Unsupported phone number',
  explanation:
    'Remind sends text messages only to numbers in the United States, its territories and Canada. Other ' +
    'numbers, and numbers with too few or too many digits, are left off the account.',
  fix: 'Correct the number in the SIS (10 digits, e.g. 212-555-0134), or remove it if it is not a mobile phone in the US or Canada.',
  message: (f) => `${f.name || f.id}'s phone "${f.value}" is not a US or Canadian number.`,
  start: (ctx) => ({
    person(people, i) {
      if (people.role(i) === 'staff' || people.phoneCount(i) === 0) return;
      for (const phone of ctx.devices(i).phones) {
        if (!phone.supported) ctx.reportPerson(phoneUnsupported, i, { field: 'phone', value: phone.value });
      }
    },
  }),
};
