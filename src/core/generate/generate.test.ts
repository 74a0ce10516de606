import { describe, expect, it } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { FORMAT_IDS } from '../formats/registry.ts';
import type { FormatId } from '../formats/types.ts';
import type { ValidationResult } from '../report/build.ts';
import { ALL_RULES } from '../rules/registry.ts';
import { GENERATED_FILES, generateDistrict, generateInMemory, planDistrict } from './generate.ts';
import { CHUNK_CHARS } from './output.ts';

/** The generator plants unsupported phones of every reason without telling them apart: counted by code. */
const BY_CODE_ONLY = new Set(['phone-unsupported']);
const WITH_REASONS = new Set(
  ALL_RULES.filter((r) => 'reasons' in r && r.reasons?.length && !BY_CODE_ONLY.has(r.code)).map(
    (r) => r.code,
  ),
);

/** Engine findings counted the way the plan counts them: `code/reason` for rules with reasons, else `code`. */
function findingCounts(result: ValidationResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of result.findings) {
    const key = WITH_REASONS.has(f.code) ? `${f.code}/${f.reason}` : f.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function validateGenerated(format: FormatId, students: number, seed: number, rate?: number) {
  const plan = planDistrict({ format, students, seed, rate });
  const files = generateInMemory(plan);
  return { plan, files, result: await run(Object.fromEntries(files)) };
}

describe.each(FORMAT_IDS)('a generated %s district of 500 students', (format) => {
  it('is detected as its format, with the planned entities and every planted problem found', async () => {
    const { plan, files, result } = await validateGenerated(format, 500, 7);
    expect([...files.keys()]).toEqual(GENERATED_FILES[format]);
    expect(result.summary.format.id).toBe(format);
    const { schools, teachers, students, parents, staff, classes } = result.summary.totals;
    const c = plan.counts;
    expect({ schools, teachers, students, parents, staff, classes }).toEqual({
      schools: c.schools,
      teachers: c.teachers,
      students: c.students,
      parents: c.parents,
      staff: c.staff,
      classes: c.classes,
    });
    const found = findingCounts(result);
    for (const [kind, n] of Object.entries(plan.planted))
      expect(found[kind] ?? 0, kind).toBeGreaterThanOrEqual(n);
    // Nothing unplanned either: the engine's counts are exactly the plan's.
    expect(found).toEqual(plan.expected);
  });

  it('has no finding at all when nothing is planted', async () => {
    const { plan, result } = await validateGenerated(format, 300, 3, 0);
    expect(plan.planted).toEqual({});
    expect(findingCounts(result)).toEqual({});
  });

  it('is the same bytes for the same seed and different bytes for another seed', () => {
    const text = (seed: number) =>
      [...generateInMemory(planDistrict({ format, students: 300, seed }))].join('\n');
    expect(text(11)).toBe(text(11));
    expect(text(11)).not.toBe(text(12));
  });
});

describe('sharedPhones (the many-findings district of npm run bench)', () => {
  it.each(['oneroster-1.1', 'remind-csv-2.0'] as const)(
    'gives %s more device-in-use alerts than students, all for phones',
    async (format) => {
      const plan = planDistrict({ format, students: 400, seed: 5, rate: 0, sharedPhones: true });
      const result = await run(Object.fromEntries(generateInMemory(plan)));
      const alerts = [...result.findings].filter((f) => f.code === 'device-in-use');
      expect(alerts.length).toBeGreaterThan(result.summary.totals.students);
      expect(new Set(alerts.map((f) => f.field))).toEqual(new Set(['phone']));
    },
  );
});

describe('district shape', () => {
  it('keeps the ratios of a real district', () => {
    const { counts, district } = planDistrict({ format: 'clever', students: 50_000, seed: 5 });
    expect(counts.teachers / counts.students).toBeCloseTo(1 / 20, 2);
    expect(counts.classes / counts.students).toBeCloseTo(1 / 25, 2);
    expect(counts.parents / counts.students).toBeGreaterThan(1.45);
    expect(counts.parents / counts.students).toBeLessThan(1.6);
    expect(counts.enrollments).toBe(counts.students * 6);
    for (const s of district.schools) {
      expect(s.students, s.name).toBeGreaterThanOrEqual(400);
      expect(s.students, s.name).toBeLessThanOrEqual(2200);
    }
    expect(new Set(district.schools.map((s) => s.name)).size).toBe(district.schools.length);
  });

  it('plants about 1% of each kind, and at least one of each in a small district', () => {
    const big = planDistrict({ format: 'clever', students: 100_000, seed: 5 });
    expect(big.planted['student-dob/missing']).toBe(1000);
    expect(big.planted['row-columns']).toBe(6000);
    expect(big.planted['teacher-email/taken']).toBe(50);
    const small = planDistrict({ format: 'clever', students: 400, seed: 5 }).district;
    for (const p of [
      small.teacherPlants,
      small.families.studentPlants,
      small.families.plants,
      small.classPlants,
    ])
      p.kinds.forEach((kind, k) => expect(p.counts[k], kind).toBeGreaterThanOrEqual(1));
    expect(small.enrollmentPlants.counts).toEqual([24, 24, 24]);
  });

  it('streams in pieces of about 64 KB, each file once and in order, with the row count of each piece', () => {
    const plan = planDistrict({ format: 'oneroster-1.2', students: 20_000, seed: 9 });
    const order: string[] = [];
    let rows = 0;
    let lines = 0;
    for (const chunk of generateDistrict(plan)) {
      if (order[order.length - 1] !== chunk.file) order.push(chunk.file);
      expect(chunk.text.length).toBeLessThan(CHUNK_CHARS + 4096);
      rows += chunk.rows;
      lines += chunk.text.split('\n').length - 1;
    }
    expect(order).toEqual(GENERATED_FILES['oneroster-1.2']);
    expect(rows).toBe(lines);
  });
});
