import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from './history-store.ts';
import { EXPORT_KIND, ImportError } from './history-file.ts';
import { exportHistory, importHistory } from './transfer.ts';
import { FINDINGS_PER_CHUNK } from './schema.ts';
import {
  freshIndexedDb,
  manyFindings,
  runReport,
  school,
  snapshotOf,
  storeRun,
} from '../../tests/fixtures/storage.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => store.close());

const MON = '2026-11-23T09:00:00.000Z';
const TUE = '2026-11-24T09:00:00.000Z';

async function everything() {
  const runs = await store.runs();
  return Promise.all(
    runs.map(async (r) => {
      const findings = [];
      for await (const chunk of store.findings(r)) findings.push(...chunk);
      const { id: _i, startedAt: _s, writer: _w, district: _d, ...head } = r;
      const { run: _r, ...details } = (await store.details(r.id!))!;
      return { head, details, snapshot: await store.snapshot(r.id!), findings };
    }),
  );
}

async function twoRuns() {
  const big = manyFindings(FINDINGS_PER_CHUNK + 1);
  await storeRun(store, runReport(MON, big), big, {
    snapshot: snapshotOf('0011223344556677', [0xan, 0xbn]),
    chosen: 'district.zip',
  });
  await storeRun(store, runReport(TUE, manyFindings(2), [school('x', 'Elsewhere')]), manyFindings(2), {
    keep: 'counts',
    formatForced: true,
    chosen: 'the folder export',
  });
}

describe('exporting and importing the history', () => {
  it('gives back every run, finding, detail and snapshot after everything was deleted', async () => {
    await twoRuns();
    const before = await everything();
    expect(before.map((r) => [r.head.chosen, r.head.formatForced])).toEqual([
      ['the folder export', true],
      ['district.zip', undefined],
    ]);
    const file = await exportHistory(store);
    const exported = JSON.parse(await file.text());
    expect(exported).toMatchObject({ kind: EXPORT_KIND, version: 1 });
    // The file carries the report JSON's hex lists, not the stored numbers.
    expect(exported.runs[0].snapshot).toEqual({
      salt: '0011223344556677',
      teachers: ['000000000000000a', '000000000000000b'],
      students: [],
      parents: [],
      classes: [],
    });
    await store.deleteAll();
    expect(await importHistory(store, await file.text())).toEqual({
      added: 2,
      duplicates: 0,
      invalid: 0,
      problems: [],
    });
    expect(await everything()).toEqual(before);
    expect((await store.districts()).length).toBe(2);
  });

  it('carries the name the admin gave a district', async () => {
    await twoRuns();
    const id = (await store.runs())[1].district;
    await store.renameDistrict(id, 'Springfield Public Schools');
    const text = await (await exportHistory(store)).text();
    await store.deleteAll();
    await importHistory(store, text);
    const districts = await store.districts();
    expect(districts.filter((d) => d.named).map((d) => d.label)).toEqual(['Springfield Public Schools']);
    const spoiled = JSON.parse(text);
    for (const d of spoiled.districts) d.named = 'yes';
    await store.deleteAll();
    await importHistory(store, JSON.stringify(spoiled));
    expect((await store.districts()).some((d) => d.named)).toBe(false);
  });

  it('does not duplicate runs imported twice or already here', async () => {
    await twoRuns();
    const text = await (await exportHistory(store)).text();
    expect(await importHistory(store, text)).toEqual({ added: 0, duplicates: 2, invalid: 0, problems: [] });
    expect((await store.runs()).length).toBe(2);
  });

  it('joins imported runs to the district this browser already knows by its schools', async () => {
    await twoRuns();
    const text = await (await exportHistory(store)).text();
    await store.deleteAll();
    await storeRun(store, runReport('2026-11-20T09:00:00.000Z', []), []);
    const [local] = await store.districts();
    await importHistory(store, text);
    const runs = await store.runs();
    expect(runs.filter((r) => r.district === local.id).map((r) => r.at)).toEqual([
      MON,
      '2026-11-20T09:00:00.000Z',
    ]);
    expect(await store.latestRun(local.id)).toMatchObject({ at: MON });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['another JSON file', '{"reportVersion":1,"findings":[]}', /not a Roster Check history/],
    ['a later export version', JSON.stringify({ kind: EXPORT_KIND, version: 9, runs: [] }), /version 9/],
    [
      'version "1", a string',
      JSON.stringify({ kind: EXPORT_KIND, version: '1', runs: [] }),
      /^This history export has version "1", written as text and not as a number; this page reads version 1\.$/,
    ],
    [
      'no version',
      JSON.stringify({ kind: EXPORT_KIND, runs: [] }),
      /has no version; this page reads version 1/,
    ],
  ])('refuses %s with a clear message', async (_, text, message) => {
    const error = await importHistory(store, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
  });

  it('skips runs that are not valid and keeps the valid ones', async () => {
    await twoRuns();
    const data = JSON.parse(await (await exportHistory(store)).text());
    await store.deleteAll();
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
    expect(await importHistory(store, JSON.stringify(data))).toMatchObject({
      added: 1,
      duplicates: 0,
      invalid: 8,
    });
    expect((await store.runs()).map((r) => r.at)).toEqual([TUE]);
  });
});

describe('a run without schools whose district the admin named', () => {
  it('stays in that district through an export and an import, marked as named', async () => {
    await storeRun(store, runReport(MON, manyFindings(2)), manyFindings(2));
    const [north] = await store.districts();
    await storeRun(store, runReport(TUE, manyFindings(1), []), manyFindings(1), { namedDistrict: north });
    const file = await exportHistory(store);
    await store.deleteAll();
    expect(await importHistory(store, await file.text())).toMatchObject({ added: 2, invalid: 0 });
    const runs = await store.runs();
    expect(runs.map((r) => [r.at, r.districtNamed])).toEqual([
      [TUE, true],
      [MON, undefined],
    ]);
    expect(runs[0].district).toBe(runs[1].district);
    expect(await store.districts()).toHaveLength(1);
  });
});

describe('importing a large export', () => {
  it('reads the file a slice at a time, a run at a time, with the same result', async () => {
    await twoRuns();
    const before = await everything();
    expect(before.map((r) => [r.head.chosen, r.head.formatForced])).toEqual([
      ['the folder export', true],
      ['district.zip', undefined],
    ]);
    const file = await exportHistory(store);
    await store.deleteAll();
    const slices: number[] = [];
    const sliced = new Proxy(file, {
      get: (blob, key) =>
        key === 'slice'
          ? (start: number, end: number) => (slices.push(start), blob.slice(start, end))
          : Reflect.get(blob, key, blob),
    });
    const result = await importHistory(store, sliced, { chunkBytes: 997, maxRunBytes: 4 << 20 });
    expect(result).toEqual({ added: 2, duplicates: 0, invalid: 0, problems: [] });
    expect(await everything()).toEqual(before);
    expect(slices.length).toBe(2 * Math.ceil(file.size / 997)); // two passes, never the whole file
  });

  it('skips a run too large to read as one string, names it, and imports the others', async () => {
    await twoRuns();
    const file = await exportHistory(store);
    await store.deleteAll();
    const result = await importHistory(store, file, { chunkBytes: 4096, maxRunBytes: 100_000 });
    expect(result).toMatchObject({ added: 1, invalid: 1 });
    expect(result.problems).toEqual([
      expect.stringMatching(/^run 1: \d+ MB, too large to import in this browser$/),
    ]);
    expect((await store.runs()).map((r) => r.at)).toEqual([TUE]);
  });

  it('says a file whose other parts are too large is too large, never "not JSON"', async () => {
    const text = JSON.stringify({ kind: EXPORT_KIND, version: 1, districts: ['x'.repeat(2000)], runs: [] });
    const error = await importHistory(store, text, { chunkBytes: 64, maxRunBytes: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/too large/);
    expect((error as Error).message).not.toMatch(/not JSON/);
  });

  it('says a file cut short ends early', async () => {
    await twoRuns();
    const text = await (await exportHistory(store)).text();
    const error = await importHistory(store, text.slice(0, -50)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/ends before the export does/);
  });
});

describe('checking each imported run', () => {
  async function exportedRun() {
    await twoRuns();
    const data = JSON.parse(await (await exportHistory(store)).text());
    await store.deleteAll();
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
    const result = await importHistory(store, JSON.stringify(data));
    expect(result).toMatchObject({ added: 1, invalid: 1 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^run 1 \(.+, Remind CSV 1\.0\): /);
    expect(result.problems[0]).toMatch(why);
  });

  it("accepts a run dated a little after this computer's clock (the other clock ran ahead)", async () => {
    const data = await exportedRun();
    const now = Date.parse(data.runs[1].head.at) - 10 * 60 * 1000;
    expect(await importHistory(store, JSON.stringify(data), { now })).toMatchObject({ added: 2, invalid: 0 });
  });

  it('ignores a district record dated in the future (the run joins with its own date)', async () => {
    const data = await exportedRun();
    for (const d of data.districts) d.lastRunAt = '9999-12-31T00:00:00.000Z';
    await importHistory(store, JSON.stringify(data));
    expect((await store.districts()).map((d) => d.lastRunAt).sort()).toEqual([MON, TUE]);
  });
});
