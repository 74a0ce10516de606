import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderSources, run } from '../../../tests/helpers.ts';
import { sampleDir, sampleMissing } from '../../../tests/fixtures/samples.ts';
import { reportDistrict } from '../../../tests/fixtures/report-district.ts';
import { rawFinding, SEVERITY_ORDER, type RawFinding } from '../model/finding.ts';
import type { Roster } from '../model/roster.ts';
import { ruleFor } from '../rules/registry.ts';
import { NO_TICK } from '../model/ticks.ts';
import { sortFindings } from './sort-findings.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Report order as report.md states it, by one plain comparison sort (stable). */
function reference(roster: Roster, raw: readonly RawFinding[]): RawFinding[] {
  const severity = (f: RawFinding) => ruleFor(f.code).severity;
  const school = (f: RawFinding) => {
    if (severity(f) === 'formatting' || severity(f) === 'hold') return '';
    const ids =
      f.subject === 'person'
        ? Array.from({ length: roster.people.schoolCount(f.index) }, (_, k) =>
            roster.people.school(f.index, k),
          )
        : f.subject === 'class' && roster.classes[f.index].school >= 0
          ? [roster.classes[f.index].school]
          : [];
    return ids.map((s) => roster.schools[s].id).sort(cmp)[0] ?? '\uffff';
  };
  const id = (f: RawFinding) =>
    f.subject === 'person'
      ? roster.people.id(f.index)
      : f.subject === 'class'
        ? roster.classes[f.index].id
        : (f.id ?? '');
  return [...raw].sort(
    (a, b) =>
      SEVERITY_ORDER[severity(a)] - SEVERITY_ORDER[severity(b)] ||
      cmp(a.code, b.code) ||
      cmp(school(a), school(b)) ||
      cmp(id(a), id(b)) ||
      a.file - b.file ||
      (a.row ?? 0) - (b.row ?? 0) ||
      cmp(a.field ?? '', b.field ?? '') ||
      cmp(a.value ?? '', b.value ?? '') ||
      cmp(a.reason ?? '', b.reason ?? ''),
  );
}

/** Same findings, same objects, same order (ties are told apart by identity). */
function expectSameOrder(actual: RawFinding[], expected: RawFinding[]): void {
  expect(actual.length).toBe(expected.length);
  const at = actual.findIndex((f, k) => f !== expected[k]);
  expect(at, at >= 0 ? `first difference at ${at}: ${JSON.stringify(actual[at])}` : '').toBe(-1);
}

const CLEVER_SANDBOX = 'clever/clever-sandbox-2015';
/** name, how to load it, whether it is a sample set that is not there (see tests/fixtures/samples.ts). */
const districts: [string, () => Promise<{ roster: Roster; raw: readonly RawFinding[] }>, boolean][] = [
  [
    'the report fixture district (no school, malformed row)',
    async () => {
      const r = await run(reportDistrict({ noSchool: true, malformed: true }));
      return { roster: r.roster, raw: r.findings.raw };
    },
    false,
  ],
  [
    'the Clever sandbox sample',
    async () => {
      const r = await run(folderSources(sampleDir(CLEVER_SANDBOX)));
      return { roster: r.roster, raw: r.findings.raw };
    },
    sampleMissing(CLEVER_SANDBOX),
  ],
];

for (const [name, load, missing] of districts)
  describe.skipIf(missing)(`sortFindings on ${name}`, () => {
    let roster: Roster;
    let raw: readonly RawFinding[];
    beforeAll(async () => ({ roster, raw } = await load()));

    it('orders any arrangement of the findings as one comparison sort does', () => {
      expect(raw.length).toBeGreaterThan(5);
      fc.assert(
        fc.property(fc.shuffledSubarray([...raw], { minLength: 0 }), (some) => {
          expectSameOrder(sortFindings(roster, some, NO_TICK), reference(roster, some));
        }),
        { numRuns: 30 },
      );
    });

    it('keeps findings that tie on every key in the order they were made', () => {
      // Copies of the same findings: each copy is a distinct object, so identity shows their order.
      const copies = raw.flatMap((f) => [{ ...f }, { ...f }, rawFinding(f.code, f.subject, { ...f })]);
      const sorted = sortFindings(roster, copies, NO_TICK);
      expectSameOrder(sorted, reference(roster, copies));
      const made = new Map(copies.map((f, k) => [f, k]));
      let ties = 0;
      for (let k = 1; k < sorted.length; k++) {
        const [a, b] = [sorted[k - 1], sorted[k]];
        if (JSON.stringify(a) !== JSON.stringify(b)) continue;
        ties++;
        expect(made.get(a)!).toBeLessThan(made.get(b)!);
      }
      expect(ties).toBeGreaterThanOrEqual(2 * raw.length);
    });

    it('reports progress up to the whole work and not beyond', () => {
      const seen: [number, number][] = [];
      sortFindings(roster, raw, (done, total) => seen.push([done, total]));
      expect(seen.length).toBeGreaterThan(0);
      for (const [done, total] of seen) expect(done).toBeLessThanOrEqual(total);
    });
  });

it('sorts no findings into none', () => {
  expect(sortFindings({} as Roster, [], NO_TICK)).toEqual([]);
});
