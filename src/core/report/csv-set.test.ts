import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import { csvPieces } from './csv.ts';
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

  it("reads each school's own findings only, not every finding for every file", async () => {
    const result = await generated();
    const schoolsOf = vi.spyOn(result.findings, 'schoolsOf');
    let files = 0;
    for (const { filter, only } of csvSet(result)) {
      files++;
      for (const _ of csvRows(result, filter, undefined, only));
    }
    // Each finding: twice to index the schools, then once in each file it is in (its school's
    // files and the district's); a pass over all findings per file would be files × findings.
    const findings = result.findings.length;
    expect(files).toBeGreaterThan(10);
    expect(schoolsOf.mock.calls.length).toBeLessThan(6 * findings);
  });
});
