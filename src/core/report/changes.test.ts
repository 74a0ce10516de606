import { describe, expect, it } from 'vitest';
import {
  compareFindings,
  describeChanges,
  listChanges,
  type Changes,
  type ComparableFinding,
} from './changes.ts';

const finding = (more: Partial<ComparableFinding> = {}): ComparableFinding => ({
  code: 'teacher-email',
  id: 't1',
  reason: 'missing',
  file: 'users.csv',
  row: 2,
  schools: ['s1'],
  ...more,
});
const row = (file: string | null, at: number | null, more: Partial<ComparableFinding> = {}) =>
  finding({ code: 'row-columns', id: null, reason: null, file, row: at, schools: [], ...more });
const changes = (n: number, resolved: number, unchanged: number): Changes => ({
  new: n,
  resolved,
  unchanged,
});

describe('changes since the last run: findings keyed by code, record ID and reason', () => {
  it.each<[string, ComparableFinding[], ComparableFinding[], Changes]>([
    ['same code, ID and reason: unchanged', [finding()], [finding()], changes(0, 0, 1)],
    [
      'same code, ID and reason in another row of another file: unchanged (the ID identifies the record)',
      [finding()],
      [finding({ file: 'teachers.csv', row: 40 })],
      changes(0, 0, 1),
    ],
    [
      'same record in other schools: unchanged',
      [finding()],
      [finding({ schools: ['s2', null] })],
      changes(0, 0, 1),
    ],
    [
      'same ID, another reason: one resolved, one new',
      [finding()],
      [finding({ reason: 'invalid' })],
      changes(1, 1, 0),
    ],
    ['a reason appears: one resolved, one new', [finding({ reason: null })], [finding()], changes(1, 1, 0)],
    [
      'same ID, another code: one resolved, one new',
      [finding()],
      [finding({ code: 'parent-contact' })],
      changes(1, 1, 0),
    ],
    ['another ID: one resolved, one new', [finding()], [finding({ id: 't2' })], changes(1, 1, 0)],
    ['IDs compared exactly (case)', [finding()], [finding({ id: 'T1' })], changes(1, 1, 0)],
    ['gone: resolved', [finding(), finding({ id: 't2' })], [finding()], changes(0, 1, 1)],
    ['appeared: new', [], [finding()], changes(1, 0, 0)],
    [
      'counted as many times as it occurs',
      [finding(), finding()],
      [finding(), finding(), finding()],
      changes(1, 0, 2),
    ],
    ['no ID: same file and row is unchanged', [row('users.csv', 5)], [row('users.csv', 5)], changes(0, 0, 1)],
    ['no ID: another row is resolved + new', [row('users.csv', 5)], [row('users.csv', 6)], changes(1, 1, 0)],
    [
      'no ID: another file is resolved + new',
      [row('users.csv', 5)],
      [row('classes.csv', 5)],
      changes(1, 1, 0),
    ],
    [
      'no ID, same file and row, another code: resolved + new',
      [row('users.csv', 5)],
      [row('users.csv', 5, { code: 'row-quotes' })],
      changes(1, 1, 0),
    ],
    [
      'no ID, same file and row, another reason: resolved + new',
      [row('users.csv', 5, { reason: 'a' })],
      [row('users.csv', 5, { reason: 'b' })],
      changes(1, 1, 0),
    ],
    [
      'a file finding (no ID, no row) matches the same file',
      [row('a.csv', null)],
      [row('a.csv', null)],
      changes(0, 0, 1),
    ],
    ['a file finding of another file', [row('a.csv', null)], [row('b.csv', null)], changes(1, 1, 0)],
    [
      'a file is known by its name within the export, not the folder or zip above it',
      [row('users.csv', 5), row('export/orgs.csv', null)],
      [row('district.zip/2026-11/users.csv', 5), row('C:\\exports\\orgs.csv', null)],
      changes(0, 0, 2),
    ],
    [
      'a district finding (no ID, file or row) matches its code',
      [row(null, null, { code: 'hold-removals', field: 'students' })],
      [row(null, null, { code: 'hold-removals', field: 'students' })],
      changes(0, 0, 1),
    ],
    [
      'a district finding about another kind (students gone, then teachers gone): resolved and new',
      [row(null, null, { code: 'hold-removals', field: 'students' })],
      [row(null, null, { code: 'hold-removals', field: 'teachers' })],
      changes(1, 1, 0),
    ],
    [
      'the field of a row finding does not count (the row identifies it)',
      [row('a.csv', 3, { field: 'email' })],
      [row('a.csv', 3, { field: 'phone' })],
      changes(0, 0, 1),
    ],
    [
      'an ID wins over file and row: a row finding does not match a record finding of the same code',
      [finding({ code: 'id-duplicate', id: 'st1', reason: null, row: 5 })],
      [row('users.csv', 5, { code: 'id-duplicate' })],
      changes(1, 1, 0),
    ],
  ])('%s', (_, before, now, expected) => {
    expect(compareFindings(before, now)).toEqual(expected);
  });

  it('counts per school: only the findings counted in that school, null for "(no school)"', () => {
    const before = [
      finding({ id: 't1', schools: ['s1', 's2'] }),
      finding({ id: 't2', schools: ['s2'] }),
      finding({ id: 't3', schools: [null] }),
    ];
    const now = [
      finding({ id: 't1', schools: ['s1'] }),
      finding({ id: 't4', schools: ['s1'] }),
      finding({ id: 't3', schools: [null] }),
      finding({ id: 't5', schools: [null] }),
    ];
    expect(compareFindings(before, now, 's1')).toEqual(changes(1, 0, 1));
    expect(compareFindings(before, now, 's2')).toEqual(changes(0, 2, 0));
    expect(compareFindings(before, now, null)).toEqual(changes(1, 0, 1));
    expect(compareFindings(before, now, 's9')).toEqual(changes(0, 0, 0));
    expect(compareFindings(before, now)).toEqual(changes(2, 1, 2));
  });

  it('says it in words', () => {
    expect(describeChanges(changes(3, 2, 1), '2026-11-01')).toBe(
      '2 resolved, 3 new, 1 unchanged since 2026-11-01',
    );
  });
});

describe('the changes as lists', () => {
  it('new in this run, resolved from the earlier run, each occurrence matched once', () => {
    const a = finding({ id: 'a' });
    const b = finding({ id: 'b' });
    const c = finding({ id: 'c' });
    const lists = listChanges([a, b, b], [b, c, { ...c }, finding({ id: 'a', reason: 'invalid' })]);
    expect(lists.unchanged).toBe(1);
    expect(lists.new.map((f) => [f.id, f.reason])).toEqual([
      ['c', 'missing'],
      ['c', 'missing'],
      ['a', 'invalid'],
    ]);
    expect(lists.resolved).toEqual([a, b]);
  });

  it('agrees with the counts', () => {
    const before = [finding(), finding({ id: 't2' }), row('users.csv', 4)];
    const now = [finding(), row('export/users.csv', 4), row('users.csv', 5)];
    const lists = listChanges(before, now);
    expect({ new: lists.new.length, resolved: lists.resolved.length, unchanged: lists.unchanged }).toEqual(
      compareFindings(before, now),
    );
  });
});
