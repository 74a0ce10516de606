import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from './history-store.ts';
import { EXPORT_KIND } from './history-file.ts';
import { exportHistory, importHistory } from './transfer.ts';
import {
  everythingIn,
  freshIndexedDb,
  manyFindings,
  runReport,
  storeRun,
  storeTwoRuns,
} from '../../tests/fixtures/storage.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => store.close());

const MON = '2026-11-23T09:00:00.000Z';
const TUE = '2026-11-24T09:00:00.000Z';

describe('exporting and importing the history', () => {
  it('gives back every run, finding, detail and snapshot after everything was deleted', async () => {
    await storeTwoRuns(store);
    const before = await everythingIn(store);
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
    expect(await everythingIn(store)).toEqual(before);
    expect((await store.districts()).length).toBe(2);
  });

  it('carries the name the admin gave a district', async () => {
    await storeTwoRuns(store);
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
    await storeTwoRuns(store);
    const text = await (await exportHistory(store)).text();
    expect(await importHistory(store, text)).toEqual({ added: 0, duplicates: 2, invalid: 0, problems: [] });
    expect((await store.runs()).length).toBe(2);
  });

  it('joins imported runs to the district this browser already knows by its schools', async () => {
    await storeTwoRuns(store);
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
