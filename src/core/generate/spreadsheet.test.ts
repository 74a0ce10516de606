import { describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../formats/registry.ts';
import { csvRows } from '../report/csv-rows.ts';
import { toReport } from '../report/json.ts';
import { checkReportShape } from '../report/schema.ts';
import { cellDamage } from '../rules/formatting/spreadsheet-damage.ts';
import { findings, run } from '../../../tests/helpers.ts';
import { generateInMemory, planDistrict } from './generate.ts';
import { DAMAGE_TARGETS, damageDistrict, mojibake, scientific, type DamageKind } from './spreadsheet.ts';

const REASONS: DamageKind[] = [
  'lost-leading-zeros',
  'scientific-notation',
  'decimal-id',
  'date-from-number',
  'formula-error',
  'mojibake',
];
/** The findings each damage is expected to cause in a generated district (none for grades and names). */
const CAUSES: Partial<Record<DamageKind, string[]>> = {
  'lost-leading-zeros': ['ref-unknown'],
  'decimal-id': ['ref-unknown'],
  'scientific-notation': ['phone-unsupported'],
  // A student repeated on guardian rows whose DOB became #N/A on one row also disagrees with itself.
  'formula-error': ['student-dob', 'record-conflict'],
};

const runFiles = (files: Map<string, string>) => run(Object.fromEntries(files));

describe('what a spreadsheet writes', () => {
  it.each([
    ['2122345678', '2.12235E+09'],
    ['123456789012', '1.23457E+11'],
    ['1000000000000', '1E+12'],
  ])('%s in scientific notation is %s', (digits, shown) => {
    expect(scientific(digits)).toBe(shown);
  });

  it('turns UTF-8 read as Windows-1252 into mojibake', () => {
    expect(mojibake('José Muñoz O’Brien')).toBe('JosÃ© MuÃ±oz Oâ€™Brien');
  });
});

describe.each(FORMAT_IDS)('spreadsheet-damage on a generated %s district', (format) => {
  const files = generateInMemory(planDistrict({ format, students: 60, rate: 0 }));

  it('finds nothing on the clean district, nor with the usual planted problems', async () => {
    expect(findings(await runFiles(files), 'spreadsheet-damage')).toEqual([]);
    const planted = generateInMemory(planDistrict({ format, students: 200, rate: 0.02 }));
    expect(findings(await runFiles(planted), 'spreadsheet-damage')).toEqual([]);
  });

  it.each(REASONS)(
    '%s: found exactly where it was planted, and nothing on its clean twin',
    async (reason) => {
      const { files: damaged, planted } = damageDistrict(files, format, reason);
      if (!planted) {
        expect(DAMAGE_TARGETS[format].damage[reason]).toBeUndefined();
        return;
      }
      expect(planted.rows.length).toBeGreaterThan(2);
      const result = await runFiles(damaged);
      const found = findings(result, 'spreadsheet-damage');
      expect(found.map((f) => [f.file, f.field, f.reason, f.row])).toEqual([
        [planted.file, reason === 'mojibake' ? null : planted.column, reason, planted.rows[0]],
      ]);
      expect(found[0].message).toMatch(new RegExp(`: ${planted.rows.length} (cells|references) `));
      expect(found[0].message).toContain(`(rows ${planted.rows.slice(0, 5).join(', ')}…)`);

      const twin = damageDistrict(files, format, reason, true);
      expect(findings(await runFiles(twin.files), 'spreadsheet-damage')).toEqual([]);
    },
  );

  it.each(Object.keys(CAUSES) as DamageKind[])('%s: the findings it causes say so', async (reason) => {
    const { files: damaged, planted } = damageDistrict(files, format, reason);
    if (!planted) return;
    const result = await runFiles(damaged);
    const caused = findings(result).filter(
      (f) =>
        CAUSES[reason]!.includes(f.code) &&
        (f.code === 'ref-unknown' || cellDamage(f.value ?? '') === reason),
    );
    expect(caused.length).toBeGreaterThan(0);
    if (reason === 'lost-leading-zeros' || reason === 'decimal-id')
      expect(caused).toHaveLength(planted.rows.length);
    for (const f of caused) {
      expect(f.because).toEqual({
        code: 'spreadsheet-damage',
        reason,
        file: planted.file,
        field: planted.column,
      });
      expect(f.message).toContain('Probably Excel: ');
    }
    // Nothing else claims the damage as its cause.
    expect(findings(result).filter((f) => f.because).length).toBe(
      caused.length + findings(result, 'parent-contact').filter((f) => f.because).length,
    );
  });
});

describe('the link in the downloads', () => {
  it('is in the JSON (because, message) and in the CSV (problem)', async () => {
    const files = generateInMemory(planDistrict({ format: 'oneroster-1.2', students: 60, rate: 0 }));
    const result = await runFiles(damageDistrict(files, 'oneroster-1.2', 'lost-leading-zeros').files);
    const report = JSON.parse(JSON.stringify(toReport(result)));
    expect(checkReportShape(report)).toEqual([]);
    const linked = report.findings.filter((f: { because?: unknown }) => f.because);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked[0]).toMatchObject({
      code: 'ref-unknown',
      because: { code: 'spreadsheet-damage', reason: 'lost-leading-zeros', file: 'enrollments.csv' },
    });
    const problems = [...csvRows(result, { code: 'ref-unknown' })].map((r) => r.problem);
    expect(problems.length).toBe(linked.length);
    for (const p of problems) expect(p).toMatch(/Probably Excel: the file that defines it has `00\d+`\.$/);
  });
});
