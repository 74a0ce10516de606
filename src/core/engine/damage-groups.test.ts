import { describe, expect, it } from 'vitest';
import { Roster } from '../model/roster.ts';
import { rowQuotes } from '../rules/formatting/row-quotes.ts';
import { FindingCollector } from './collector.ts';
import { DamageGroups } from './damage-groups.ts';

function setUp() {
  const roster = new Roster();
  roster.files.push('users.csv', 'demographics.csv');
  roster.addPerson('p1', 'student', 0, 2);
  return { roster, groups: new DamageGroups(roster), findings: new FindingCollector() };
}

describe('DamageGroups.note', () => {
  it.each([
    { rows: [4, 2, 3], kept: [4, 2, 3], count: 3, moreRows: false },
    { rows: [2, 2, 2], kept: [2], count: 3, moreRows: false },
    { rows: [2, 3, 4, 5, 6, 7], kept: [2, 3, 4, 5, 6], count: 6, moreRows: true },
  ])('rows $rows: keeps $kept, counts $count', ({ rows, kept, count, moreRows }) => {
    const { groups } = setUp();
    for (const row of rows) groups.note(0, 'phone', 'scientific-notation', row, '1.2E+10');
    expect(groups.size).toBe(1);
    expect(groups.get(0, 'phone', 'scientific-notation')).toMatchObject({ rows: kept, count, moreRows });
  });

  it('keeps one group per file, column and kind, with its first example', () => {
    const { groups } = setUp();
    groups.note(0, 'phone', 'scientific-notation', 2, '1.2E+10');
    groups.note(0, 'phone', 'scientific-notation', 3, '3.4E+10');
    groups.note(0, 'sms', 'scientific-notation', 2, '5.6E+10');
    groups.note(1, 'phone', 'scientific-notation', 2, '7.8E+10');
    groups.note(0, 'phone', 'formula-error', 2, '#REF!');
    expect(groups.size).toBe(4);
    expect(groups.get(0, 'phone', 'scientific-notation')?.example).toBe('1.2E+10');
    expect(groups.get(1, 'sms', 'scientific-notation')).toBeUndefined();
  });
});

describe('DamageGroups.finish', () => {
  it('adds nothing when no damage was found', () => {
    const { groups, findings } = setUp();
    groups.finish(findings);
    expect(findings.raw).toEqual([]);
  });

  it('one finding per group, at its first row; the findings read from a damaged column are linked to it', () => {
    const { groups, findings } = setUp();
    groups.note(1, 'mobile', 'scientific-notation', 9, '1.2E+10');
    groups.note(1, 'mobile', 'scientific-notation', 5, '1.2E+10');
    groups.note(0, 'sms', 'scientific-notation', 3, '3.4E+10');
    // A row finding in the damaged column, a person's finding (file 0 by the person), a clean value.
    const row = findings.add(rowQuotes, 'row', { file: 1, row: 5, field: 'mobile', value: '1.2E+10' });
    const person = findings.add(rowQuotes, 'person', { field: 'phone', value: '3.4E+10' }, 0);
    const clean = findings.add(rowQuotes, 'row', { file: 1, row: 6, field: 'mobile', value: '555' });
    groups.finish(findings);
    const added = findings.raw.slice(3).map((f) => [f.code, f.file, f.row, f.field, f.reason]);
    expect(added).toEqual([
      ['spreadsheet-damage', 1, 5, 'mobile', 'scientific-notation'],
      ['spreadsheet-damage', 0, 3, 'sms', 'scientific-notation'],
    ]);
    const link = (file: number, field: string) => ({
      reason: 'scientific-notation',
      file,
      field,
      other: null,
      definition: false,
    });
    expect(row.because).toEqual(link(1, 'mobile'));
    expect(person.because).toEqual(link(0, 'sms'));
    expect(clean.because).toBeUndefined();
  });
});
