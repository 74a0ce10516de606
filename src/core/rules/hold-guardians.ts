import type { DataRule } from './rule.ts';

export const GUARDIAN_HOLD_LIMIT = 6;

export const holdGuardians: DataRule = {
  code: 'hold-guardians',
  severity: 'hold',
  title: 'Student with six or more parents',
  explanation:
    'Remind pauses the sync for review when a student is linked to six or more parents or guardians: it ' +
    'usually means contacts were linked to the wrong student.',
  fix: 'Check the student’s contacts in the SIS and remove the ones that do not belong.',
  message: (f) => `Student ${f.name || f.id} is linked to ${f.value} parents.`,
  start: (ctx) => {
    const parents = new Map<number, number>();
    return {
      person(people, i) {
        if (people.role(i) !== 'parent') return;
        for (let k = 0; k < people.studentCount(i); k++) {
          const s = people.student(i, k);
          parents.set(s, (parents.get(s) ?? 0) + 1);
        }
      },
      end() {
        for (const [s, n] of [...parents].sort((a, b) => a[0] - b[0])) {
          if (n >= GUARDIAN_HOLD_LIMIT) ctx.reportPerson(holdGuardians, s, { value: String(n) });
        }
      },
    };
  },
};
