import { expect, it } from 'vitest';
import { cleanDistrict } from './fixtures/cli.ts';
import { csv, run, summary } from './helpers.ts';

it('runs the engine on in-memory Clever files', async () => {
  const result = await run({
    ...cleanDistrict(),
    'teachers.csv': csv([
      ['School_id', 'Teacher_id', 'First_name', 'Last_name', 'Teacher_email'],
      ['s1', 't1', 'Ada', 'L', ''],
    ]),
  });
  expect(result.summary.format.id).toBe('clever');
  expect(summary(result)).toEqual(['class-teacher/teacher-not-provisioned c1', 'teacher-email/missing t1']);
});
