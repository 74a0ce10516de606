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
});
