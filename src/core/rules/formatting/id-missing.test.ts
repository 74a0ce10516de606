import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { DISTRICTS, districtFiles, type Records } from '../../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

const edit = (format: FormatId, file: string, index: number, cells: Record<string, string>): Records =>
  DISTRICTS[format][file].map((r, i) => (i === index ? { ...r, ...cells } : r));

describe('id-missing', () => {
  it.each<[string, FormatId, string, Record<string, string>, string, string | null, string[]]>([
    [
      'an empty ID',
      'remind-csv-1.0',
      'teachers.csv',
      { teacher_id: '' },
      'teacher_id',
      null,
      // The class and the enrollment now name a teacher no file defines.
      ['ref-unknown enrollments.csv', 'ref-unknown c1', 'class-teacher/teacher-unknown c1'],
    ],
    [
      'an ID of spaces only',
      'remind-csv-1.0',
      'classes.csv',
      { class_id: '   ' },
      'class_id',
      null,
      // The enrollments now point at a class no file defines.
      ['ref-unknown enrollments.csv', 'ref-unknown enrollments.csv'],
    ],
    [
      'an empty reference: not also ref-unknown',
      'remind-csv-1.0',
      'enrollments.csv',
      { class_id: '' },
      'class_id',
      null,
      // That row made t1 the class's owner.
      ['class-teacher/teacher-not-enrolled c1'],
    ],
    ['an empty school reference', 'clever', 'students.csv', { School_id: '' }, 'School_id', 'st1', []],
    [
      'OneRoster enrollment sourcedId',
      'oneroster-1.1',
      'enrollments.csv',
      { sourcedId: '' },
      'sourcedId',
      null,
      [],
    ],
    [
      'OneRoster 1.2 role without a user',
      'oneroster-1.2',
      'roles.csv',
      { userSourcedId: '' },
      'userSourcedId',
      null,
      ['class-teacher/teacher-unknown c1'],
    ],
  ])('%s', async (_label, format, file, cells, field, id, others) => {
    const result = await run(districtFiles(format, { [file]: edit(format, file, 0, cells) }));
    expect(findings(result, 'id-missing').map((f) => [f.file, f.row, f.field, f.id, f.message])).toEqual([
      [file, 2, field, id, `${file} row 2: ${field} is empty.`],
    ]);
    expect(summary(result).filter((s) => !s.startsWith('id-missing'))).toEqual(others);
    expect(result.summary.blocked).toBe(true);
  });

  it.each<[string, FormatId, string, Record<string, string>, Records]>([
    ['Remind CSV 1.0 classes.csv teacher_id', 'remind-csv-1.0', 'classes.csv', { teacher_id: '' }, []],
    ['Clever sections.csv Teacher_id', 'clever', 'sections.csv', { Teacher_id: '' }, []],
  ])('does not apply to an empty class-teacher link (rules.md §9): %s', async (_, format, file, cells) => {
    const changes: Record<string, Records> = { [file]: edit(format, file, 0, cells) };
    // Remind CSV 1.0 owners come from enrollments.csv: leave the teacher's row out too.
    if (format === 'remind-csv-1.0')
      changes['enrollments.csv'] = DISTRICTS[format]['enrollments.csv'].filter((r) => r.user_id !== 't1');
    const result = await run(districtFiles(format, changes));
    expect(summary(result)).toEqual(['class-teacher/no-teacher c1']);
    expect(result.summary.blocked).toBe(false);
  });

  it('names the column as the file writes it', async () => {
    const files = districtFiles('clever', {
      'teachers.csv': edit('clever', 'teachers.csv', 0, { Teacher_id: '' }),
    });
    files['teachers.csv'] = files['teachers.csv'].replace('Teacher_id', 'TEACHER_ID');
    expect(findings(await run(files), 'id-missing').map((f) => f.message)).toEqual([
      'teachers.csv row 2: TEACHER_ID is empty.',
    ]);
  });

  it('is reported per row when an optional ID column is absent (no header finding says it)', async () => {
    const staff = [{ School_id: 's1', First_name: 'Sam', Last_name: 'Lee' }];
    const result = await run(districtFiles('clever', { 'staff.csv': staff }, { 'staff.csv': ['Staff_id'] }));
    expect(summary(result)).toEqual(['id-missing staff.csv']);
    expect(findings(result, 'id-missing').map((f) => f.message)).toEqual([
      'staff.csv row 2: Staff_id is empty.',
    ]);
  });

  it('does not apply to optional references (Clever Teacher_2_id … Teacher_10_id)', async () => {
    expect(summary(await run(districtFiles('clever')), 'id-missing')).toEqual([]);
  });

  it('one finding per empty cell, on the right rows', async () => {
    const enrollments = [
      { school_id: 's1', class_id: 'c1', user_id: 'st1' },
      { school_id: '', class_id: '', user_id: 'st1' },
      { school_id: 's1', class_id: 'c1', user_id: '' },
    ];
    const result = await run(districtFiles('remind-csv-1.0', { 'enrollments.csv': enrollments }));
    expect(findings(result, 'id-missing').map((f) => [f.row, f.field])).toEqual([
      [3, 'class_id'],
      [3, 'school_id'],
      [4, 'user_id'],
    ]);
  });
});
