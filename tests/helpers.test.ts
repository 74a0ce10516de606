import { expect, it } from 'vitest';
import { csv, run, summary } from './helpers.ts';

it('runs the engine on in-memory Clever files', async () => {
  const result = await run({
    'schools.csv': csv([
      ['School_id', 'School_name'],
      ['s1', 'North'],
    ]),
    'teachers.csv': csv([
      ['School_id', 'Teacher_id', 'First_name', 'Last_name', 'Teacher_email'],
      ['s1', 't1', 'Ada', 'L', ''],
    ]),
    'students.csv': csv([
      ['School_id', 'Student_id', 'First_name', 'Last_name', 'DOB'],
      ['s1', 'st1', 'Bo', 'K', '1/5/2012'],
    ]),
    'sections.csv': csv([
      ['School_id', 'Section_id', 'Teacher_id', 'Name'],
      ['s1', 'c1', 't1', 'Math'],
    ]),
    'enrollments.csv': csv([
      ['School_id', 'Section_id', 'Student_id'],
      ['s1', 'c1', 'st1'],
    ]),
  });
  expect(result.summary.format.id).toBe('clever');
  expect(summary(result)).toEqual(['class-teacher/teacher-not-provisioned c1', 'teacher-email/missing t1']);
});
