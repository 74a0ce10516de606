import { describe, expect, it } from 'vitest';
import { folderSources, run } from '../../../tests/helpers.ts';
import { ALL_SETS, sampleDir, sampleMissing } from '../../../tests/fixtures/samples.ts';
import { reportDistrict } from '../../../tests/fixtures/report-district.ts';
import { DISTRICTS, districtFiles } from '../../../tests/fixtures/districts.ts';
import type { FormatId } from '../formats/types.ts';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import { reportJsonPieces } from './json.ts';
import { checkReportShape } from './schema.ts';
import type { ValidationResult } from './build.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into the parsed JSON freely
type Json = Record<string, any>;

/** The report exactly as written to disk and read back. */
const parsed = (result: ValidationResult) => JSON.parse([...reportJsonPieces(result)].join('')) as Json;

describe('checkReportShape on real reports', () => {
  it.each(Object.keys(DISTRICTS) as FormatId[])('%s: a clean district', async (format) => {
    expect(checkReportShape(parsed(await run(districtFiles(format))))).toEqual([]);
  });

  it('a district with findings of every severity and a no-school bucket', async () => {
    const result = await run(reportDistrict({ noSchool: true, malformed: true }));
    const report = parsed(result);
    expect(report.totals).toMatchObject({ formatting: expect.any(Number), hold: expect.any(Number) });
    for (const s of ['formatting', 'error', 'alert', 'hold']) expect(report.totals[s]).toBeGreaterThan(0);
    expect(checkReportShape(report)).toEqual([]);
  });

  it.each(Object.keys(DISTRICTS) as FormatId[])(
    '%s: a generated district with planted problems',
    async (format) => {
      const files = Object.fromEntries(
        generateInMemory(planDistrict({ format, students: 300, seed: 7, rate: 0.05 })),
      );
      const report = parsed(await run(files));
      expect(report.findings.length).toBeGreaterThan(20);
      expect(checkReportShape(report)).toEqual([]);
    },
  );

  for (const set of ALL_SETS)
    it.skipIf(sampleMissing(set))(`the sample ${set}`, async () => {
      expect(checkReportShape(parsed(await run(folderSources(sampleDir(set)))))).toEqual([]);
    });
});

describe('checkReportShape on broken reports', async () => {
  const good = parsed(await run(reportDistrict({ noSchool: true, malformed: true })));
  const firstOf = (severity: string) =>
    good.findings.findIndex((f: { severity: string }) => f.severity === severity);
  const schoolWithErrors = good.schools.findIndex((s: { error: object }) => Object.keys(s.error).length > 0);
  const cases: Array<[string, (r: Json) => void, string]> = [
    ['not an object', () => {}, 'report: expected an object, got an array'],
    ['a missing key', (r) => delete r.blocked, 'report.blocked: missing'],
    ['an unknown key', (r) => (r.extra = 1), 'report.extra: unexpected key'],
    ['another report version', (r) => (r.reportVersion = 2), 'reportVersion: expected 1, got 2'],
    [
      'a time that is not ISO',
      (r) => (r.generatedAt = 'yesterday'),
      'generatedAt: expected an ISO 8601 UTC time',
    ],
    ['an unknown format', (r) => (r.format.id = 'csv-3'), 'format.id: unknown format "csv-3"'],
    ['a wrong format label', (r) => (r.format.label = 'Clever!'), 'format.label: expected "Clever"'],
    [
      'a negative byte count',
      (r) => (r.files[0].bytes = -1),
      'files[0].bytes: expected a whole number ≥ 0, got -1',
    ],
    [
      'a short hash',
      (r) => (r.files[0].sha256 = 'abc'),
      'files[0].sha256: expected 64 lower-case hex digits',
    ],
    ['blocked as a string', (r) => (r.blocked = 'yes'), 'blocked: expected a boolean, got string'],
    ['a total missing', (r) => delete r.totals.staff, 'totals.staff: missing'],
    [
      'a fractional total',
      (r) => (r.totals.teachers = 1.5),
      'totals.teachers: expected a whole number ≥ 0, got 1.5',
    ],
    [
      'a zero in a count map',
      (r) => (r.hold['hold-guardians'] = 0),
      'hold.hold-guardians: expected a count ≥ 1, got 0',
    ],
    ['an error code among holds', (r) => (r.hold['student-dob'] = 1), 'hold.student-dob: not a hold code'],
    [
      'an unknown code in a school',
      (r) => (r.schools[0].error['nope'] = 1),
      'schools[0].error.nope: unknown code',
    ],
    [
      'a school count missing',
      (r) => delete r.schools[0].counts.classes,
      'schools[0].counts.classes: missing',
    ],
    [
      'the no-school bucket first',
      (r) => r.schools.unshift(r.schools.pop()),
      'schools[0]: the no-school bucket must be last',
    ],
    ['a finding key missing', (r) => delete r.findings[0].fix, 'findings[0].fix: missing'],
    ['a finding key too many', (r) => (r.findings[0].school = 'x'), 'findings[0].school: unexpected key'],
    [
      'a wrong severity',
      (r) => (r.findings[0].severity = 'error'),
      'findings[0].severity: expected "formatting"',
    ],
    [
      'an unknown reason',
      (r) => (r.findings[firstOf('error')].reason = 'gone'),
      `findings[${firstOf('error')}].reason: expected one of`,
    ],
    ['row 0', (r) => (r.findings[0].row = 0), 'findings[0].row: expected a row number ≥ 1 or null, got 0'],
    [
      'a number as an ID',
      (r) => (r.findings[0].id = 7),
      'findings[0].id: expected a string or null, got number',
    ],
    ['an empty message', (r) => (r.findings[0].message = ''), 'findings[0].message: empty'],
    [
      'a school on a formatting finding',
      (r) => (r.findings[0].schools = ['s1']),
      'findings[0].schools: expected [] (district level)',
    ],
    [
      'an error in no school',
      (r) => (r.findings[firstOf('error')].schools = []),
      'expected at least one school',
    ],
    [
      'an error in an unlisted school',
      (r) => (r.findings[firstOf('error')].schools = ['s404']),
      '"s404" is not a listed school',
    ],
    ['a total that disagrees', (r) => (r.totals.error += 1), 'totals.error: '],
    ['a count map that disagrees', (r) => (r.formatting['row-columns'] += 1), 'formatting: does not match'],
    [
      'a school map that disagrees',
      (r) => (r.schools[schoolWithErrors].error = {}),
      `schools[${schoolWithErrors}].error: does not match`,
    ],
    [
      'blocked that disagrees',
      (r) => (r.blocked = false),
      'blocked: is false but blocking findings say true',
    ],
    ['findings out of order', (r) => r.findings.reverse(), 'out of order'],
    ['a broken roster snapshot', (r) => (r.roster = { salt: 'x' }), 'roster: expected a roster snapshot'],
    ['causes that are not a list', (r) => (r.causes = {}), 'causes: expected an array'],
    ['a cause key missing', (r) => delete r.causes[0].knockOn, 'causes[0].knockOn: missing'],
    [
      'clears that do not add up',
      (r) => (r.causes[0].clears += 1),
      'causes[0].clears: expected findings + knockOn',
    ],
    [
      'a cause left out',
      (r) => r.causes.pop(),
      `causes: clear ${good.findings.length - good.causes.at(-1).clears} findings in all`,
    ],
    ['causes out of order', (r) => r.causes.reverse(), 'out of order (blocking, clears)'],
    ['a cause in an unlisted school', (r) => (r.causes[0].schools = ['s404']), 'causes[0].schools: "s404"'],
  ];
  it('accepts a report made before causes existed', () => {
    const report = structuredClone(good);
    delete report.causes;
    expect(checkReportShape(report)).toEqual([]);
  });
  it.each(cases)('%s', (_label, breakIt, expected) => {
    const report = structuredClone(good);
    breakIt(report);
    const problems = checkReportShape(_label === 'not an object' ? [] : report);
    expect(problems.join('\n')).toContain(expected);
  });
});
