import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { districtFiles } from '../../../../tests/fixtures/districts.ts';
import { sourceFromBytes } from '../../input/source.ts';
import { filesOf, findings, run } from '../../../../tests/helpers.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('file-ignored', () => {
  it.each<[string, FormatId, string, string | Uint8Array, string]>([
    [
      'a file the format does not have',
      'remind-csv-1.0',
      'notes.csv',
      'a,b\n1,2\n',
      'Remind CSV 1.0 has no file of that name',
    ],
    [
      'a file of another format',
      'remind-csv-1.0',
      'manifest.csv',
      'propertyName,value\noneroster.version,1.1\n',
      'Remind CSV 1.0 has no file of that name (it is a OneRoster 1.1 file name; the files were read as Remind CSV 1.0)',
    ],
    [
      'a picture',
      'clever',
      'logo.png',
      PNG,
      'it is a PNG image, not a CSV file, and Clever has no file of that name',
    ],
  ])('%s: reported, not blocking', async (_label, format, name, content, detail) => {
    const result = await run({ ...districtFiles(format), [name]: content });
    expect(result.summary.format.id).toBe(format);
    expect(findings(result, 'file-ignored').map((f) => [f.file, f.row, f.message])).toEqual([
      [name, null, `${name} was not checked: ${detail}.`],
    ]);
    expect(result.summary.blocked).toBe(false);
  });

  it('reads only the first of two files with the same name', async () => {
    const district = districtFiles('remind-csv-1.0');
    const sources = [
      ...filesOf(Object.fromEntries(Object.entries(district).map(([n, t]) => [`a/${n}`, t]))),
      sourceFromBytes('b/schools.csv', 'school_id,school_name\ns9,Other\n'),
    ];
    const result = await run(sources);
    expect(findings(result, 'file-ignored').map((f) => f.message)).toEqual([
      'b/schools.csv was not checked: another schools.csv was given (a/schools.csv); only that one was read.',
    ]);
    expect(result.summary.schools.map((s) => s.id)).toEqual(['s1']);
  });

  it.each<[FormatId, string]>([
    ['clever', 'admins.csv'],
    ['oneroster-1.1', 'categories.csv'],
    ['oneroster-1.2', 'userProfiles.csv'],
  ])('%s: a standard file the tool does not read (%s) is not reported', async (format, name) => {
    const result = await run({ ...districtFiles(format), [name]: 'sourcedId\nx\n' });
    expect(findings(result, 'file-ignored')).toEqual([]);
  });

  it('reports zip entries left out: other folders and zips inside', async () => {
    const entries = Object.fromEntries(
      Object.entries(districtFiles('remind-csv-1.0')).map(([n, t]) => [`2026/${n}`, strToU8(t)]),
    );
    const zip = zipSync({ ...entries, 'old/schools.csv': strToU8('x\n'), 'backup.zip': zipSync({}) });
    const result = await run([sourceFromBytes('district.zip', zip)]);
    expect(findings(result, 'file-ignored').map((f) => f.message)).toEqual([
      'backup.zip was not checked: a zip inside district.zip is not opened.',
      'old/schools.csv was not checked: it is in another folder of district.zip than the files checked (2026/).',
    ]);
    expect(findings(result).filter((f) => f.code !== 'file-ignored')).toEqual([]);
  });

  it('lists an ignored file in the report with its size and hash, and no rows', async () => {
    const result = await run({ ...districtFiles('remind-csv-1.0'), 'notes.csv': 'a,b\n1,2\n' });
    const entry = result.summary.files.find((f) => f.name === 'notes.csv');
    expect(entry).toMatchObject({ bytes: 8, rows: 0 });
    expect(entry?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
