import { describe, expect, it } from 'vitest';
import { run, TODAY } from '../../tests/helpers.ts';
import { CSV_HEADER, csvFileName } from '../core/report/csv.ts';
import { packSnapshot, unpackSnapshot } from '../core/snapshot/packed-snapshot.ts';
import type { RosterSnapshot } from '../core/snapshot/snapshot.ts';
import { HISTORY_CHUNK, type InputFile, type RunOutcome } from './api.ts';
import { MAX_PAGE, type PackedSnapshot, type Progress } from '../shared/report-types.ts';
import { FINDINGS_PER_CHUNK } from '../storage/schema.ts';
import {
  BROKEN_TEACHER_ROW,
  district as districtOf,
  inputFiles,
} from '../../tests/fixtures/worker-district.ts';
import { createValidator } from './validator.ts';

const TEACHERS_WITHOUT_EMAIL = 120;
const district = (extra: string[] = []) => districtOf(TEACHERS_WITHOUT_EMAIL, extra);
const blobs = inputFiles;

async function started(files: InputFile[], onProgress?: (p: Progress) => void) {
  const api = createValidator();
  const outcome = await api.run({ input: { kind: 'files', files }, now: TODAY.toISOString() }, onProgress);
  return { api, outcome };
}

function ok(outcome: RunOutcome) {
  if (!outcome.ok) throw new Error(`expected a report, got: ${outcome.message}`);
  return outcome;
}

describe('the worker facade', () => {
  it('reports the same summary as the engine run on the same files, with progress to the end', async () => {
    const progress: Progress[] = [];
    const { outcome } = await started(blobs(district()), (p) => progress.push(p));
    const direct = await run(district());
    expect(ok(outcome).summary).toEqual(direct.summary);
    expect(ok(outcome).summary.totals.error).toBe(TEACHERS_WITHOUT_EMAIL + 1);
    expect(progress.at(-1)?.phase).toBe('done');
    expect(progress.some((p) => p.phase === 'reading' && p.file === 'teachers.csv')).toBe(true);
  });

  it('describes every code that occurs, with its fixes per reason', async () => {
    const { rules } = ok((await started(blobs(district()))).outcome);
    expect(Object.keys(rules).sort()).toEqual(['student-dob', 'teacher-email']);
    expect(rules['teacher-email']).toMatchObject({ severity: 'error', title: expect.any(String) });
    expect(Object.keys(rules['teacher-email'].fixes)).toEqual(['missing', 'invalid', 'taken']);
  });

  it('pages through the findings of one school and code, in report order', async () => {
    const { api } = await started(blobs(district()));
    const direct = await run(district());
    const expected = [...direct.findings]
      .filter((f) => f.code === 'teacher-email' && f.schools.includes('s1'))
      .map((f) => f.id);
    const seen: (string | null)[] = [];
    for (let offset = 0; ; offset += 50) {
      const page = await api.findings({ school: 's1', code: 'teacher-email' }, offset, 50);
      expect(page.total).toBe(TEACHERS_WITHOUT_EMAIL);
      expect(page.reasons).toEqual({ missing: TEACHERS_WITHOUT_EMAIL });
      seen.push(...page.items.map((f) => f.id));
      if (page.items.length < 50) break;
    }
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(TEACHERS_WITHOUT_EMAIL);
  });

  it.each([
    ['South only', { school: 's2' }, ['student-dob st2']],
    ['a code across the district', { code: 'student-dob' }, ['student-dob st2']],
    ['a school without that code', { school: 's2', code: 'teacher-email' }, []],
    ['the no-school bucket (unused)', { school: null }, []],
  ])('filters %s', async (_, filter, expected) => {
    const { api } = await started(blobs(district()));
    const page = await api.findings(filter, 0, 50);
    expect(page.items.map((f) => `${f.code} ${f.id}`)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('gives the history every finding in report order, at most HISTORY_CHUNK per call', async () => {
    const { api } = await started(blobs(district()));
    const all = (await api.findings({}, 0, MAX_PAGE)).items;
    const first = await api.historyFindings(0, 100);
    const rest = await api.historyFindings(100, HISTORY_CHUNK * 10);
    expect([...first, ...rest]).toEqual(all);
    expect(await api.historyFindings(all.length, 10)).toEqual([]);
    expect(HISTORY_CHUNK).toBeGreaterThanOrEqual(FINDINGS_PER_CHUNK);
  });

  it('never sends more than one page limit, and clamps offsets', async () => {
    const { api } = await started(blobs(district()));
    expect((await api.findings({}, 0, 100_000)).items).toHaveLength(
      Math.min(MAX_PAGE, TEACHERS_WITHOUT_EMAIL + 1),
    );
    const past = await api.findings({}, 10_000, 50);
    expect(past).toMatchObject({ offset: TEACHERS_WITHOUT_EMAIL + 1, items: [] });
  });

  it('builds the CSV downloads per school and code, per school, and for the district', async () => {
    const { api } = await started(blobs(district()));
    const perCode = await api.download({ kind: 'csv', school: 's1', code: 'teacher-email' });
    expect(perCode.name).toMatch(/^school-s1-[0-9a-f]{12}-teacher-email\.csv$/);
    const text = await perCode.blob.text();
    expect(text.startsWith(CSV_HEADER.slice(1))).toBe(true); // Blob.text() drops the BOM
    expect(text.trim().split('\r\n')).toHaveLength(TEACHERS_WITHOUT_EMAIL + 1);
    const school = await api.download({ kind: 'csv', school: 's2' });
    expect(school.name).toBe(csvFileName({ school: 's2' }));
    expect((await school.blob.text()).trim().split('\r\n')).toHaveLength(2);
    expect((await api.download({ kind: 'csv' })).name).toBe('district-all.csv');
    const bytes = new Uint8Array(await perCode.blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('builds the report JSON with every finding', async () => {
    const { api } = await started(blobs(district()));
    const json = await api.download({ kind: 'json' });
    expect(json.name).toBe('roster-report-2026-11-28.json');
    const report = JSON.parse(await json.blob.text());
    expect(report.findings).toHaveLength(TEACHERS_WITHOUT_EMAIL + 1);
    expect(report.totals.error).toBe(TEACHERS_WITHOUT_EMAIL + 1);
  });

  it('groups formatting findings by file and says which block the sync', async () => {
    const { outcome } = await started(blobs(district(BROKEN_TEACHER_ROW)));
    const { summary, fileProblems, blocking } = ok(outcome);
    expect(summary.blocked).toBe(true);
    expect(blocking).toEqual({ 'row-columns': 1 });
    expect(fileProblems).toEqual([
      {
        name: 'teachers.csv',
        present: true,
        rows: expect.any(Number),
        blocking: 1,
        other: 0,
        codes: { 'row-columns': 1 },
      },
    ]);
  });

  it('lists a missing file after the files given', async () => {
    const files = district();
    delete files['enrollments.csv'];
    const { fileProblems, blocking } = ok((await started(blobs(files))).outcome);
    expect(fileProblems.map((f) => [f.name, f.present, f.blocking])).toEqual([['enrollments.csv', false, 1]]);
    expect(blocking).toEqual({ 'file-missing': 1 });
  });

  it('skips hidden and non-data files picked with a folder, but reports them when picked one by one', async () => {
    const extra = { 'export/.DS_Store': 'x', 'export/readme.pdf': '%PDF' };
    const named = (files: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(files).map(([n, t]) => [n.startsWith('export/') ? n : `export/${n}`, t]),
      );
    const folder = ok((await started(blobs(named({ ...district(), ...extra }), true))).outcome);
    expect(folder.summary.formatting).toEqual({});
    const picked = ok((await started(blobs(named({ ...district(), ...extra })))).outcome);
    expect(picked.summary.formatting['file-ignored']).toBeGreaterThan(0);
  });

  it('answers files it cannot check with a message, not an exception', async () => {
    const { outcome } = await started(blobs({ 'notes.csv': 'a,b\n1,2\n' }));
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/\S/) });
  });

  it('runs the sample district', async () => {
    const api = createValidator();
    const outcome = ok(await api.run({ input: { kind: 'sample' }, now: TODAY.toISOString() }));
    expect(outcome.summary.totals.schools).toBeGreaterThan(0);
    // Compared with the same district exported earlier, with more students.
    expect(outcome.summary.hold['hold-removals']).toBeGreaterThan(0);
  });

  it('passes the earlier run on, so removals since then are found', async () => {
    const { api } = await started(blobs(district()));
    const previous = await api.snapshot();
    expect(previous.teachers).toHaveLength(TEACHERS_WITHOUT_EMAIL + 1);
    // As the worker receives it: a structured clone.
    const later = await createValidator().run({
      input: { kind: 'files', files: blobs(districtOf(10)) },
      now: TODAY.toISOString(),
      previous: structuredClone(previous),
    });
    expect(ok(later).summary.hold).toEqual({ 'hold-removals': 1 });
  });

  it('two districts alternated: only the comparison is redone, the files are never read twice', async () => {
    const { api: earlierApi } = await started(blobs(district()));
    const earlier = await earlierApi.snapshot();
    const { api: otherApi } = await started(
      blobs({ ...districtOf(2), 'schools.csv': 'school_id,school_name\nx1,Elsewhere\n' }),
    );
    const other = await otherApi.snapshot();
    let reads = 0;
    const files = blobs(districtOf(10)).map((f) => {
      const slice = f.blob.slice.bind(f.blob);
      f.blob.slice = (...a: Parameters<Blob['slice']>) => (reads++, slice(...a));
      return f;
    });
    const api = createValidator();
    // Guessed the other district's run; the files are of the first district.
    const guessed = ok(
      await api.run({ input: { kind: 'files', files }, now: TODAY.toISOString(), previous: other }),
    );
    const readsOfOneCheck = reads;
    expect(readsOfOneCheck).toBeGreaterThan(0);
    const again = ok(await api.compareAgain(structuredClone(earlier)));
    expect(reads).toBe(readsOfOneCheck);
    const fresh = ok(
      await createValidator().run({
        input: { kind: 'files', files: blobs(districtOf(10)) },
        now: TODAY.toISOString(),
        previous: earlier,
      }),
    );
    expect(again.summary).toEqual(fresh.summary);
    expect(guessed.summary.hold).not.toEqual(fresh.summary.hold);
    // The IDs hashed again with that district's salt, as a later run of it will be.
    expect((await api.snapshot()).salt).toBe(earlier.salt);
  });

  it('ignores an earlier snapshot that is not packed numbers (hex lists, or anything else)', async () => {
    const { api } = await started(blobs(district()));
    const hex = JSON.parse(JSON.stringify(unpackSnapshot(await api.snapshot()))) as RosterSnapshot;
    const holdsWith = async (previous: unknown) => {
      const later = await createValidator().run({
        input: { kind: 'files', files: blobs(districtOf(10)) },
        now: TODAY.toISOString(),
        previous: previous as PackedSnapshot,
      });
      return ok(later).summary.hold;
    };
    expect(await holdsWith(packSnapshot(hex))).toEqual({ 'hold-removals': 1 });
    expect(await holdsWith(hex)).toEqual({});
    expect(await holdsWith({ ...hex, teachers: 'not a list' })).toEqual({});
  });

  it('refuses to page before anything was checked', async () => {
    await expect(createValidator().findings({}, 0, 10)).rejects.toThrow(/No roster/);
  });
});
