import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { districtFiles } from '../../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

/** Rewrites the header line of one file. */
function withHeader(files: Record<string, string>, name: string, edit: (header: string) => string) {
  return { ...files, [name]: files[name].replace(/^[^\n]*/, edit) };
}

describe('header-missing', () => {
  it.each<[string, FormatId, string, string[], string[], string[]]>([
    [
      'one column',
      'remind-csv-1.0',
      'teachers.csv',
      ['teacher_email'],
      ['teacher_email'],
      ['class-teacher/teacher-not-provisioned c1', 'teacher-email/missing t1'],
    ],
    [
      'one finding per missing column (in report order)',
      'remind-csv-1.0',
      'students.csv',
      ['dob', 'school_id'],
      ['dob', 'school_id'],
      // No id-missing for each row's absent school_id: the header finding says it once.
      ['student-dob/missing st1'],
    ],
    [
      'OneRoster: a required standard column',
      'oneroster-1.1',
      'users.csv',
      ['middleName', 'email'],
      ['email', 'middleName'],
      ['class-teacher/teacher-not-provisioned c1', 'parent-contact/missing p1', 'teacher-email/missing t1'],
    ],
    [
      'Remind CSV 2.0',
      'remind-csv-2.0',
      'enrollments.csv',
      ['role'],
      ['role'],
      ['class-teacher/no-teacher c1'],
    ],
  ])(
    '%s: blocks, data stage treats the cells as empty',
    async (_label, format, file, drop, columns, data) => {
      const result = await run(districtFiles(format, {}, { [file]: drop }));
      expect(result.summary.format.id).toBe(format);
      // The column is named in `field` too, for a script or the CSV download.
      expect(findings(result, 'header-missing').map((f) => [f.file, f.row, f.field, f.message])).toEqual(
        columns.map((column) => [file, 1, column, `${file} has no ${column} column.`]),
      );
      expect(summary(result).filter((s) => !s.startsWith('header-missing'))).toEqual(data);
      expect(result.summary.blocked).toBe(true);
    },
  );

  it('Clever sections.csv without Teacher_id: the column is the finding’s field', async () => {
    const result = await run(districtFiles('clever', {}, { 'sections.csv': ['Teacher_id'] }));
    expect(findings(result, 'header-missing').map((f) => [f.field, f.value, f.message])).toEqual([
      ['Teacher_id', null, 'sections.csv has no Teacher_id column.'],
    ]);
  });

  it('names the header name probably meant on the finding of its own column', async () => {
    const files = withHeader(districtFiles('oneroster-1.1'), 'users.csv', (h) =>
      h.replace('givenName', 'GivenName').replace('familyName', 'surname'),
    );
    const result = await run(files, { format: 'oneroster-1.1' });
    expect(findings(result, 'header-missing').map((f) => [f.field, f.value])).toEqual([
      ['familyName', null],
      ['givenName', 'GivenName → givenName'],
    ]);
  });

  it('Clever matches header names in any case', async () => {
    let files = districtFiles('clever');
    files = withHeader(files, 'students.csv', (h) => h.toUpperCase());
    files = withHeader(files, 'teachers.csv', (h) => h.toLowerCase().replace('dob', 'Dob'));
    const result = await run(files);
    expect(result.summary.format.id).toBe('clever');
    expect(summary(result)).toEqual([]);
  });

  it.each<[FormatId, string, string, string]>([
    ['remind-csv-1.0', 'schools.csv', 'school_name', 'School_Name'],
    ['oneroster-1.1', 'orgs.csv', 'sourcedId', 'SourcedId'],
    ['remind-csv-2.0', 'users.csv', 'user_id', 'User_ID'],
  ])('%s matches header names exactly (%s: %s written %s)', async (format, file, column, written) => {
    const files = withHeader(districtFiles(format), file, (h) => h.replace(column, written));
    const result = await run(files, { format });
    expect(findings(result, 'header-missing').map((f) => f.message)).toEqual([
      // The column written in another letter case is named as the one probably meant.
      `${file} has no ${column} column. Probably misspelt in the header: ${written} → ${column}.`,
    ]);
  });

  it('trims spaces around header names', async () => {
    const files = withHeader(
      districtFiles('remind-csv-1.0'),
      'schools.csv',
      () => ' school_id , school_name ',
    );
    expect(summary(await run(files))).toEqual([]);
  });

  it('Clever: an absent DOB column is no header finding, but every student lacks a birth date', async () => {
    const result = await run(districtFiles('clever', {}, { 'students.csv': ['DOB'] }));
    expect(summary(result)).toEqual(['student-dob/missing st1']);
  });

  it('accepts the 22-column OneRoster 1.2.1 users.csv (no resourceSourcedIds)', async () => {
    const result = await run(districtFiles('oneroster-1.2', {}, { 'users.csv': ['resourceSourcedIds'] }));
    expect(summary(result)).toEqual([]);
  });

  it('does not report references to records whose ID column is missing', async () => {
    // Without school_id, schools.csv defines no school: the other files' school_id cells are not checked.
    const result = await run(districtFiles('remind-csv-1.0', {}, { 'schools.csv': ['school_id'] }), {
      format: 'remind-csv-1.0',
    });
    expect(summary(result, 'ref-unknown')).toEqual([]);
    expect(summary(result, 'header-missing')).toEqual(['header-missing schools.csv']);
  });

  it('an extra, unknown column is fine', async () => {
    const files = withHeader(districtFiles('remind-csv-1.0'), 'schools.csv', (h) => h + ',notes');
    files['schools.csv'] = files['schools.csv'].replace('North High\n', 'North High,hello\n');
    expect(summary(await run(files))).toEqual([]);
  });
});
