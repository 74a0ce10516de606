import { describe, expect, it } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import type { ValidationResult } from '../report/build.ts';
import { ALL_RULES } from '../rules/registry.ts';
import { sampleDistrictFiles, sampleDistrictPreviousFiles, type GeneratedFile } from './sample.ts';

const asInput = (files: GeneratedFile[]) => Object.fromEntries(files.map((f) => [f.name, f.content]));
const codes = (result: ValidationResult) => new Set([...result.findings].map((f) => f.code));
const size = (files: GeneratedFile[]) => files.reduce((n, f) => n + f.content.length, 0);

describe('the sample district', () => {
  it('is a small Clever district of 3 to 5 schools that shows every finding code Clever can have', async () => {
    const files = sampleDistrictFiles();
    expect(size(files)).toBeLessThan(300_000);
    const result = await run(asInput(files));
    expect(result.summary.format.id).toBe('clever');
    expect(result.summary.totals.schools).toBeGreaterThanOrEqual(3);
    expect(result.summary.totals.schools).toBeLessThanOrEqual(5);
    expect(result.summary.totals.students).toBeGreaterThanOrEqual(200);
    const found = codes(result);
    // hold-removals needs an earlier run (below); delta-export is OneRoster's, enrollment-school Remind
    // CSV 1.0's; file-empty would leave the sample with nothing to show.
    const elsewhere = ['hold-removals', 'delta-export', 'enrollment-school', 'file-empty'];
    const missing = ALL_RULES.map((r) => r.code).filter((c) => !elsewhere.includes(c) && !found.has(c));
    expect(missing).toEqual([]);
  });

  it('shows hold-removals after its earlier export, which has more than 10% more students', async () => {
    const previousFiles = sampleDistrictPreviousFiles();
    const previous = await run(asInput(previousFiles));
    expect(codes(previous).has('file-missing')).toBe(false);
    const result = await run(asInput(sampleDistrictFiles()), { previous: previous.snapshot });
    expect(previous.summary.totals.students).toBeGreaterThan(result.summary.totals.students * 1.1);
    expect(codes(result).has('hold-removals')).toBe(true);
  });

  it('is the same every time', () => {
    expect(sampleDistrictFiles()).toEqual(sampleDistrictFiles());
    expect(sampleDistrictPreviousFiles()).toEqual(sampleDistrictPreviousFiles());
  });
});
