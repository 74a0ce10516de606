import type { Person } from '../model/roster.ts';
import type { DataRule } from './rule.ts';

export function parentNameMissing(p: Person): boolean {
  return p.singleName ? p.firstName.trim() === '' : p.firstName.trim() === '' || p.lastName.trim() === '';
}

export const parentName: DataRule = {
  code: 'parent-name',
  severity: 'error',
  title: 'Parent without a name',
  reasons: ['missing'],
  explanation:
    'Remind shows parents by name to teachers and in class lists, so it needs a first and a last name ' +
    '(for Clever, the contact name). A parent without one gets no account.',
  fix: 'Enter the parent’s first and last name on the student’s contact in the SIS.',
  message: (f) =>
    `Parent ${f.id} has no ${f.field === 'name' ? 'name' : f.field === 'first_name' ? 'first name' : 'last name'}.`,
  start: (ctx) => ({
    person(p, i) {
      if (p.role !== 'parent' || !parentNameMissing(p)) return;
      const field = p.singleName ? 'name' : p.firstName.trim() === '' ? 'first_name' : 'last_name';
      ctx.reportPerson(parentName, i, { reason: 'missing', field });
    },
  }),
};
