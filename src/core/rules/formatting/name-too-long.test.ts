import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { DISTRICTS, districtFiles, type Records } from '../../../../tests/fixtures/districts.ts';
import { findings, run } from '../../../../tests/helpers.ts';

const edit = (format: FormatId, file: string, index: number, cells: Record<string, string>): Records =>
  DISTRICTS[format][file].map((r, i) => (i === index ? { ...r, ...cells } : r));

const name = (length: number, unit = 'x') => unit.repeat(length);

describe('name-too-long', () => {
  it.each<[string, FormatId, string, number, string, string, string]>([
    ['a school name of 61', 'remind-csv-1.0', 'schools.csv', 0, 'school_name', name(61), 'school name is 61'],
    ['a class name of 256', 'remind-csv-1.0', 'classes.csv', 0, 'class_name', name(256), 'class name is 256'],
    ['a Clever section name', 'clever', 'sections.csv', 0, 'Name', name(300), 'class name is 300'],
    ['a Clever school name', 'clever', 'schools.csv', 0, 'School_name', name(70), 'school name is 70'],
    ['a OneRoster class title', 'oneroster-1.2', 'classes.csv', 0, 'title', name(256), 'class name is 256'],
    ['a OneRoster school', 'oneroster-1.1', 'orgs.csv', 1, 'name', name(61), 'school name is 61'],
    [
      'a Remind CSV 2.0 class',
      'remind-csv-2.0',
      'classes.csv',
      0,
      'class_name',
      name(256),
      'class name is 256',
    ],
    [
      'counted in characters, not bytes',
      'remind-csv-1.0',
      'schools.csv',
      0,
      'school_name',
      name(61, 'é'),
      'school name is 61',
    ],
    [
      'an emoji is one character',
      'remind-csv-1.0',
      'schools.csv',
      0,
      'school_name',
      name(61, '🏫'),
      'school name is 61',
    ],
  ])(
    '%s: one finding on its row, does not block',
    async (_label, format, file, index, column, value, detail) => {
      const result = await run(
        districtFiles(format, { [file]: edit(format, file, index, { [column]: value }) }),
      );
      const row = index + 2;
      const limit = detail.startsWith('school') ? 60 : 255;
      expect(
        findings(result, 'name-too-long').map((f) => [f.file, f.row, f.field, f.value, f.message]),
      ).toEqual([
        [file, row, column, value, `${file} row ${row}: the ${detail} characters long (limit ${limit}).`],
      ]);
      expect(result.summary.blocked).toBe(false);
    },
  );

  it.each<[string, string, string]>([
    ['a school name of exactly 60', 'schools.csv', 'school_name'],
    ['a class name of exactly 255', 'classes.csv', 'class_name'],
  ])('%s is fine', async (_label, file, column) => {
    const limit = file === 'schools.csv' ? 60 : 255;
    // Ten emoji make the name longer than the limit in UTF-16 units, not in characters.
    const records = edit('remind-csv-1.0', file, 0, { [column]: name(10, '🏫') + name(limit - 10) });
    const result = await run(districtFiles('remind-csv-1.0', { [file]: records }));
    expect(findings(result, 'name-too-long')).toEqual([]);
  });

  it('OneRoster: only school orgs have a school name', async () => {
    const orgs = edit('oneroster-1.1', 'orgs.csv', 0, { name: name(80) });
    const result = await run(districtFiles('oneroster-1.1', { 'orgs.csv': orgs }));
    expect(orgs[0].type).toBe('district');
    expect(findings(result, 'name-too-long')).toEqual([]);
  });

  it('does not count spaces around the name', async () => {
    const records = edit('remind-csv-1.0', 'schools.csv', 0, { school_name: `  ${name(60)}  ` });
    expect(
      findings(await run(districtFiles('remind-csv-1.0', { 'schools.csv': records })), 'name-too-long'),
    ).toEqual([]);
  });

  it('keeps the record: the name is still used', async () => {
    const records = edit('remind-csv-1.0', 'schools.csv', 0, { school_name: name(61) });
    const result = await run(districtFiles('remind-csv-1.0', { 'schools.csv': records }));
    expect(result.summary.schools.map((s) => s.name)).toEqual([name(61)]);
  });
});
