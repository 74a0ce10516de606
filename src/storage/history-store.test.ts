import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unpackFinding } from './codec.ts';
import { HistoryStore } from './history-store.ts';
import { headOf } from './records.ts';
import { DB_NAME, DB_VERSION, FINDINGS_PER_CHUNK, STORES } from './schema.ts';
import {
  finding,
  freshIndexedDb,
  manyFindings,
  RULES,
  runReport,
  school,
  snapshotOf,
  storeCounts,
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
const WED = '2026-11-25T09:00:00.000Z';

describe('the history store', () => {
  it('creates every store of the current version on first use', async () => {
    await store.ready();
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...STORES].sort());
    expect([...db.transaction('runs').store.indexNames].sort()).toEqual(['by-district', 'by-fingerprint']);
    db.close();
  });

  it('keeps a run: head, details, snapshot and findings in chunks, and gives them back', async () => {
    const findings = [...manyFindings(FINDINGS_PER_CHUNK + 7), finding('x', null, 'row-columns')];
    const run = await storeRun(store, runReport(MON, findings), findings, {
      snapshot: snapshotOf('00ff00ff00ff00ff', [1n]),
    });
    const [head] = await store.runs();
    expect(head).toMatchObject({
      id: run,
      at: MON,
      complete: true,
      findingCount: findings.length,
      chunkCount: 2,
    });
    const back = [];
    for await (const chunk of store.findings(head)) back.push(...chunk.map((p) => unpackFinding(p, RULES)));
    expect(back).toEqual(findings);
    expect((await store.details(run))?.schools.map((s) => s.name)).toEqual(['North', 'South']);
    expect(await store.snapshot(run)).toEqual(snapshotOf('00ff00ff00ff00ff', [1n]));
    expect((await storeCounts()).findings).toBe(2);
  });

  it("keeps a run's schools packed, and reads runs kept before that with their list of schools", async () => {
    const schools = [
      school('s1', 'North', 2),
      school('s2', 'South'),
      { ...school('x', '(no school)'), id: null },
    ];
    const report = runReport(MON, [], schools);
    const run = await storeRun(store, report, []);
    const db = await openDB(DB_NAME, DB_VERSION);
    const stored = await db.get('details', run);
    expect(Array.isArray(stored.schools)).toBe(false); // one text and typed arrays, not 3 objects
    expect(stored.schools.counts).toBeInstanceOf(Float64Array);
    await db.put('details', { ...stored, run: run + 1, schools });
    db.close();
    expect((await store.details(run))?.schools).toEqual(schools);
    expect((await store.details(run + 1))?.schools).toEqual(schools);
  });

  it('lists runs newest first and finds the latest run of each district', async () => {
    const other = [school('x9', 'Elsewhere High')];
    const a = await storeRun(store, runReport(MON, []), []);
    const b = await storeRun(store, runReport(WED, [], other), []);
    const c = await storeRun(store, runReport(TUE, []), []);
    const runs = await store.runs();
    expect(runs.map((r) => r.id)).toEqual([b, c, a]);
    expect(runs[2].district).toBe(runs[1].district);
    expect(runs[0].district).not.toBe(runs[1].district);
    expect((await store.latestRun(runs[2].district))?.id).toBe(c);
    expect((await store.latestRun(runs[0].district))?.id).toBe(b);
    expect(await store.latestRun('d-unknown')).toBeNull();
  });

  it('the latest run of a question: a run of a forced format is never the last run of the detected one', async () => {
    const detected = await storeRun(store, runReport(MON, []), []);
    const forced = await storeRun(store, runReport(TUE, []), [], { formatForced: true });
    const district = (await store.runs())[0].district;
    expect((await store.latestRun(district))?.id).toBe(detected);
    expect((await store.latestRun(district, 'remind-csv-1.0'))?.id).toBe(forced);
    expect(await store.latestRun(district, 'clever')).toBeNull();
  });

  it('keeps the name the admin gave a district through later runs of it', async () => {
    await storeRun(store, runReport(MON, []), []);
    const [d] = await store.districts();
    expect(d.label).toBe('North and South');
    await store.renameDistrict(d.id, 'Springfield Public Schools');
    await storeRun(store, runReport(TUE, []), []);
    expect(await store.districts()).toMatchObject([
      { id: d.id, label: 'Springfield Public Schools', named: true },
    ]);
    await expect(store.renameDistrict('d-gone', 'x')).rejects.toThrow(/no longer in the history/);
  });

  it('keeps counts only when asked: no findings stored', async () => {
    expect(await store.keepMode()).toBe('findings');
    await store.setKeepMode('counts');
    expect(await store.keepMode()).toBe('counts');
    await storeRun(store, runReport(MON, manyFindings(10)), manyFindings(10), { keep: 'counts' });
    expect((await store.runs())[0]).toMatchObject({ kept: 'counts', findingCount: 10, chunkCount: 0 });
    expect((await storeCounts()).findings).toBe(0);
  });

  it('never lists a run whose writing did not finish, and keeps it while this page writes it', async () => {
    const report = runReport(MON, []);
    const run = await store.beginRun(
      headOf(report.summary, 'd-1', {
        sample: false,
        kept: 'findings',
        findingCount: 1,
        chunkCount: 0,
        changes: null,
        complete: false,
      }),
    );
    await store.addChunk({ run, index: 0, items: [] });
    expect(await store.runs()).toEqual([]);
    expect(await store.run(run)).toBeNull();
    await store.ready(); // this page is still writing it
    expect((await storeCounts()).runs).toBe(1);
  });

  it('deletes one run with everything it kept, and its district with its last run', async () => {
    const findings = manyFindings(3);
    const first = await storeRun(store, runReport(MON, findings), findings, {
      snapshot: snapshotOf('00ff00ff00ff00ff', []),
    });
    const second = await storeRun(store, runReport(TUE, findings), findings, {
      snapshot: snapshotOf('00ff00ff00ff00ff', []),
    });
    await store.deleteRun(first);
    expect((await store.runs()).map((r) => r.id)).toEqual([second]);
    expect(await storeCounts()).toMatchObject({
      runs: 1,
      details: 1,
      findings: 1,
      snapshots: 1,
      districts: 1,
    });
    await store.deleteRun(second);
    expect(await storeCounts()).toMatchObject({
      runs: 0,
      details: 0,
      findings: 0,
      snapshots: 0,
      districts: 0,
    });
  });

  it('deletes everything: every store is empty', async () => {
    await store.setKeepMode('counts');
    await storeRun(store, runReport(MON, manyFindings(2)), manyFindings(2), {
      snapshot: snapshotOf('00ff00ff00ff00ff', []),
    });
    await store.deleteAll();
    expect(Object.values(await storeCounts())).toEqual(STORES.map(() => 0));
    expect(await store.keepMode()).toBe('findings');
  });

  it('recognises the same run by its fingerprint', async () => {
    await storeRun(store, runReport(MON, []), []);
    const [head] = await store.runs();
    expect(await store.hasFingerprint(head.fingerprint)).toBe(true);
    expect(await store.hasFingerprint(runReport(TUE, []).summary.generatedAt)).toBe(false);
  });
});
