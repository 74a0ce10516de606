import { checkDob, invalidDobCause } from './dates.ts';
import type { DataRule } from './rule.ts';

export const studentDob: DataRule = {
  code: 'student-dob',
  severity: 'error',
  roles: ['student'],
  title: 'Student without a valid date of birth',
  remindName: 'Missing valid date of birth',
  reasons: ['missing', 'invalid', 'two-digit-year'],
  explanation:
    'Remind needs each student’s date of birth to apply the right protections for children under 13. ' +
    'Without a valid one the student gets no account.',
  fix: {
    missing: 'Enter the student’s date of birth in the SIS.',
    invalid:
      'Correct the date of birth: a real date in the past, formatted MM/DD/YYYY or YYYY/MM/DD ' +
      '(YYYY-MM-DD and M/D/YYYY are accepted too).',
    'two-digit-year': 'Export the date of birth with a four-digit year, formatted MM/DD/YYYY or YYYY/MM/DD.',
  },
  message: (f) =>
    f.reason === 'missing'
      ? `Student ${f.name || f.id} has no date of birth.`
      : f.reason === 'two-digit-year'
        ? `Student ${f.name || f.id}'s date of birth "${f.value}" has a two-digit year.`
        : // detail: which of rules.md §5's causes makes the date invalid (invalidDobCause).
          `Student ${f.name || f.id}'s date of birth "${f.value}" ${f.detail ?? 'is not a valid date'}.`,
  start: (ctx) => ({
    person(people, i) {
      if (people.role(i) !== 'student') return;
      const dob = people.dob(i);
      const verdict = checkDob(dob, ctx.today);
      if (verdict === 'ok') return;
      const detail = verdict === 'invalid' ? invalidDobCause(dob ?? '', ctx.today) : null;
      ctx.reportPerson(studentDob, i, { reason: verdict, field: 'dob', value: dob || null, detail });
    },
  }),
};
