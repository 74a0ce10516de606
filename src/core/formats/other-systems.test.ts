import { describe, expect, it } from 'vitest';
import { run, summary } from '../../../tests/helpers.ts';
import { OR_HEADERS } from '../../../tests/fixtures/headers.ts';
import { InputError } from '../engine/validate.ts';

const line = (...rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

/** School Data Sync v2.1: OneRoster's file names, its own columns, no manifest.csv. */
const SDS_V2 = {
  'orgs.csv': line(['sourcedId', 'name', 'type', 'parentSourcedId'], ['o1', 'North High', 'school', '']),
  'users.csv': line(
    ['sourcedId', 'username', 'givenName', 'familyName', 'activeDirectoryMatchId', 'email', 'phone', 'sms'],
    ['u1', 'ada@x.org', 'Ada', 'Love', '', 'ada@x.org', '', ''],
  ),
  'roles.csv': line(
    ['userSourcedId', 'orgSourcedId', 'role', 'sessionSourcedIds', 'grade', 'isPrimary'],
    ['u1', 'o1', 'teacher', '', '', 'true'],
  ),
  'classes.csv': line(
    ['sourcedId', 'orgSourcedId', 'title', 'sessionSourcedIds', 'courseSourcedId', 'code'],
    ['c1', 'o1', 'Math', '', '', ''],
  ),
  'enrollments.csv': line(['classSourcedId', 'userSourcedId', 'role'], ['c1', 'u1', 'teacher']),
};

/** School Data Sync v1 ("classic"): six files, "SIS ID" columns. */
const SDS_V1 = {
  'School.csv': line(['SIS ID', 'Name'], ['1', 'North High']),
  'Section.csv': line(['SIS ID', 'School SIS ID', 'Section Name'], ['10', '1', 'Math']),
  'Student.csv': line(['SIS ID', 'School SIS ID', 'Username'], ['100', '1', 'bo']),
  'Teacher.csv': line(
    ['SIS ID', 'School SIS ID', 'Username', 'First Name', 'Last Name'],
    ['7', '1', 'ada', 'Ada', 'Love'],
  ),
  'StudentEnrollment.csv': line(['Section SIS ID', 'SIS ID'], ['10', '100']),
  'TeacherRoster.csv': line(['Section SIS ID', 'SIS ID'], ['10', '7']),
};

const APPLE = {
  'locations.csv': line(['location_id', 'location_name'], ['1', 'North High']),
  'students.csv': line(
    [
      'person_id',
      'person_number',
      'first_name',
      'middle_name',
      'last_name',
      'grade_level',
      'email_address',
      'sis_username',
      'password_policy',
      'location_id',
    ],
    ['100', '', 'Bo', '', 'Kim', '5', '', '', '', '1'],
  ),
  'staff.csv': line(
    [
      'person_id',
      'person_number',
      'first_name',
      'middle_name',
      'last_name',
      'email_address',
      'sis_username',
      'location_id',
    ],
    ['7', '', 'Ada', '', 'Love', 'ada@x.org', '', '1'],
  ),
  'courses.csv': line(['course_id', 'course_number', 'course_name', 'location_id'], ['m', '', 'Math', '1']),
  'classes.csv': line(
    [
      'class_id',
      'class_number',
      'course_id',
      'instructor_id',
      'instructor_id_2',
      'instructor_id_3',
      'location_id',
    ],
    ['10', '', 'm', '7', '', '', '1'],
  ),
  'rosters.csv': line(['roster_id', 'class_id', 'student_id'], ['r1', '10', '100']),
};

const GOOGLE = {
  'new-staff.csv': line(
    [
      'First Name [Required]',
      'Last Name [Required]',
      'Email Address [Required]',
      'Password [Required]',
      'Org Unit Path [Required]',
    ],
    ['Ada', 'Love', 'ada@x.org', 'secret', '/'],
  ),
};

const CLEVER = {
  'schools.csv': line(['School_id', 'School_name'], ['s1', 'North']),
  'teachers.csv': line(
    ['School_id', 'Teacher_id', 'First_name', 'Last_name', 'Teacher_email'],
    ['s1', 't1', 'Ada', 'Love', 'ada@x.org'],
  ),
  'students.csv': line(
    ['School_id', 'Student_id', 'First_name', 'Last_name', 'DOB'],
    ['s1', 'st1', 'Bo', 'Kim', '1/5/2012'],
  ),
  'sections.csv': line(['School_id', 'Section_id', 'Teacher_id', 'Name'], ['s1', 'c1', 't1', 'Math']),
  'enrollments.csv': line(['School_id', 'Section_id', 'Student_id'], ['s1', 'c1', 'st1']),
};

const pick = (files: Record<string, string>, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, files[n]]));

async function refusal(files: Record<string, string>): Promise<string> {
  const error = await run(files).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message;
}

describe('files of systems Remind does not read', () => {
  it.each<[string, Record<string, string>, string, string[]]>([
    [
      'School Data Sync v2.1, all five files',
      SDS_V2,
      'Microsoft School Data Sync (SDS v2.1 CSV)',
      Object.keys(SDS_V2),
    ],
    [
      'School Data Sync v2.1, users only (orgs, users, roles)',
      pick(SDS_V2, ['orgs.csv', 'users.csv', 'roles.csv']),
      'Microsoft School Data Sync (SDS v2.1 CSV)',
      ['orgs.csv', 'users.csv', 'roles.csv'],
    ],
    [
      'School Data Sync v2.1, a lone users.csv',
      pick(SDS_V2, ['users.csv']),
      'Microsoft School Data Sync (SDS v2.1 CSV)',
      ['users.csv'],
    ],
    [
      'School Data Sync classic, six files',
      SDS_V1,
      'Microsoft School Data Sync (SDS v1 CSV)',
      Object.keys(SDS_V1),
    ],
    [
      'School Data Sync classic, a lone Student.csv',
      pick(SDS_V1, ['Student.csv']),
      'Microsoft School Data Sync (SDS v1 CSV)',
      ['Student.csv'],
    ],
    [
      'Apple School Manager',
      APPLE,
      'Apple School Manager',
      ['locations.csv', 'students.csv', 'staff.csv', 'classes.csv', 'rosters.csv'],
    ],
    ['a Google Admin console user upload', GOOGLE, 'Google Admin console (user upload)', ['new-staff.csv']],
  ])('names %s and says Remind does not take it', async (_, files, system, named) => {
    const message = await refusal(files);
    expect(message).toBe(
      `These are ${system} files (${named.join(', ')}), not a roster format of Remind's sync. ` +
        message.slice(message.indexOf('Remind does not take that format: ')),
    );
    expect(message).toContain('Remind does not take that format: ');
    expect(message).toContain('OneRoster 1.1 or 1.2 with its manifest.csv, Clever, or Remind CSV');
    expect(message).not.toContain('\n');
  });

  it('says why School Data Sync v2.1 is not OneRoster although the file names are the same', async () => {
    expect(await refusal(SDS_V2)).toContain('no manifest.csv, no status or dateLastModified');
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'OneRoster 1.1 without manifest.csv (status and dateLastModified columns)',
      {
        'orgs.csv': line(OR_HEADERS.orgs),
        'users.csv': line(OR_HEADERS.users11),
        'classes.csv': line(OR_HEADERS.classes),
        'enrollments.csv': line(OR_HEADERS.enrollments),
      },
      'oneroster-1.1',
    ],
    ['Clever', CLEVER, 'clever'],
    ['Clever beside a stray Google user list', { ...CLEVER, ...GOOGLE }, 'clever'],
    ['Clever beside a stray Apple locations.csv', { ...CLEVER, ...pick(APPLE, ['locations.csv']) }, 'clever'],
  ])('still reads %s as before', async (_, files, format) => {
    const result = await run(files);
    expect(result.summary.format.id).toBe(format);
  });

  it('leaves a stray file of another system as an ignored file', async () => {
    const result = await run({ ...CLEVER, ...GOOGLE });
    expect(summary(result, 'file-ignored')).toEqual(['file-ignored new-staff.csv']);
  });

  it('reads the files as the format the admin chooses, whatever they look like', async () => {
    const result = await run(SDS_V2, { format: 'oneroster-1.2' });
    expect(result.summary.format.id).toBe('oneroster-1.2');
  });
});
