import { describe, expect, it } from 'vitest';
import { OR_HEADERS } from '../../../tests/fixtures/headers.ts';
import { findings, run } from '../../../tests/helpers.ts';
import { nearMisses, typingDistance } from './near-miss.ts';

describe('typingDistance', () => {
  it.each<[string, string, number]>([
    ['abc', 'abc', 0],
    ['datelastmodified', 'datalastmodified', 1],
    ['fiel.demographics', 'file.demographics', 1], // two neighbours swapped: one slip
    ['preferredgivenname', 'prefferedgivenname', 2],
    ['dob', 'dobb', 1],
    ['', 'abc', 3],
    ['teacher_id', 'student_id', 7],
  ])('%s ↔ %s: %i', (a, b, d) => {
    expect(typingDistance(a, b)).toBe(d);
    expect(typingDistance(b, a)).toBe(d);
  });
});

describe('nearMisses', () => {
  const USERS = OR_HEADERS.users12;
  const without = (header: string[], column: string, written: string) =>
    header.map((h) => (h === column ? written : h));

  it.each<[string, string[], string[], string[], Array<[string, string]>]>([
    [
      'a slip in dateLastModified',
      without(USERS, 'dateLastModified', 'dataLastModified'),
      ['dateLastModified'],
      USERS,
      [['dataLastModified', 'dateLastModified']],
    ],
    [
      'two slips in preferredGivenName',
      without(USERS, 'preferredGivenName', 'prefferedGivenName'),
      ['preferredGivenName'],
      USERS,
      [['prefferedGivenName', 'preferredGivenName']],
    ],
    [
      'another letter case of a short name',
      ['school_id', 'DOB'],
      ['dob'],
      ['school_id', 'dob'],
      [['DOB', 'dob']],
    ],
    ['a slip in a short name is not guessed', ['school_id', 'dog'], ['dob'], ['school_id', 'dob'], []],
    [
      'an unrelated extra column is not suggested',
      ['sourcedId', 'status', 'notes'],
      ['dateLastModified'],
      ['sourcedId', 'status', 'dateLastModified'],
      [],
    ],
    [
      'a column of the file itself is never suggested for another',
      ['sourcedId', 'userSourcedId', 'role'],
      ['orgSourcedId'],
      ['sourcedId', 'userSourcedId', 'orgSourcedId', 'role'],
      [],
    ],
    [
      'two equally close candidates: no guess',
      ['student_idx', 'student_ids', 'school_id'],
      ['student_id'],
      ['school_id', 'student_id'],
      [],
    ],
    [
      'each written name is suggested for one column only',
      ['Teacher_id', 'school_id'],
      ['teacher_id', 'teacher_ids'],
      ['school_id', 'teacher_id', 'teacher_ids'],
      [['Teacher_id', 'teacher_id']],
    ],
    [
      'several at once',
      ['sourcedID', 'Status', 'dateLastModified'],
      ['sourcedId', 'status'],
      ['sourcedId', 'status', 'dateLastModified'],
      [
        ['sourcedID', 'sourcedId'],
        ['Status', 'status'],
      ],
    ],
  ])('%s', (_, header, missing, known, expected) => {
    expect(nearMisses(missing, header, known)).toEqual(expected);
  });
});

describe('header-missing names the column probably meant', () => {
  it('in the finding’s message and value', async () => {
    const result = await run({
      'schools.csv': 'school_id,school_name\ns1,North\n',
      'teachers.csv':
        'school_id,teacher_id,teacher_first_name,teacher_last_name,Teacher_Email\ns1,t1,Ada,Love,a@x.org\n',
      'students.csv':
        'school_id,student_id,student_first_name,student_last_name,DOB\ns1,st1,Bo,Kim,1/5/2012\n',
      'classes.csv': 'school_id,class_id,teacher_id,class_name\n',
      'enrollments.csv': 'school_id,class_id,user_id\n',
    });
    const messages = findings(result, 'header-missing').map((f) => [f.file, f.value, f.message]);
    expect(messages).toEqual([
      [
        'teachers.csv',
        'Teacher_Email → teacher_email',
        'teachers.csv has no teacher_email column. Probably misspelt in the header: Teacher_Email → teacher_email.',
      ],
      [
        'students.csv',
        'DOB → dob',
        'students.csv has no dob column. Probably misspelt in the header: DOB → dob.',
      ],
    ]);
  });

  it('says nothing more when no present column is close', async () => {
    const result = await run({
      'schools.csv': 'school_id,school_name\ns1,North\n',
      'teachers.csv':
        'school_id,teacher_id,teacher_first_name,teacher_last_name,mail\ns1,t1,Ada,Love,a@x.org\n',
      'students.csv': 'school_id,student_id,student_first_name,student_last_name,dob\n',
      'classes.csv': 'school_id,class_id,teacher_id,class_name\n',
      'enrollments.csv': 'school_id,class_id,user_id\n',
    });
    const [f] = findings(result, 'header-missing');
    expect([f.value, f.message]).toEqual([null, 'teachers.csv has no teacher_email column.']);
  });
});
