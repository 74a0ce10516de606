import type { FormattingRule } from '../rule.ts';

/** Remind CSV 1.0 (rules.md §9): an enrollment in a school that is not the class's or the person's. */
export const enrollmentSchool: FormattingRule = {
  code: 'enrollment-school',
  severity: 'formatting',
  title: 'Enrollment in another school',
  explanation:
    'Remind creates an enrollment only when its school_id is the class’s school and one of the person’s ' +
    'schools (their rows in students.csv or teachers.csv). Otherwise the enrollment is not made: the student ' +
    'is not added to the class, or the teacher does not become its owner.',
  fix:
    'Give the enrollment the class’s school_id; if the person really belongs to that school, add their row ' +
    'for it to students.csv or teachers.csv. In the SIS, check the section’s school and the person’s school ' +
    'assignment.',
  blocks: () => false,
  message: (f) => `${f.file} row ${f.row}: ${f.detail}; the enrollment is left out.`,
};
