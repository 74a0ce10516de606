import { describe, expect, it } from 'vitest';
import { filesOf, run, TODAY } from '../../../tests/helpers.ts';
import { reportDistrict } from '../../../tests/fixtures/report-district.ts';
import type { Finding } from '../model/finding.ts';
import { reportJsonPieces, toReport } from './json.ts';
import type { Report } from './types.ts';

const SEVERITIES = ['formatting', 'error', 'alert', 'hold'];
const FINDING_KEYS = [
  'severity',
  'code',
  'reason',
  'entity',
  'id',
  'name',
  'schools',
  'file',
  'row',
  'field',
  'value',
  'otherId',
  'message',
  'fix',
];

/** Findings per code, counted the way report.md says (once per school for errors and alerts). */
function countBy(findings: Finding[], keep: (f: Finding) => boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) if (keep(f)) out[f.code] = (out[f.code] ?? 0) + 1;
  return out;
}

describe('report JSON', async () => {
  const result = await run(reportDistrict({ noSchool: true }));
  const report = toReport(result);

  it('has the fields of report.md in order, then the roster snapshot', () => {
    expect(Object.keys(report)).toEqual([
      'reportVersion',
      'generatedAt',
      'format',
      'files',
      'blocked',
      'totals',
      'schools',
      'formatting',
      'hold',
      'causes',
      'findings',
      'roster',
    ]);
    expect(report.reportVersion).toBe(1);
    expect(report.generatedAt).toBe(TODAY.toISOString());
    expect(Object.keys(report.format)).toEqual(['id', 'label', 'reconstructed']);
    expect(Object.keys(report.totals)).toEqual([
      'schools',
      'teachers',
      'students',
      'parents',
      'staff',
      'classes',
      'error',
      'alert',
      'formatting',
      'hold',
    ]);
    for (const file of report.files) {
      expect(Object.keys(file)).toEqual(['name', 'bytes', 'rows', 'sha256']);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const school of report.schools) {
      expect(Object.keys(school)).toEqual(['id', 'name', 'counts', 'error', 'alert']);
      expect(Object.keys(school.counts)).toEqual(['teachers', 'students', 'parents', 'classes']);
    }
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(Object.keys(f)).toEqual(FINDING_KEYS);
  });

  it('counts each finding once in the totals, once per school in the school maps, and leaves out absent codes', () => {
    const { findings } = report;
    for (const severity of SEVERITIES)
      expect(report.totals[severity as 'error']).toBe(findings.filter((f) => f.severity === severity).length);
    expect(report.formatting).toEqual(countBy(findings, (f) => f.severity === 'formatting'));
    expect(report.hold).toEqual(countBy(findings, (f) => f.severity === 'hold'));
    for (const school of report.schools) {
      const here = (severity: string) => (f: Finding) =>
        f.severity === severity && f.schools.includes(school.id);
      expect(school.error).toEqual(countBy(findings, here('error')));
      expect(school.alert).toEqual(countBy(findings, here('alert')));
      for (const n of [...Object.values(school.error), ...Object.values(school.alert)])
        expect(n).toBeGreaterThan(0);
    }
    // st3 is in both schools: one error in the totals, one in each school.
    const st3 = findings.filter((f) => f.id === 'st3');
    expect(st3).toHaveLength(1);
    expect(st3[0].schools).toEqual(['s1', 's2']);
  });

  it('counts the people and classes of each school, and everyone in the totals', () => {
    const everyone = [...result.roster.everyone()];
    const roles = ['teacher', 'student', 'parent'] as const;
    const inSchool = (schools: readonly string[], id: string | null) =>
      id === null ? schools.length === 0 : schools.includes(id);
    const schoolsOf = (p: (typeof everyone)[number]) => p.schools.map((s) => result.roster.schools[s].id);
    for (const school of report.schools) {
      const expected = Object.fromEntries(
        roles.map((role) => [
          `${role}s`,
          everyone.filter((p) => p.role === role && inSchool(schoolsOf(p), school.id)).length,
        ]),
      );
      const classes = result.roster.classes.filter((c) =>
        c.school < 0 ? school.id === null : result.roster.schools[c.school].id === school.id,
      );
      expect(school.counts).toEqual({ ...expected, classes: classes.length });
    }
    const count = (role: string) => everyone.filter((p) => p.role === role).length;
    expect(report.totals).toMatchObject({
      teachers: count('teacher'),
      students: count('student'),
      parents: count('parent'),
      staff: count('staff'),
    });
    expect(report.schools.some((school) => school.id === null && school.counts.students > 0)).toBe(true);
  });

  it('lists every school by name, with the "(no school)" bucket last and only when used', async () => {
    expect(report.schools.map((s) => [s.id, s.name])).toEqual([
      ['s3', 'Annex'],
      ['s2', 'Central'],
      ['s1', 'North'],
      [null, '(no school)'],
    ]);
    expect(report.schools[0]).toMatchObject({ error: {}, alert: {} });
    expect(report.schools[3]).toMatchObject({ counts: { students: 1 }, error: { 'student-dob': 1 } });
    const without = toReport(await run(reportDistrict()));
    expect(without.schools.map((s) => s.id)).toEqual(['s3', 's2', 's1']);
  });

  it('sorts findings by severity, code, school and id', () => {
    const key = (f: Finding) => [
      SEVERITIES.indexOf(f.severity),
      f.code,
      // No school (formatting, holds) first; the null bucket after every school.
      f.schools.length === 0 ? '' : (f.schools[0] ?? '\uffff'),
      f.id ?? '',
    ];
    const keys = report.findings.map(key);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      const order = a.findIndex((v, j) => v !== b[j]);
      if (order >= 0) expect(a[order] < b[order], `${a.join(' ')} before ${b.join(' ')}`).toBe(true);
    }
    expect(new Set(report.findings.map((f) => f.severity))).toEqual(new Set(SEVERITIES));
  });

  it('gives the same findings in the same order whatever the order of the input files', async () => {
    // No two findings here tie on severity, code, school and id: such ties follow the input order.
    const files = reportDistrict({ noSchool: true, malformed: true });
    const forward = toReport(await run(files)).findings;
    const backward = toReport(await run(filesOf(files).reverse())).findings;
    expect(backward).toEqual(forward);
  });

  it('is blocked only by a blocking formatting finding', async () => {
    expect(report.formatting).toHaveProperty('ref-unknown');
    expect(report.blocked).toBe(false);
    const malformed = toReport(await run(reportDistrict({ malformed: true })));
    expect(malformed.formatting['row-columns']).toBe(1);
    expect(malformed.blocked).toBe(true);
  });

  const pieceCases = [
    { name: 'a district with findings', files: reportDistrict({ noSchool: true }) },
    { name: 'a district without findings', files: { 'schools.csv': 'School_id,School_name\n' } },
    {
      name: 'a district with findings enough for several pieces',
      files: {
        ...reportDistrict(),
        'students.csv':
          'School_id,Student_id,First_name,Last_name,DOB\n' +
          Array.from({ length: 600 }, (_, i) => `s1,x${i},"Al, ""Jr""",Q,13/13/2013\n`).join(''),
      },
    },
  ];
  it.each(pieceCases)('writes the same JSON in pieces as toReport for $name', async ({ files }) => {
    const r = await run(files);
    const pieces = [...reportJsonPieces(r)];
    const parsed = JSON.parse(pieces.join('')) as Report;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(toReport(r))));
    expect(Object.keys(parsed)).toEqual(Object.keys(toReport(r)));
    if (r.findings.length > 500) expect(pieces.length).toBeGreaterThan(2);
  });
});
