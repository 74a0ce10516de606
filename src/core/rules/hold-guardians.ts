import type { DataRule } from './rule.ts';

export const GUARDIAN_HOLD_LIMIT = 6;

export const holdGuardians: DataRule = {
  code: 'hold-guardians',
  severity: 'hold',
  roles: ['parent'],
  title: 'Student with six or more parents',
  explanation:
    'Remind pauses the sync for review when a student is linked to six or more parents or guardians: it ' +
    'usually means contacts were linked to the wrong student.',
  fix: 'Check the student’s contacts in the SIS and remove the ones that do not belong.',
  message: (f) => `Student ${f.name || f.id} is linked to ${f.value} parents.`,
  start: (ctx) => {
    /** Parents per student (person index): a number each, no map entry per student. */
    const parents = new Int32Array(ctx.roster.people.count);
    return {
      person(people, i) {
        if (people.role(i) !== 'parent') return;
        for (let k = 0; k < people.studentCount(i); k++) parents[people.student(i, k)]++;
      },
      end() {
        for (let s = 0; s < parents.length; s++) {
          if (parents[s] >= GUARDIAN_HOLD_LIMIT)
            ctx.reportPerson(holdGuardians, s, { value: String(parents[s]) });
        }
      },
    };
  },
};
