import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from './history-store.ts';
import { EXPORT_KIND, exportHistory, ImportError, importHistory } from './transfer.ts';
import { FINDINGS_PER_CHUNK } from './schema.ts';
import { freshIndexedDb, manyFindings, runReport, school, snapshotOf, storeRun } from './testing.ts';

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
      const { id: _i, startedAt: _s, district: _d, ...head } = r;
      const { run: _r, ...details } = (await store.details(r.id!))!;
      return { head, details, snapshot: await store.snapshot(r.id!), findings };
    }),
  );
}

async function twoRuns() {
  const big = manyFindings(FINDINGS_PER_CHUNK + 1);
  await storeRun(store, runReport(MON, big), big, { snapshot: snapshotOf('0011223344556677', [0xan, 0xbn]) });
  await storeRun(store, runReport(TUE, manyFindings(2), [school('x', 'Elsewhere')]), manyFindings(2), {
    keep: 'counts',
  });
}

describe('exporting and importing the history', () => {
  it('gives back every run, finding, detail and snapshot after everything was deleted', async () => {
    await twoRuns();
    const before = await everything();
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
    expect(await importHistory(store, await file.text())).toEqual({ added: 2, duplicates: 0, invalid: 0 });
    expect(await everything()).toEqual(before);
    expect((await store.districts()).length).toBe(2);
  });

  it('does not duplicate runs imported twice or already here', async () => {
    await twoRuns();
    const text = await (await exportHistory(store)).text();
    expect(await importHistory(store, text)).toEqual({ added: 0, duplicates: 2, invalid: 0 });
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
    data.runs = [badFinding, badCount, badTotals, badSnapshot, badRule, counts, 'junk', null];
    expect(await importHistory(store, JSON.stringify(data))).toEqual({ added: 1, duplicates: 0, invalid: 7 });
    expect((await store.runs()).map((r) => r.at)).toEqual([TUE]);
  });
});
