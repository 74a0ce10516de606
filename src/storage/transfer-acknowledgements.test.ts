import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Acknowledgement } from '../core/report/acknowledged.ts';
import { HistoryStore } from './history-store.ts';
import { exportHistory, importHistory } from './transfer.ts';
import { NO_SCHOOLS_DISTRICT } from './district.ts';
import { freshIndexedDb, manyFindings, runReport, school, storeRun } from '../../tests/fixtures/storage.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => store.close());

const MON = '2026-11-23T09:00:00.000Z';
const TUE = '2026-11-24T09:00:00.000Z';
const ack = (id: string, note: string | null = null): Acknowledgement => ({
  code: 'teacher-email',
  id,
  field: 'email',
  value: 'x@',
  note,
});

/** Two districts (North and South; Elsewhere), each with acknowledgements. Their IDs. */
async function twoDistricts(): Promise<[string, string]> {
  await storeRun(store, runReport(MON, manyFindings(2)), manyFindings(2));
  await storeRun(store, runReport(TUE, [], [school('x', 'Elsewhere')]), []);
  const [elsewhere, northSouth] = (await store.runs()).map((r) => r.district);
  await store.acknowledge(northSouth, [ack('t1', 'on leave'), ack('t2')]);
  await store.acknowledge(elsewhere, [ack('t9')]);
  return [northSouth, elsewhere];
}

describe('acknowledgements in the history export', () => {
  it('are exported and come back with their districts after everything was deleted', async () => {
    const [northSouth, elsewhere] = await twoDistricts();
    const file = await exportHistory(store);
    const data = JSON.parse(await file.text());
    expect(data.acknowledgements).toHaveLength(2);
    await store.deleteAll();
    const result = await importHistory(store, await file.text());
    expect(result).toMatchObject({ added: 2, problems: [], acknowledged: 3 });
    expect(await store.acknowledgements(northSouth)).toEqual([ack('t1', 'on leave'), ack('t2')]);
    expect(await store.acknowledgements(elsewhere)).toEqual([ack('t9')]);
    // Imported again: nothing doubles.
    expect(await importHistory(store, await file.text())).toMatchObject({ duplicates: 2, acknowledged: 0 });
    expect(await store.acknowledgements(northSouth)).toHaveLength(2);
  });

  it('join the district this browser knows by its schools, keeping its own notes', async () => {
    await twoDistricts();
    const text = await (await exportHistory(store)).text();
    await store.deleteAll();
    await storeRun(store, runReport('2026-11-20T09:00:00.000Z', []), []);
    const [local] = await store.districts();
    await store.acknowledge(local.id, [ack('t1', 'my own note')]);
    await importHistory(store, text);
    expect(await store.acknowledgements(local.id)).toEqual([ack('t1', 'my own note'), ack('t2')]);
  });

  it('are checked field by field: a broken list is named and skipped, the runs are imported', async () => {
    await twoDistricts();
    const data = JSON.parse(await (await exportHistory(store)).text());
    await store.deleteAll();
    data.acknowledgements[1].items[0].code = 7;
    const result = await importHistory(store, JSON.stringify(data));
    expect(result.added).toBe(2);
    // Counted with what was skipped, so "(N more skipped)" counts only what is not named.
    expect(result.invalid).toBe(1);
    expect(result.problems).toEqual([
      'the acknowledged findings: acknowledgements[1].items[0].code is not a finding code',
    ]);
    expect(await store.allAcknowledgements()).toEqual([]);
  });

  it.each([
    ['not a list', {}, /are \{\}, not a list/],
    ['no district', [{ items: [] }], /acknowledgements\[0\]\.district is missing/],
    ['items not a list', [{ district: 'd', items: 'x' }], /items is "x", not a list/],
    ['a note not text', [{ district: 'd', items: [{ code: 'c', id: 'i', note: 1 }] }], /items\[0\]\.note/],
    [
      'a district twice',
      [
        { district: 'd', items: [] },
        { district: 'd', items: [] },
      ],
      /repeats/,
    ],
  ])('refuses acknowledgements with %s', async (_, acknowledgements, message) => {
    await twoDistricts();
    const data = JSON.parse(await (await exportHistory(store)).text());
    data.acknowledgements = acknowledgements;
    const result = await importHistory(store, JSON.stringify(data));
    expect(result.problems.join()).toMatch(message);
  });

  it('keeps only the known fields of an acknowledgement', async () => {
    const [northSouth] = await twoDistricts();
    const data = JSON.parse(await (await exportHistory(store)).text());
    await store.deleteAll();
    const record = data.acknowledgements.find((r: { district: string }) => r.district === northSouth);
    record.items = [{ code: 'teacher-email', id: 't5', secret: 'no' }];
    await importHistory(store, JSON.stringify(data));
    expect(await store.acknowledgements(northSouth)).toEqual([
      { code: 'teacher-email', id: 't5', field: null, value: null, note: null },
    ]);
  });

  it('join a run already here in the district its copy is in, and later runs point at that copy', async () => {
    const findings = manyFindings(2);
    await storeRun(store, runReport(MON, findings), findings);
    await storeRun(store, runReport(TUE, findings), findings);
    const [, mon] = await store.runs();
    await store.acknowledge(mon.district, [ack('t1', 'on leave')]);
    const data = JSON.parse(await (await exportHistory(store)).text());
    const tue = data.runs.find((r: { head: { at: string } }) => r.head.at === TUE);
    tue.head.changes = { new: 0, resolved: 0, unchanged: 2, since: mon.id, sinceAt: MON };
    await store.deleteAll();
    // Here, Monday's run is kept in a district the admin named (and its ID is another).
    const named = { id: 'named-here', label: 'Springfield', schools: [], lastRunAt: MON };
    await storeRun(store, runReport(MON, findings), findings, { namedDistrict: named });
    const [local] = await store.runs();
    expect(local.id).not.toBe(mon.id);
    const result = await importHistory(store, JSON.stringify(data));
    expect(result).toMatchObject({ added: 1, duplicates: 1, acknowledged: 1 });
    const [imported] = await store.runs();
    expect([imported.district, imported.changes?.since]).toEqual(['named-here', local.id]);
    expect(await store.acknowledgements('named-here')).toEqual([ack('t1', 'on leave')]);
    expect((await store.districts()).map((d) => d.id)).toEqual(['named-here']);
  });

  it('never carry the pool of runs without schools, which is no district', async () => {
    await twoDistricts();
    await storeRun(store, runReport('2026-11-25T09:00:00.000Z', [], []), []);
    expect((await store.runs())[0].district).toBe(NO_SCHOOLS_DISTRICT);
    await store.acknowledge(NO_SCHOOLS_DISTRICT, [ack('t5')]); // left by an earlier build
    const data = JSON.parse(await (await exportHistory(store)).text());
    expect(data.acknowledgements.map((r: { district: string }) => r.district)).not.toContain(
      NO_SCHOOLS_DISTRICT,
    );
    await store.deleteAll();
    data.acknowledgements.push({ district: NO_SCHOOLS_DISTRICT, items: [ack('t5')] });
    const result = await importHistory(store, JSON.stringify(data));
    expect(result).toMatchObject({ added: 3, acknowledged: 3 });
    expect(await store.acknowledgements(NO_SCHOOLS_DISTRICT)).toEqual([]);
  });
});
