import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { DISTRICTS, districtFiles, type District } from '../../../../tests/fixtures/districts.ts';
import { findings, run } from '../../../../tests/helpers.ts';

const ONLY_DISTRICT_ORG = [{ sourcedId: 'd1', status: 'active', name: 'District', type: 'district' }];
const ADMIN_ONLY = [
  { sourcedId: 'a1', status: 'active', role: 'administrator', givenName: 'Al', orgSourcedIds: 's1' },
];

describe('file-empty (rules.md §9)', () => {
  it.each<[string, FormatId, Partial<District>, Array<[string, string]>]>([
    ['a roster with records', 'remind-csv-1.0', {}, []],
    [
      'schools.csv with a header only',
      'remind-csv-1.0',
      { 'schools.csv': [] },
      [['schools.csv', 'schools.csv has a header but no rows: the roster has no school.']],
    ],
    [
      'no teacher and no student: one finding per file that should hold them',
      'remind-csv-1.0',
      { 'teachers.csv': [], 'students.csv': [], 'classes.csv': [], 'enrollments.csv': [] },
      [
        ['teachers.csv', 'teachers.csv has a header but no rows: the roster has no teacher and no student.'],
        ['students.csv', 'students.csv has a header but no rows: the roster has no teacher and no student.'],
      ],
    ],
    ['teachers but no students: not empty', 'clever', { 'students.csv': [], 'enrollments.csv': [] }, []],
    [
      'orgs.csv without a school',
      'oneroster-1.1',
      { 'orgs.csv': ONLY_DISTRICT_ORG },
      [['orgs.csv', 'orgs.csv defines no school in its 1 rows.']],
    ],
    [
      'users.csv with only an administrator',
      'oneroster-1.1',
      { 'users.csv': ADMIN_ONLY, 'enrollments.csv': [], 'demographics.csv': [] },
      [['users.csv', 'users.csv defines no teacher and no student in its 1 rows.']],
    ],
    [
      'Remind CSV 2.0 with header-only files',
      'remind-csv-2.0',
      { 'schools.csv': [], 'classes.csv': [], 'users.csv': [], 'enrollments.csv': [] },
      [
        ['schools.csv', 'schools.csv has a header but no rows: the roster has no school.'],
        ['users.csv', 'users.csv has a header but no rows: the roster has no teacher and no student.'],
      ],
    ],
  ])('%s', async (_, format, changes, expected) => {
    const result = await run(districtFiles(format, changes));
    expect(findings(result, 'file-empty').map((f) => [f.file, f.message])).toEqual(expected);
    if (expected.length) expect(result.summary.blocked).toBe(true);
  });

  it('keeps an export of header rows only from reading as Ready: it blocks', async () => {
    const empty = Object.fromEntries(Object.keys(DISTRICTS.clever).map((name) => [name, []]));
    const result = await run(districtFiles('clever', empty));
    expect(result.summary.blocked).toBe(true);
    expect(findings(result, 'file-empty').map((f) => f.file)).toEqual([
      'schools.csv',
      'teachers.csv',
      'students.csv',
    ]);
  });

  it('is not reported for a file already unreadable or missing', async () => {
    const files = districtFiles('remind-csv-1.0', { 'teachers.csv': [], 'students.csv': [] });
    files['students.csv'] = '';
    delete (files as Record<string, string>)['teachers.csv'];
    expect(findings(await run(files), 'file-empty')).toEqual([]);
  });
});
