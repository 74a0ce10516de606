import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { filesOf, findings, run, summary } from '../../../tests/helpers.ts';
import { OR_HEADERS, REMIND_1_HEADERS } from '../../../tests/fixtures/headers.ts';
import { InputError } from '../engine/validate.ts';
import { sourceFromBytes } from '../input/source.ts';
import { ADAPTERS } from './registry.ts';
import type { FormatId } from './types.ts';

const line = (cells: string[]) => cells.join(',') + '\n';
const REMIND_1 = Object.fromEntries(Object.entries(REMIND_1_HEADERS).map(([name, h]) => [name, line(h)]));
const CLEVER = {
  'schools.csv': line(['School_id', 'School_name']),
  'teachers.csv': line(['School_id', 'Teacher_id', 'First_name', 'Last_name', 'Teacher_email']),
  'students.csv': line(['School_id', 'Student_id', 'First_name', 'Last_name', 'Dob']),
  'sections.csv': line(['School_id', 'Section_id', 'Teacher_id', 'Name']),
  'enrollments.csv': line(['School_id', 'Section_id', 'Student_id']),
};
const REMIND_2 = {
  'schools.csv': line(['school_id', 'school_name']),
  'classes.csv': line(['class_id', 'school_id', 'class_name']),
  'users.csv': line(['user_id', 'role', 'first_name', 'last_name', 'email', 'phone', 'dob', 'student_ids']),
  'enrollments.csv': line(['class_id', 'user_id', 'role']),
  'school_enrollments.csv': line(['school_id', 'user_id']),
};
const manifest = (version: string) => `propertyName,value\noneroster.version,${version}\n`;
const oneRoster = (version: '1.1' | '1.2', withManifest = true) => ({
  ...(withManifest ? { 'manifest.csv': manifest(version) } : {}),
  'orgs.csv': line(OR_HEADERS.orgs),
  'users.csv': line(version === '1.1' ? OR_HEADERS.users11 : OR_HEADERS.users12),
  ...(version === '1.2' ? { 'roles.csv': line(OR_HEADERS.roles) } : {}),
  'classes.csv': line(OR_HEADERS.classes),
  'enrollments.csv': line(OR_HEADERS.enrollments),
  'demographics.csv': line(OR_HEADERS.demographics),
});
const pick = (files: Record<string, string>, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, files[n]]));
const SHARED = ['schools.csv', 'teachers.csv', 'students.csv', 'enrollments.csv'];

describe('format detection', () => {
  const cases: Array<{ name: string; files: Record<string, string>; expected: FormatId }> = [
    { name: 'Remind CSV 1.0', files: REMIND_1, expected: 'remind-csv-1.0' },
    { name: 'Remind CSV 2.0', files: REMIND_2, expected: 'remind-csv-2.0' },
    { name: 'Clever', files: CLEVER, expected: 'clever' },
    { name: 'OneRoster 1.1', files: oneRoster('1.1'), expected: 'oneroster-1.1' },
    { name: 'OneRoster 1.2', files: oneRoster('1.2'), expected: 'oneroster-1.2' },
    { name: 'OneRoster 1.1 without manifest', files: oneRoster('1.1', false), expected: 'oneroster-1.1' },
    { name: 'OneRoster 1.2 without manifest', files: oneRoster('1.2', false), expected: 'oneroster-1.2' },
    {
      name: 'the names both Remind 1.0 and Clever use, Clever headers',
      files: pick(CLEVER, SHARED),
      expected: 'clever',
    },
    {
      name: 'the names both Remind 1.0 and Clever use, Remind headers',
      files: pick(REMIND_1, SHARED),
      expected: 'remind-csv-1.0',
    },
    {
      name: 'users, classes and enrollments with Remind 2.0 headers',
      files: pick(REMIND_2, ['users.csv', 'classes.csv', 'enrollments.csv']),
      expected: 'remind-csv-2.0',
    },
    {
      name: 'users, classes and enrollments with OneRoster headers',
      files: pick(oneRoster('1.1'), ['users.csv', 'classes.csv', 'enrollments.csv']),
      expected: 'oneroster-1.1',
    },
    {
      name: 'names in another case',
      files: Object.fromEntries(Object.entries(CLEVER).map(([n, t]) => [n.toUpperCase(), t])),
      expected: 'clever',
    },
    { name: 'a single Clever students.csv', files: pick(CLEVER, ['students.csv']), expected: 'clever' },
    {
      name: 'a single OneRoster users.csv',
      files: pick(oneRoster('1.1'), ['users.csv']),
      expected: 'oneroster-1.1',
    },
  ];
  it.each(cases)('detects $name', async ({ files, expected }) => {
    const result = await run(files);
    expect(result.summary.format.id).toBe(expected);
    expect(summary(result, 'header-missing')).toEqual([]);
    expect(summary(result, 'file-ignored')).toEqual([]);
  });

  it('reports the files a single file leaves missing', async () => {
    const result = await run(pick(CLEVER, ['students.csv']));
    expect(summary(result, 'file-missing').sort()).toEqual([
      'file-missing/required enrollments.csv',
      'file-missing/required schools.csv',
      'file-missing/required sections.csv',
      'file-missing/required teachers.csv',
    ]);
  });

  it('uses the format it is told, whatever the headers say', async () => {
    const result = await run(CLEVER, { format: 'remind-csv-1.0' });
    expect(result.summary.format.id).toBe('remind-csv-1.0');
    // One finding per missing column: the files that lack some.
    expect([...new Set(summary(result, 'header-missing'))].sort()).toEqual([
      'header-missing enrollments.csv',
      'header-missing schools.csv',
      'header-missing students.csv',
      'header-missing teachers.csv',
    ]);
    expect(summary(result, 'file-missing')).toEqual(['file-missing/required classes.csv']);
    expect(summary(result, 'file-ignored')).toEqual(['file-ignored sections.csv']);
  });

  it('refuses a format it does not know', async () => {
    await expect(run(CLEVER, { format: 'powerschool' as FormatId })).rejects.toThrow(
      new InputError('Unknown format "powerschool".'),
    );
  });

  it('reads the format most files belong to and ignores the files of another', async () => {
    const result = await run({
      ...CLEVER,
      ...pick(oneRoster('1.1'), ['manifest.csv', 'users.csv', 'orgs.csv']),
    });
    expect(result.summary.format.id).toBe('clever');
    const ignored = [...result.findings].filter((f) => f.code === 'file-ignored');
    expect(ignored.map((f) => f.file).sort()).toEqual(['manifest.csv', 'orgs.csv', 'users.csv']);
    for (const f of ignored) expect(f.message).toContain('OneRoster 1.1 file name');
    // The ignored files do not block; only these header-only files do, as empty (rules.md §9).
    expect(summary(result).filter((s) => !s.startsWith('file-ignored'))).toEqual([
      'file-empty schools.csv',
      'file-empty teachers.csv',
      'file-empty students.csv',
    ]);
  });

  it('reads the first of two files with the same name and ignores the second', async () => {
    const files = filesOf({ ...CLEVER, 'copy/students.csv': CLEVER['students.csv'] });
    const result = await run(files);
    const ignored = [...result.findings].filter((f) => f.code === 'file-ignored');
    expect(ignored.map((f) => f.file)).toEqual(['copy/students.csv']);
    expect(ignored[0].message).toContain('another students.csv was given (students.csv)');
  });

  it.each([
    ['the loose file first', false, 'copy.zip/students.csv', 'students.csv'],
    ['the zip first', true, 'students.csv', 'copy.zip/students.csv'],
  ])(
    'tells a loose students.csv from one of the same path in a zip (%s)',
    async (_, zipFirst, ignoredOne, readOne) => {
      const zip = zipSync({ 'students.csv': strToU8(CLEVER['students.csv']) });
      const loose = Object.entries(CLEVER).map(([name, text]) => sourceFromBytes(name, text));
      const zipped = sourceFromBytes('copy.zip', zip);
      const result = await run(zipFirst ? [zipped, ...loose] : [...loose, zipped]);
      const ignored = findings(result, 'file-ignored');
      expect(ignored.map((f) => f.message)).toEqual([
        `${ignoredOne} was not checked: another students.csv was given (${readOne}); only that one was read.`,
      ]);
      expect(result.summary.files.map((f) => f.name).sort()).toContain(ignoredOne);
    },
  );

  it('does not report the standard OneRoster files Remind does not read', async () => {
    const result = await run({
      ...oneRoster('1.2'),
      'userProfiles.csv': 'sourcedId\n',
      'lineItems.csv': 'x\n',
    });
    expect(summary(result, 'file-ignored')).toEqual([]);
  });

  const unknownCases: Array<{ name: string; files: Record<string, string | Uint8Array> }> = [
    { name: 'unrelated CSV files', files: { 'notes.csv': 'a,b\n1,2\n', 'grades.csv': 'x\n' } },
    { name: 'known names with unrelated headers', files: { 'students.csv': 'x,y\n', 'users.csv': 'id\n' } },
    {
      name: 'an image',
      files: { 'photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]) },
    },
    { name: 'nothing at all', files: {} },
  ];
  it.each(unknownCases)('throws one clear line for $name', async ({ files }) => {
    const error = await run(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^The format of these files was not recognised\. Files seen: /);
    const names = Object.keys(files);
    for (const name of names) expect(message).toContain(name);
    if (names.length === 0) expect(message).toContain('Files seen: no files');
    for (const adapter of ADAPTERS) {
      const needs = adapter.files.filter((f) => f.required === 'yes').map((f) => f.name);
      expect(message).toContain(`${adapter.label}: ${needs.join(', ')}`);
    }
    // OneRoster's demographics.csv may be absent (a non-blocking file-missing): not "needed".
    expect(message).toContain('enrollments.csv (and ideally demographics.csv)');
    expect(message).not.toMatch(/enrollments\.csv, demographics\.csv/);
  });

  it('names what an unreadable file is', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]);
    const message = await run({ 'photo.png': png }).catch((e: Error) => e.message);
    expect(message).toMatch(/photo\.png \([^)]*PNG[^)]*\)/);
  });
});
