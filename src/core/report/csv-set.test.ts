import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import { causeFileName, csvPieces } from './csv.ts';
import { csvRows } from './csv-rows.ts';
import { csvSet } from './csv-set.ts';

const generated = async () =>
  run(
    Object.fromEntries(
      generateInMemory(planDistrict({ format: 'oneroster-1.1', students: 3000, sharedPhones: true })),
    ),
  );

describe('the set of CSV downloads', () => {
  it("gives each school's files the same rows as a pass over every finding", async () => {
    const result = await generated();
    const files = [...csvSet(result)];
    expect(files.length).toBeGreaterThan(10);
    for (const { name, filter, only } of files) {
      const text = (rows: Iterable<unknown>) => [...csvPieces(rows as never)].join('');
      expect(text(csvRows(result, filter, undefined, only)), name).toBe(text(csvRows(result, filter)));
    }
  });

  it("offers the district's file of each formatting and hold type, as the page's File problems and Sync holds do", async () => {
    const result = await generated();
    const { formatting, hold } = result.summary;
    const codes = [...Object.keys(formatting), ...Object.keys(hold)];
    expect(Object.keys(formatting).length).toBeGreaterThan(1);
    expect(Object.keys(hold).length).toBeGreaterThan(0);
    const district = [...csvSet(result)].filter(
      (f) => f.filter.school === undefined && f.filter.cause === undefined,
    );
    expect(district.map((f) => f.name)).toEqual([
      ...codes.map((code) => `district-${code}.csv`),
      'district-all.csv',
    ]);
    for (const { name, filter, only } of district.slice(0, -1)) {
      // They count in no school: one row per finding of the type.
      expect([...csvRows(result, filter, undefined, only)], name).toHaveLength(
        { ...formatting, ...hold }[filter.code!],
      );
    }
  });

  it('offers the records of each cause of the fix plan, as its "Save these records (CSV)" does', async () => {
    const result = await generated();
    const causes = result.summary.causes ?? [];
    expect(causes.length).toBeGreaterThan(1);
    const files = [...csvSet(result)].filter((f) => f.filter.cause !== undefined);
    expect(files.map((f) => f.name)).toEqual(causes.map((c, k) => causeFileName(k, c)));
    const { findings } = result;
    for (const { name, filter, only } of files) {
      let rows = 0;
      for (let i = 0; i < findings.length; i++)
        if (findings.causeOf[i] === filter.cause) rows += Math.max(1, findings.schoolsOf(i).length);
      expect([...csvRows(result, filter, undefined, only)], name).toHaveLength(rows);
    }
  });

  it("reads each school's own findings only, not every finding for every file", async () => {
    const result = await generated();
    const schoolsOf = vi.spyOn(result.findings, 'schoolsOf');
    let files = 0;
    for (const { filter, only } of csvSet(result)) {
      files++;
      for (const _ of csvRows(result, filter, undefined, only));
    }
    // Each finding: twice to index the schools, then once in each file it is in (its school's two
    // files, or its type's district file; its cause's; the district's); a pass over all findings
    // per file would be files × findings.
    const findings = result.findings.length;
    expect(files).toBeGreaterThan(10);
    expect(schoolsOf.mock.calls.length).toBeLessThan(7 * findings);
  });
});
