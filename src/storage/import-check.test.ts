import { describe, expect, it } from 'vitest';
import { exportHistory, importHistory } from './transfer.ts';
import { storePerTest, storeTwoRuns } from '../../tests/fixtures/storage.ts';

const store = storePerTest();

const MON = '2026-11-23T09:00:00.000Z';
const TUE = '2026-11-24T09:00:00.000Z';

describe('runs that are not valid', () => {
  it('skips runs that are not valid and keeps the valid ones', async () => {
    await storeTwoRuns(store());
    const data = JSON.parse(await (await exportHistory(store())).text());
    await store().deleteAll();
    const [good, counts] = data.runs;
    const badFinding = structuredClone(good);
    badFinding.findings[3] = ['teacher-email', null, 'teacher', 7];
    const badCount = structuredClone(good);
    badCount.head.findingCount = 99;
    const badTotals = structuredClone(counts);
    delete badTotals.head.totals.error;
    const badSnapshot = { ...structuredClone(counts), snapshot: { salt: 'x' } };
    const badRule = structuredClone(good);
    badRule.details.rules['teacher-email'] = { code: 'teacher-email' }; // no fixes: opening it would fail
    const badName = structuredClone(good);
    badName.details.rules['teacher-email'].remindName = { text: 'x' }; // Remind's name is a text when given
    data.runs = [badFinding, badCount, badTotals, badSnapshot, badRule, badName, counts, 'junk', null];
    expect(await importHistory(store(), JSON.stringify(data))).toMatchObject({
      added: 1,
      duplicates: 0,
      invalid: 8,
    });
    expect((await store().runs()).map((r) => r.at)).toEqual([TUE]);
  });
});

describe('checking each imported run', () => {
  async function exportedRun() {
    await storeTwoRuns(store());
    const data = JSON.parse(await (await exportHistory(store())).text());
    await store().deleteAll();
    return data;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, spoiled freely
  type Run = { head: Record<string, any>; details: Record<string, any>; findings: unknown[] };

  it.each<[string, (run: Run) => void, RegExp]>([
    [
      'a school listed twice',
      (r) => r.details.schools.push({ ...r.details.schools[0] }),
      /details\.schools\[2\] repeats school ID "s1"/,
    ],
    [
      'two "(no school)" entries',
      (r) =>
        r.details.schools.push({ ...r.details.schools[0], id: null }, { ...r.details.schools[0], id: null }),
      /repeats the "\(no school\)" entry/,
    ],
    ['a null school', (r) => (r.details.schools[1] = null), /details\.schools\[1\] is null, not a record/],
    ['a null file problem', (r) => r.details.fileProblems.push(null), /details\.fileProblems\[\d\] is null/],
    [
      'a file problem without its codes',
      (r) => r.details.fileProblems.push({ name: 'a.csv', present: true, rows: 1, blocking: 0, other: 0 }),
      /fileProblems\[\d\]\.codes is missing/,
    ],
    ['a null file', (r) => r.head.files.push(null), /head\.files\[\d\] is null/],
    [
      'a file without rows',
      (r) => delete r.head.files[0].rows,
      /head\.files\[0\]\.rows is missing, not a count/,
    ],
    [
      'a null school count',
      (r) => (r.details.schools[0].counts.students = null),
      /counts\.students is null, not a count/,
    ],
    [
      'a count of a code without a rule',
      (r) => (r.details.hold['hold-made-up'] = 1),
      /counts "hold-made-up" but has no rule/,
    ],
    [
      'a rule filed under another code',
      (r) => (r.details.rules['teacher-email'].code = 'x'),
      /describes "x"/,
    ],
    [
      'a null rule fix',
      (r) => (r.details.rules['teacher-email'].fixes.missing = null),
      /fixes\["missing"\] is null, not text/,
    ],
    ['a negative total', (r) => (r.head.totals.students = -1), /head\.totals\.students is -1/],
    [
      'a forced format that is not true or false',
      (r) => (r.head.formatForced = 'yes'),
      /head\.formatForced is not true or false/,
    ],
    ['a chosen input that is not text', (r) => (r.head.chosen = 3), /head\.chosen is 3, not text/],
    [
      'a named district that is not true or false',
      (r) => (r.head.districtNamed = 1),
      /head\.districtNamed is not true or false/,
    ],
    [
      'a time in another form',
      (r) => (r.head.at = 'Mon, 23 Nov 2026 09:00:00 GMT'),
      /head\.at is .*not a time/,
    ],
    [
      'a run dated 9999-12-31',
      (r) => (r.head.at = '9999-12-31T00:00:00.000Z'),
      /head\.at is 9999-12-31T00:00:00\.000Z, in the future/,
    ],
    [
      'changes since a future run',
      (r) =>
        (r.head.changes = {
          new: 1,
          resolved: 0,
          unchanged: 0,
          since: 1,
          sinceAt: '9999-01-01T00:00:00.000Z',
        }),
      /sinceAt .* in the future/,
    ],
    ['a null finding', (r) => (r.findings[0] = null), /findings\[0\] is not a finding/],
  ])('skips a run with %s and says why, naming the run', async (_, spoil, why) => {
    const data = await exportedRun();
    spoil(data.runs[0]);
    const result = await importHistory(store(), JSON.stringify(data));
    expect(result).toMatchObject({ added: 1, invalid: 1 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^run 1 \(.+, Remind CSV 1\.0\): /);
    expect(result.problems[0]).toMatch(why);
  });

  it("accepts a run dated a little after this computer's clock (the other clock ran ahead)", async () => {
    const data = await exportedRun();
    const now = Date.parse(data.runs[1].head.at) - 10 * 60 * 1000;
    expect(await importHistory(store(), JSON.stringify(data), { now })).toMatchObject({
      added: 2,
      invalid: 0,
    });
  });

  it('ignores a district record dated in the future (the run joins with its own date)', async () => {
    const data = await exportedRun();
    for (const d of data.districts) d.lastRunAt = '9999-12-31T00:00:00.000Z';
    await importHistory(store(), JSON.stringify(data));
    expect((await store().districts()).map((d) => d.lastRunAt).sort()).toEqual([MON, TUE]);
  });
});
