import type { People } from '../model/roster.ts';
import type { DataRule } from './rule.ts';

/** Kept names are trimmed already (RowContext.get): a name is missing when none was kept. */
export function parentNameMissing(people: People, i: number): boolean {
  if (!people.hasFirstName(i)) return true;
  return !people.singleName(i) && !people.hasLastName(i);
}

export const parentName: DataRule = {
  code: 'parent-name',
  severity: 'error',
  roles: ['parent'],
  title: 'Parent without a name',
  remindName: 'Missing a name',
  reasons: ['missing'],
  explanation:
    'Remind shows parents by name to teachers and in class lists, so it needs a first and a last name ' +
    '(for Clever, the contact name). A parent without one gets no account.',
  fix: 'Enter the parent’s first and last name on the student’s contact in the SIS.',
  message: (f) =>
    `Parent ${f.id} has no ${f.field === 'name' ? 'name' : f.field === 'first_name' ? 'first name' : 'last name'}.`,
  start: (ctx) => ({
    person(people, i) {
      if (people.role(i) !== 'parent' || !parentNameMissing(people, i)) return;
      const field = people.singleName(i) ? 'name' : people.hasFirstName(i) ? 'last_name' : 'first_name';
      ctx.reportPerson(parentName, i, { reason: 'missing', field });
    },
  }),
};
