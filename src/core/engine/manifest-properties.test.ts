import { describe, expect, it } from 'vitest';
import type { FormatId } from '../formats/types.ts';
import { districtFiles } from '../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../tests/helpers.ts';

type Rows = Array<[string, string]>;
const manifest = (rows: Rows) => rows.map(([propertyName, value]) => ({ propertyName, value }));
const HEAD: Rows = [
  ['manifest.version', '1.0'],
  ['oneroster.version', '1.1'],
];

describe('manifest property names (header-missing, reason manifest-property)', () => {
  it.each<[string, FormatId, Rows, Array<[number, string, string]>]>([
    [
      'every property the binding defines',
      'oneroster-1.2',
      [
        ['manifest.version', '1.0'],
        ['oneroster.version', '1.2'],
        ['file.users', 'bulk'],
        ['file.roles', 'bulk'],
        ['file.userProfiles', 'absent'],
        ['file.lineItemScoreScales', 'absent'],
        ['source.systemName', 'SIS'],
        ['source.systemCode', 'sis-1'],
      ],
      [],
    ],
    [
      'a swapped pair',
      'oneroster-1.1',
      [...HEAD, ['fiel.demographics', 'bulk']],
      [[4, 'fiel.demographics', 'file.demographics']],
    ],
    [
      'the version property',
      'oneroster-1.1',
      [HEAD[0], ['oneroster.verison', '1.1']],
      [[3, 'oneroster.verison', 'oneroster.version']],
    ],
    [
      'a letter left out',
      'oneroster-1.1',
      [...HEAD, ['file.user', 'bulk']],
      [[4, 'file.user', 'file.users']],
    ],
    [
      'another letter case',
      'oneroster-1.1',
      [...HEAD, ['File.Users', 'bulk']],
      [[4, 'File.Users', 'file.users']],
    ],
    // The manifest already has the property: the other name is something else, not a slip.
    [
      'the property is there too',
      'oneroster-1.1',
      [...HEAD, ['file.users', 'bulk'], ['file.user', 'bulk']],
      [],
    ],
    [
      'a name like no property',
      'oneroster-1.1',
      [...HEAD, ['vendor.exportId', '42'], ['file.attendance', 'bulk']],
      [],
    ],
    [
      'written twice: its first row',
      'oneroster-1.1',
      [...HEAD, ['fiel.orgs', 'bulk'], ['fiel.orgs', 'bulk']],
      [[4, 'fiel.orgs', 'file.orgs']],
    ],
  ])('%s', async (_, format, rows, expected) => {
    const result = await run(districtFiles(format, { 'manifest.csv': manifest(rows) }));
    const found = findings(result, 'header-missing');
    const meant = (message: string) => /is probably `([^`]+)`/.exec(message)?.[1];
    expect(found.map((f) => [f.row, f.value, meant(f.message)])).toEqual(expected);
    expect(found.every((f) => f.reason === 'manifest-property' && f.field === 'propertyName')).toBe(true);
    expect(summary(result).filter((s) => !s.startsWith('header-missing'))).toEqual([]);
    expect(result.summary.blocked).toBe(false);
  });

  it('names the row, the written and the probable name, and does not block', async () => {
    const files = districtFiles('oneroster-1.1', {
      'manifest.csv': manifest([...HEAD, ['fiel.demographics', 'bulk']]),
    });
    const [finding] = findings(await run(files), 'header-missing');
    expect(finding).toMatchObject({
      severity: 'formatting',
      file: 'manifest.csv',
      reason: 'manifest-property',
    });
    expect(finding.message).toBe(
      'manifest.csv row 4: `fiel.demographics` is probably `file.demographics`; a property under another name is ignored.',
    );
    expect(finding.fix).toContain('manifest.csv');
  });

  it('still blocks on a manifest without its propertyName column', async () => {
    const files = districtFiles('oneroster-1.1', {}, { 'manifest.csv': ['propertyName'] });
    const result = await run(files);
    expect(summary(result, 'header-missing')).toEqual(['header-missing manifest.csv']);
    expect(result.summary.blocked).toBe(true);
  });
});
