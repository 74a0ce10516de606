import { describe, expect, it } from 'vitest';
import { findings, run } from '../../../tests/helpers.ts';
import type { ValidateOptions } from '../engine/validate.ts';
import type { SnapshotKind } from '../snapshot/snapshot.ts';
import {
  expectNoFormatting,
  remind2,
  type ClassRow,
  type UserRow,
} from '../../../tests/fixtures/rules/remind2.ts';

const SALT = '0123456789abcdef';
const OTHER_SALT = 'fedcba9876543210';

/** Per kind, the records numbered from..to (from defaults to 1; 0 records when `to` is 0). */
type Span = Partial<Record<SnapshotKind, number>>;
const TEN: Record<SnapshotKind, number> = { teachers: 10, students: 10, parents: 10, classes: 10 };

function district(to: Span, from: Span = {}): Record<string, string> {
  const ids = (kind: SnapshotKind, prefix: string) =>
    Array.from({ length: Math.max(0, (to[kind] ?? 0) - (from[kind] ?? 1) + 1) }, (_, i) => {
      return `${prefix}${(from[kind] ?? 1) + i}`;
    });
  const users: UserRow[] = [
    ...ids('teachers', 't').map((id) => ({ id, role: 'teacher', email: `${id}@school.org` })),
    ...ids('students', 'st').map((id) => ({ id, role: 'student' })),
    ...ids('parents', 'p').map((id) => ({ id, role: 'parent', email: `${id}@home.org` })),
  ];
  const classes: ClassRow[] = ids('classes', 'c').map((id) => ({ id }));
  return remind2(users, classes);
}

async function check(files: Record<string, string>, options: ValidateOptions = {}) {
  const result = await run(files, { salt: SALT, ...options });
  expectNoFormatting(result);
  return result;
}

/** The hold-removals findings of a run compared with an earlier one, as "kind gone of before". */
async function holds(before: Record<string, string>, now: Record<string, string>) {
  const previous = (await check(before)).snapshot;
  const result = await check(now, { previous });
  return findings(result, 'hold-removals').map((f) => `${f.field} ${f.value}`);
}

describe('hold-removals (rules.md §7: more than 10% of the earlier records gone)', () => {
  it.each<[string, Span, Span, Span, string[]]>([
    ['nothing gone', TEN, TEN, {}, []],
    [
      'exactly 100 of 1000 students gone: no hold',
      { students: 1000 },
      { students: 1000 },
      { students: 101 },
      [],
    ],
    [
      '101 of 1000 students gone: a hold',
      { students: 1000 },
      { students: 1000 },
      { students: 102 },
      ['students 101 of 1000'],
    ],
    ['1 of 10 teachers gone (10%): no hold', TEN, TEN, { teachers: 2 }, []],
    ['2 of 10 teachers gone', TEN, TEN, { teachers: 3 }, ['teachers 2 of 10']],
    ['2 of 10 students gone', TEN, TEN, { students: 3 }, ['students 2 of 10']],
    ['2 of 10 parents gone', TEN, TEN, { parents: 3 }, ['parents 2 of 10']],
    ['2 of 10 classes gone', TEN, TEN, { classes: 3 }, ['classes 2 of 10']],
    [
      'one finding per kind that crosses the threshold',
      TEN,
      { teachers: 10, students: 10, parents: 10, classes: 7 },
      { teachers: 3, students: 2, parents: 5 },
      ['teachers 2 of 10', 'parents 4 of 10', 'classes 3 of 10'],
    ],
    [
      'every record gone',
      TEN,
      {},
      {},
      ['teachers 10 of 10', 'students 10 of 10', 'parents 10 of 10', 'classes 10 of 10'],
    ],
    [
      'added records do not offset removed ones',
      TEN,
      { ...TEN, students: 20 },
      { students: 3 },
      ['students 2 of 10'],
    ],
    ['a kind the earlier run did not have is skipped', { students: 10 }, TEN, {}, []],
  ])('%s', async (_, before, to, from, expected) => {
    const found = await holds(district(before), district(to, from));
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it('compares IDs exactly: the same records with IDs in upper case are gone', async () => {
    const before = district({ students: 10 });
    const upper = (name: string) => before[name].replace(/\bst(\d)/g, 'ST$1');
    const now = {
      ...before,
      'users.csv': upper('users.csv'),
      'school_enrollments.csv': upper('school_enrollments.csv'),
    };
    expect(await holds(before, now)).toEqual(['students 10 of 10']);
  });

  it('needs an earlier run', async () => {
    const result = await check(district(TEN));
    expect(findings(result, 'hold-removals')).toEqual([]);
  });

  it("hashes this run's IDs with the earlier run's salt, whatever salt it was asked for", async () => {
    const previous = (await check(district(TEN))).snapshot;
    const result = await check(district(TEN, { students: 3 }), { previous, salt: OTHER_SALT });
    expect(result.snapshot.salt).toBe(SALT);
    expect(findings(result, 'hold-removals').map((f) => `${f.field} ${f.value}`)).toEqual([
      'students 2 of 10',
    ]);
  });

  it('takes an earlier report read back from JSON (the command line and the history)', async () => {
    const previous = JSON.parse(JSON.stringify((await check(district(TEN), { salt: OTHER_SALT })).snapshot));
    const result = await check(district(TEN, { classes: 3 }), { previous });
    expect(findings(result, 'hold-removals').map((f) => `${f.field} ${f.value}`)).toEqual([
      'classes 2 of 10',
    ]);
  });

  it('is a district hold, counted apart from the schools', async () => {
    const previous = (await check(district(TEN))).snapshot;
    const result = await check(district(TEN, { students: 3 }), { previous });
    const [finding] = findings(result, 'hold-removals');
    expect(finding).toMatchObject({ severity: 'hold', field: 'students', id: null, schools: [] });
    expect(finding.message).toBe('2 of 10 students of the earlier run are gone from these files (20%).');
    expect(result.summary.hold).toEqual({ 'hold-removals': 1 });
    expect(result.summary.totals.hold).toBe(1);
    expect(
      result.summary.schools.every((s) => !('hold-removals' in s.error) && !('hold-removals' in s.alert)),
    ).toBe(true);
  });
});
