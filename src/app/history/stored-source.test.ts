import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_HEADER, csvFileName } from '../../core/report/csv.ts';
import { HistoryStore } from '../../storage/history-store.ts';
import { FINDINGS_PER_CHUNK } from '../../storage/schema.ts';
import {
  finding,
  freshIndexedDb,
  manyFindings,
  runReport,
  school,
  hexSnapshotOf,
  snapshotOf,
  storeRun,
} from '../../../tests/fixtures/storage.ts';
import { StoredRunSource } from './stored-source.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => store.close());

const AT = '2026-11-23T09:00:00.000Z';
const NORTH = manyFindings(FINDINGS_PER_CHUNK + 10);
const SOUTH = [
  finding('u1', 's2'),
  { ...finding('u2', 's2'), message: '=HYPERLINK("x")' },
  finding('u3', 's2'),
];
const ALL = [finding('r', null, 'row-columns'), ...NORTH, ...SOUTH];
const SCHOOLS = [school('s1', 'North', NORTH.length), school('s2', 'South', SOUTH.length)];

async function opened(keep: 'findings' | 'counts' = 'findings') {
  const snapshot = snapshotOf('0011223344556677', [0x1234n]);
  const run = await storeRun(store, runReport(AT, ALL, SCHOOLS), ALL, { keep, snapshot });
  return new StoredRunSource(store, (await store.run(run))!, (await store.details(run))!);
}

describe("an earlier run's report read from storage", () => {
  it('pages the findings of a school and code, across chunks, with their reasons', async () => {
    const source = await opened();
    const south = await source.findings({ school: 's2' }, 0, 50);
    expect(south).toMatchObject({ total: 3, offset: 0, reasons: { missing: 3 } });
    expect(south.items).toEqual(SOUTH);
    const edge = await source.findings({ school: 's1', code: 'teacher-email' }, FINDINGS_PER_CHUNK - 3, 6);
    expect(edge.items.map((f) => f.id)).toEqual(
      NORTH.slice(FINDINGS_PER_CHUNK - 3, FINDINGS_PER_CHUNK + 3).map((f) => f.id),
    );
    expect((await source.findings({ code: 'row-columns' }, 0, 10)).items).toEqual([ALL[0]]);
    expect((await source.findings({ school: null }, 0, 10)).total).toBe(0);
  });

  it('gives back the report the page showed, and the report JSON with every finding', async () => {
    const source = await opened();
    expect(source.report.summary).toEqual(runReport(AT, ALL, SCHOOLS).summary);
    const json = await source.download({ kind: 'json' });
    expect(json.name).toBe('roster-report-2026-11-23.json');
    const report = JSON.parse(await json.blob.text());
    expect(report.findings).toEqual(ALL);
    expect(report.roster).toEqual(hexSnapshotOf('0011223344556677', [0x1234n]));
    expect(report.totals).toEqual(source.report.summary.totals);
  });

  it('builds CSVs per school from what was kept, formulas neutralised', async () => {
    const source = await opened();
    const csv = await source.download({ kind: 'csv', school: 's2' });
    expect(csv.name).toBe(`2026-11-23-${csvFileName({ school: 's2' })}`);
    const lines = (await csv.blob.text()).trim().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.slice(1).trim());
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
      's2,South,error,teacher-email,missing,teacher,u1',
      's2,South,error,teacher-email,missing,teacher,u2',
      's2,South,error,teacher-email,missing,teacher,u3',
    ]);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    // Remind's name for the type, from the run's kept rules; then `acknowledged`, empty for an earlier run.
    for (const line of lines.slice(1))
      expect(line.endsWith(',Missing valid email address or email assigned to another user,')).toBe(true);
    const district = await source.download({ kind: 'csv', code: 'row-columns' });
    const districtLines = (await district.blob.text()).trim().split('\r\n');
    expect(districtLines).toHaveLength(2);
    expect(districtLines[1].endsWith(',,')).toBe(true); // a formatting finding: Remind has no name for it
  });

  it('says a run that kept counts only has no records to show', async () => {
    const source = await opened('counts');
    await expect(source.findings({}, 0, 10)).rejects.toThrow(/counts only/);
    expect(source.report.summary.totals.error).toBe(NORTH.length + SOUTH.length);
  });

  it("marks the findings the district's acknowledgements match today: pages, filters, CSV and JSON", async () => {
    const source = await opened();
    const late = NORTH[FINDINGS_PER_CHUNK + 2]; // in the second chunk
    const count = await source.acknowledge([
      { code: 'teacher-email', id: 'u2', note: 'Shared inbox' },
      { code: 'teacher-email', id: late.id!, field: 'email', value: null },
      { code: 'teacher-email', id: 'u3', field: 'phone' }, // another field: no match
      { code: 'student-email', id: 'u1' }, // another code: no match
    ]);
    expect(count).toBe(2);
    const south = await source.findings({ school: 's2' }, 0, 50);
    expect(south.items.map((f) => [f.id, f.acknowledged ?? false])).toEqual([
      ['u1', false],
      ['u2', true],
      ['u3', false],
    ]);
    const acknowledged = await source.findings({ acknowledged: true }, 0, 50);
    expect(acknowledged.items.map((f) => f.id)).toEqual([late.id, 'u2']);
    expect(acknowledged.items.every((f) => f.acknowledged)).toBe(true);
    expect((await source.findings({ school: 's2', acknowledged: false }, 0, 50)).total).toBe(2);
    expect((await source.findings({ school: 's1', acknowledged: false }, 0, 1)).total).toBe(NORTH.length - 1);

    const csv = (await (await source.download({ kind: 'csv', school: 's2' })).blob.text())
      .trim()
      .split('\r\n');
    expect(csv.slice(1).map((line) => line.endsWith(',yes'))).toEqual([false, true, false]);
    const json = JSON.parse(await (await source.download({ kind: 'json' })).blob.text());
    expect(json.totals.acknowledged).toBe(2);
    expect(
      json.findings
        .filter((f: { acknowledged?: boolean }) => f.acknowledged)
        .map((f: { id: string }) => f.id),
    ).toEqual([late.id, 'u2']);

    // Taken back (an empty list): nothing is marked, and the filtered lists are found again.
    expect(await source.acknowledge([])).toBe(0);
    expect((await source.findings({ acknowledged: true }, 0, 50)).total).toBe(0);
    expect((await source.findings({ school: 's2' }, 0, 50)).items.some((f) => f.acknowledged)).toBe(false);
  });

  it('keeps the marks of the latest list when two are applied at once', async () => {
    const source = await opened();
    const first = source.acknowledge([{ code: 'teacher-email', id: 'u1' }]);
    const second = source.acknowledge([{ code: 'teacher-email', id: 'u3' }]);
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect((await source.findings({ acknowledged: true }, 0, 10)).items.map((f) => f.id)).toEqual(['u3']);
  });

  it('answers a page asked while the marks are being found with the marks (as the worker does)', async () => {
    const source = await opened();
    const marking = source.acknowledge([{ code: 'teacher-email', id: 'u2' }]);
    const others = source.findings({ school: 's2', acknowledged: false }, 0, 10);
    const csv = source.download({ kind: 'csv', school: 's2' });
    expect((await others).items.map((f) => f.id)).toEqual(['u1', 'u3']);
    expect((await (await csv).blob.text()).trim().split('\r\n')[2].endsWith(',yes')).toBe(true);
    expect(await marking).toBe(1);
  });
});
