import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../formats/types.ts';
import { DISTRICTS, districtFiles } from '../../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

const manifest = (format: FormatId, files: Record<string, string>) => [
  ...DISTRICTS[format]['manifest.csv'],
  ...Object.entries(files).map(([name, mode]) => ({ propertyName: `file.${name}`, value: mode })),
];

describe('delta-export (rules.md §9)', () => {
  it.each<[string, FormatId, Record<string, string>, Array<[number, string]>]>([
    ['every file in bulk', 'oneroster-1.1', { orgs: 'bulk', users: 'bulk', enrollments: 'bulk' }, []],
    ['users.csv as delta', 'oneroster-1.1', { orgs: 'bulk', users: 'delta' }, [[5, 'users.csv']]],
    ['any letter case', 'oneroster-1.1', { users: 'Delta' }, [[4, 'users.csv']]],
    [
      'one finding per delta file the format reads',
      'oneroster-1.2',
      { classes: 'delta', roles: 'delta', demographics: 'delta', orgs: 'bulk' },
      [
        [4, 'classes.csv'],
        [5, 'roles.csv'],
        [6, 'demographics.csv'],
      ],
    ],
    // Only read to check references when present; a delta of them changes nothing Remind does.
    ['courses and sessions as delta', 'oneroster-1.1', { courses: 'delta', academicSessions: 'delta' }, []],
    ['a file marked absent', 'oneroster-1.1', { lineItems: 'absent', users: 'bulk' }, []],
  ])('%s', async (_, format, files, expected) => {
    const result = await run(districtFiles(format, { 'manifest.csv': manifest(format, files) }));
    const found = findings(result, 'delta-export');
    expect(found.map((f) => [f.row, f.value])).toEqual(expected);
    expect(summary(result).filter((s) => !s.startsWith('delta-export'))).toEqual([]);
    expect(result.summary.blocked).toBe(expected.length > 0);
  });

  it('names the manifest row and the file, and asks for a bulk export', async () => {
    const files = districtFiles('oneroster-1.1', {
      'manifest.csv': manifest('oneroster-1.1', { users: 'delta' }),
    });
    const [finding] = findings(await run(files), 'delta-export');
    expect(finding).toMatchObject({ severity: 'formatting', file: 'manifest.csv', field: 'value' });
    expect(finding.message).toBe(
      'manifest.csv row 4 marks users.csv as a delta (changes-only) file; Remind needs it in bulk (every record).',
    );
    expect(finding.fix).toContain('bulk');
  });
});
