/** class-teacher `teacher-unknown`: the message says what the named "teacher" is when it exists. */
import { describe, expect, it } from 'vitest';
import { findings, run } from '../../../tests/helpers.ts';
import { cls, enr, oneRoster, org, person } from '../../../tests/fixtures/oneroster.ts';
import { DISTRICTS, districtFiles } from '../../../tests/fixtures/districts.ts';
import {
  parent,
  runRemind2,
  student,
  teacher,
  type ClassRow,
  type UserRow,
} from '../../../tests/fixtures/rules/remind2.ts';

describe('class-teacher teacher-unknown messages (Remind CSV 2.0 owners)', () => {
  const USERS: UserRow[] = [teacher('t1'), student('st1'), parent('p1', { children: 'st1' })];
  it.each<[string, ClassRow, string]>([
    [
      'a student as owner',
      { id: 'c1', owners: ['st1'] },
      'Class "Class c1" (c1): its teacher st1 is a student (users.csv row 3), not a teacher; ' +
        'a class needs a teacher of the roster as owner.',
    ],
    [
      'a parent as owner',
      { id: 'c1', owners: ['p1'] },
      'Class "Class c1" (c1): its teacher p1 is a parent (users.csv row 4), not a teacher; ' +
        'a class needs a teacher of the roster as owner.',
    ],
    [
      'an ID nobody has, then a student: the student is named',
      { id: 'c1', owners: ['t404', 'st1'] },
      'Class "Class c1" (c1): its teacher st1 is a student (users.csv row 3), not a teacher; ' +
        'a class needs a teacher of the roster as owner, because no file defines t404 (enrollments.csv row 2).',
    ],
    [
      'an ID nobody has',
      { id: 'c1', owners: ['t404'] },
      // The fix plan counts it as knock-on of the reference no file defines (report/causes).
      'Class "Class c1" (c1): teacher t404 is not a teacher in the roster, because no file defines t404 (enrollments.csv row 2).',
    ],
  ])('%s', async (_, cls, message) => {
    const result = await runRemind2(USERS, [cls]);
    const [f] = findings(result, 'class-teacher');
    expect(f.reason).toBe('teacher-unknown');
    expect(f.message.replace(/"[^"]*" \(c1\)/, '"Class c1" (c1)')).toBe(message);
  });
});

describe('class-teacher teacher-unknown messages (OneRoster)', () => {
  it('says that the user enrolled as the teacher is a student in users.csv', async () => {
    const result = await run(
      oneRoster('1.1', {
        orgs: [org('s1')],
        users: [
          person('t1', { role: 'teacher', orgSourcedIds: 's1' }),
          person('st9', { role: 'student', orgSourcedIds: 's1' }),
        ],
        classes: [cls('c1', 's1')],
        enrollments: [enr('c1', 'st9', 'teacher')],
      }),
    );
    const [f] = findings(result, 'class-teacher');
    expect(f.reason).toBe('teacher-unknown');
    expect(f.message).toBe(
      'Class "Class c1" (c1): its teacher st9 is a student (users.csv row 3), not a teacher; ' +
        'a class needs a teacher of the roster as owner.',
    );
  });
});

describe('class-teacher teacher-unknown messages (Remind CSV 1.0, the teacher classes.csv names)', () => {
  const R1 = DISTRICTS['remind-csv-1.0'];
  it.each<[string, string, string]>([
    [
      'a student named as the teacher',
      'st1',
      'Class "Math 7" (c1): its teacher st1 is a student (students.csv row 2), not a teacher; ' +
        'a class needs a teacher of the roster as owner.',
    ],
    [
      'an ID nobody has: the fix plan counts it as knock-on of the reference',
      't404',
      'Class "Math 7" (c1): teacher t404 is not a teacher in the roster, because no file defines t404 ' +
        '(classes.csv row 2).',
    ],
  ])('%s', async (_, named, message) => {
    const result = await run(
      districtFiles('remind-csv-1.0', {
        'classes.csv': [{ ...R1['classes.csv'][0], teacher_id: named }],
        'enrollments.csv': [{ school_id: 's1', class_id: 'c1', user_id: 'st1' }],
      }),
    );
    const [f] = findings(result, 'class-teacher');
    expect(f.reason).toBe('teacher-unknown');
    expect(f.message).toBe(message);
  });
});
