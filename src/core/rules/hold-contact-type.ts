import type { DataRule } from './rule.ts';

export const holdContactType: DataRule = {
  code: 'hold-contact-type',
  severity: 'hold',
  roles: ['parent'],
  title: 'Emergency or secondary contact in a Clever roster',
  explanation:
    'In a Clever sync, Remind pauses for review when contacts are marked Emergency or Secondary: such ' +
    'contacts are often not meant to receive class messages.',
  fix: 'In Clever or the SIS, mark the contact as a guardian or parent, or remove it from the student contacts Clever shares.',
  message: (f) => `Contact ${f.name || f.id} has contact type "${f.value}".`,
  start: (ctx) => ({
    person(people, i) {
      const type = people.role(i) === 'parent' ? people.holdContactType(i) : null;
      if (type !== null) ctx.reportPerson(holdContactType, i, { field: 'Contact_type', value: type });
    },
  }),
};
