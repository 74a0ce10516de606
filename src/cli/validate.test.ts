import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capture,
  CLI,
  cleanDistrict,
  prepareCli,
  ROOT,
  tempDir,
  writeFolder,
} from '../../tests/fixtures/cli.ts';
import { reportDistrict } from '../../tests/fixtures/report-district.ts';
import type { Report } from '../core/report/types.ts';
import { displayWidth } from './display-width.ts';
import { causeFileName, csvFileName } from '../core/report/csv.ts';
import { main } from './validate.ts';
import { checkReportShape } from '../core/report/schema.ts';
import type { ReportChanges } from '../core/report/json.ts';
import { sampleDir } from '../../tests/fixtures/samples.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(prepareCli, 120_000);

const CLEAN = writeFolder(dir, 'clean', cleanDistrict());
const DIRTY = writeFolder(dir, 'dirty', reportDistrict({ noSchool: true }));
const BLOCKED = writeFolder(dir, 'blocked', {
  ...cleanDistrict(),
  'enrollments.csv': cleanDistrict()['enrollments.csv'] + 's1,c1,st1,extra\n',
});
const EDFI = sampleDir('oneroster/edfi-lms-toolkit-or11-bulk');
const STATUS = { errors: 'Has errors', alerts: 'Alerts only', ready: 'Ready', held: 'On hold for review' };

async function cli(...argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

const json = async (...argv: string[]) => JSON.parse((await cli(...argv, '--json', '-')).stdout) as Report;
/** A report without what changes from run to run (time, salt). */
const stable = (r: Report) => ({ ...r, generatedAt: '', roster: undefined });

describe('validate command line', () => {
  it('prints a per-school table', async () => {
    const { code, stdout, stderr } = await cli(DIRTY);
    const report = await json(DIRTY);
    expect([code, stderr]).toEqual([1, '']);
    expect(stdout).toMatch(/^Roster Check: Clever, 5 file\(s\)\n/);
    expect(stdout).toMatch(/^School +Teachers +Students +Errors +Alerts +Status$/m);
    for (const s of report.schools) {
      const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
      const [errors, alerts] = [sum(s.error), sum(s.alert)];
      // A hold pauses the whole sync for review (rules.md §7): no school is "Ready" then.
      const clear = report.totals.hold > 0 ? STATUS.held : STATUS.ready;
      const status = errors ? STATUS.errors : alerts ? STATUS.alerts : clear;
      const line = [s.name, s.counts.teachers, s.counts.students, errors, alerts, status].join(' +');
      expect(stdout).toMatch(new RegExp(`^${line.replace(/[()]/g, '\\$&')}$`, 'm'));
    }
    expect(stdout).not.toContain('BLOCKED');
  });

  it('lists the formatting problems with their file and row under the table', async () => {
    const { stdout } = await cli(BLOCKED);
    const report = await json(BLOCKED);
    expect(stdout).toContain('BLOCKED: Remind would not process these files');
    const listed = stdout.split('\nFormatting problems:\n')[1].trimEnd().split('\n');
    const formatting = report.findings.filter((f) => f.severity === 'formatting');
    expect(listed).toEqual(formatting.map((f) => `  ${f.message} [${f.code}, blocks]`));
    expect(listed[0]).toMatch(/enrollments\.csv row \d+/);
  });

  it('calls no school "Ready" while a formatting problem blocks the files', async () => {
    const { stdout } = await cli(BLOCKED);
    const report = await json(BLOCKED);
    expect(report.schools.length).toBeGreaterThan(0);
    for (const s of report.schools)
      expect(stdout).toMatch(new RegExp(`^${s.name} +\\d+ +\\d+ +0 +0 +Blocked by file problems$`, 'm'));
    expect(stdout).not.toMatch(/ Ready$/m);
  });

  it('lists the first 20 formatting problems when there are more', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `s1,c1,st1,extra${i}\n`).join('');
    const many = writeFolder(dir, 'many', {
      ...cleanDistrict(),
      'enrollments.csv': cleanDistrict()['enrollments.csv'] + rows,
    });
    const { stdout } = await cli(many);
    const [, total, list] = stdout.split(
      /\nFormatting problems \(the first 20 of (\d+); --json or --csv-dir for all\):\n/,
    );
    expect(total).toBe('25');
    expect(list.trimEnd().split('\n')).toHaveLength(20);
    const { stdout: clean } = await cli(CLEAN);
    expect(clean).not.toContain('Formatting problems');
  });

  it('says in the table when the layout of the format is reconstructed', async () => {
    const remind2 = writeFolder(dir, 'remind2', {
      'schools.csv': 'school_id,school_name\ns1,North\n',
      'classes.csv': 'class_id,school_id,class_name\n',
      'users.csv': 'user_id,role,first_name,last_name,email\nt1,teacher,Ada,Love,ada@x.org\n',
      'enrollments.csv': 'class_id,user_id,role\n',
      'school_enrollments.csv': 'school_id,user_id\ns1,t1\n',
    });
    const { code, stdout } = await cli(remind2);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Roster Check: Remind CSV 2\.0 \(layout reconstructed\), 5 file\(s\)$/m);
    expect(stdout).toMatch(/^North +1 +0 +0 +0 +Ready$/m);
  });

  it('lines the table up by display width: CJK, fullwidth and accented school names', async () => {
    const names = [
      '北京第一中学',
      'École Sainte-Thérèse',
      'Ecole\u0301 du Parc',
      'ＡＢＣ Academy',
      '서울 Elementary',
    ];
    const cjk = writeFolder(dir, 'cjk', {
      ...cleanDistrict(),
      'schools.csv': ['School_id,School_name', ...names.map((n, i) => `s${i + 1},${n}`)].join('\n') + '\n',
    });
    const { stdout } = await cli(cjk);
    const lines = stdout.split('\n');
    const header = lines.find((l) => l.startsWith('School '))!;
    const rows = names.map((n) => lines.find((l) => l.startsWith(n))!);
    // Every row's numbers end in the same terminal column as the header's titles.
    const ends = (line: string) =>
      [...line.matchAll(/\S+/g)].map((m) => displayWidth(line.slice(0, m.index + m[0].length)));
    const columnEnds = ends(header).slice(1, 5);
    for (const row of rows) {
      const fields = ends(row);
      expect(fields.slice(-5, -1), row).toEqual(columnEnds);
    }
  });

  it('prints only the report JSON with --json -', async () => {
    const { code, stdout } = await cli(DIRTY, '--json', '-');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.format.id).toBe('clever');
    expect(report.findings).toHaveLength(
      report.totals.error + report.totals.alert + report.totals.formatting + report.totals.hold,
    );
  });

  it('writes the report to a file with --json FILE, and still prints the table', async () => {
    const file = join(dir, 'report.json');
    const { code, stdout } = await cli(DIRTY, '--json', file);
    expect(code).toBe(1);
    expect(stdout).toContain('Roster Check:');
    const written = JSON.parse(readFileSync(file, 'utf8')) as Report;
    expect(stable(written)).toEqual(stable(await json(DIRTY)));
  });

  it('writes the CSV files the page offers with --csv-dir: per school and code, per school, per district formatting or hold code, per cause, the district', async () => {
    const out = join(dir, 'csv');
    expect((await cli(DIRTY, '--csv-dir', out)).code).toBe(1);
    const report = await json(DIRTY);
    const expected = report.schools.flatMap((s) => {
      const codes = [...Object.keys(s.error), ...Object.keys(s.alert)];
      const name = (code?: string) => csvFileName({ school: s.id, code });
      return codes.length ? [...codes.map(name), name()] : [];
    });
    // The page's File problems and Sync holds offer a district file per type ("Download CSV").
    const districtCodes = [...Object.keys(report.formatting), ...Object.keys(report.hold)];
    expect(districtCodes.length).toBeGreaterThan(0);
    const perCode = districtCodes.map((code) => csvFileName({ code }));
    // The fix plan's "Save these records (CSV)", one per cause.
    const perCause = report.causes!.map((c, k) => causeFileName(k, c));
    expect(perCause.length).toBeGreaterThan(0);
    expect(readdirSync(out).sort()).toEqual(
      [...expected, ...perCode, ...perCause, 'district-all.csv'].sort(),
    );
    for (const code of districtCodes)
      expect(
        readFileSync(join(out, csvFileName({ code })), 'utf8')
          .trimEnd()
          .split('\r\n'),
        code,
      ).toHaveLength(1 + ({ ...report.formatting, ...report.hold }[code] ?? 0));
    const lines = (name: string) => readFileSync(join(out, name), 'utf8').trimEnd().split('\r\n');
    expect(lines(csvFileName({ school: 's1', code: 'student-dob' }))).toHaveLength(
      1 + report.schools.find((s) => s.id === 's1')!.error['student-dob'],
    );
    expect(lines('no-school-all.csv')[1]).toMatch(/^,"?\(no school\)"?,error,student-dob,/);
    const rowsPerFinding = report.findings.map((f) => Math.max(1, f.schools.length));
    expect(lines('district-all.csv')).toHaveLength(1 + rowsPerFinding.reduce((a, b) => a + b, 0));
    expect(readFileSync(join(out, 'district-all.csv'), 'utf8').startsWith('\uFEFFschool_id,')).toBe(true);
  });

  it("--csv-dir removes an earlier run's CSV files and only those", async () => {
    const out = join(dir, 'csv-again');
    expect((await cli(DIRTY, '--csv-dir', out)).code).toBe(1);
    const earlier = readdirSync(out);
    expect(earlier.some((n) => n.startsWith('fix-'))).toBe(true);
    writeFileSync(join(out, 'notes.csv'), 'kept\n');
    writeFileSync(join(out, 'district-all.csv.bak'), 'kept\n');
    mkdirSync(join(out, 'school-old-all.csv'));
    writeFileSync(join(out, 'school-old-all.csv', 'fix-1-x.csv'), 'kept\n');
    expect((await cli(CLEAN, '--csv-dir', out)).code).toBe(0);
    const now = readdirSync(out).sort();
    expect(now).toEqual(['district-all.csv', 'district-all.csv.bak', 'notes.csv', 'school-old-all.csv']);
    expect(readdirSync(join(out, 'school-old-all.csv'))).toEqual(['fix-1-x.csv']);
    expect(readFileSync(join(out, 'district-all.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);
  });

  it('uses the format given with --format', async () => {
    const report = await json(CLEAN, '--format', 'remind-csv-1.0');
    expect(report.format.id).toBe('remind-csv-1.0');
    expect(report.formatting['header-missing']).toBeGreaterThan(0);
    expect(report.blocked).toBe(true);
  });

  it('accepts a report of an earlier run with --previous and says what changed', async () => {
    const old = join(dir, 'old.json');
    await cli(DIRTY, '--json', old);
    const { code, stdout } = await cli(DIRTY, '--previous', old);
    const report = await json(DIRTY);
    expect(code).toBe(1);
    expect(stdout).toContain(`Changes: 0 resolved, 0 new, ${report.findings.length} unchanged since`);
  });

  it('--previous of the same district: the JSON lists what changed (report.md changes)', async () => {
    const old = join(dir, 'dirty-before.json');
    await cli(DIRTY, '--json', old);
    const before = JSON.parse(readFileSync(old, 'utf8')) as Report;
    const report = (await json(CLEAN, '--previous', old)) as Report & { changes: ReportChanges };
    expect(checkReportShape(report)).toEqual([]);
    const { changes } = report;
    expect(changes.comparedWith).toBe(before.generatedAt);
    expect(changes.reason).toBeNull();
    expect(changes.new).toEqual(
      report.findings.filter((f) => !before.findings.some((b) => b.code === f.code && b.id === f.id)),
    );
    expect(changes.resolved.length).toBe(before.findings.length - changes.unchanged);
    expect(changes.resolved.map((f) => f.code)).toContain('teacher-email');
    const same = (await json(DIRTY, '--previous', old)) as Report & { changes: ReportChanges };
    expect(same.changes).toMatchObject({ new: [], resolved: [], unchanged: same.findings.length });
  });

  it('--previous of another district compares nothing and raises no hold-removals', async () => {
    const other = join(dir, 'other-district.json');
    await cli(EDFI, '--json', other);
    const { stdout } = await cli(DIRTY, '--previous', other);
    expect(stdout).toContain('Changes: not compared: the earlier report is of another district.');
    expect(stdout).not.toMatch(/resolved|hold-removals/);
    const report = (await json(DIRTY, '--previous', other)) as Report & { changes: ReportChanges };
    expect(report.findings.filter((f) => f.code === 'hold-removals')).toEqual([]);
    expect(report.changes).toEqual({
      comparedWith: null,
      reason: 'the earlier report is of another district',
      new: [],
      resolved: [],
      unchanged: 0,
    });
    expect(checkReportShape(report)).toEqual([]);
  });

  it('--previous with a run that names no school compares nothing', async () => {
    const old = join(dir, 'dirty-for-no-school.json');
    await cli(DIRTY, '--json', old);
    const { 'schools.csv': _, ...noSchools } = cleanDistrict();
    const folder = writeFolder(dir, 'no-schools', noSchools);
    const report = (await json(folder, '--format', 'clever', '--previous', old)) as Report & {
      changes: ReportChanges;
    };
    expect(report.changes.comparedWith).toBeNull();
    expect(report.changes.reason).toMatch(/names no school/);
    expect(report.findings.filter((f) => f.code === 'hold-removals')).toEqual([]);
  });

  it('--acknowledged marks known findings and its exit status ignores them', async () => {
    const report = await json(DIRTY);
    const errors = report.findings.filter((f) => f.severity === 'error' && f.id !== null);
    expect(errors.length).toBeGreaterThan(1);
    expect(report.findings.some((f) => f.severity === 'error' && f.id === null)).toBe(false);
    const ack = (list: typeof errors) =>
      writeFileSync(
        join(dir, 'ack.json'),
        JSON.stringify({ acknowledged: list.map((f) => ({ code: f.code, id: f.id, note: 'known' })) }),
      );
    ack(errors);
    const all = await cli(DIRTY, '--acknowledged', join(dir, 'ack.json'));
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(`Acknowledged: ${errors.length} finding(s) known`);
    const marked = await json(DIRTY, '--acknowledged', join(dir, 'ack.json'));
    expect(checkReportShape(marked)).toEqual([]);
    expect(marked.totals).toMatchObject({ acknowledged: errors.length, error: report.totals.error });
    expect(marked.findings.filter((f) => f.acknowledged).length).toBe(errors.length);
    ack(errors.slice(1));
    expect((await cli(DIRTY, '--acknowledged', join(dir, 'ack.json'))).code).toBe(1);
  });

  it('--summary counts the acknowledged findings and the changes since --previous', async () => {
    const report = await json(DIRTY);
    const errors = report.findings.filter((f) => f.severity === 'error' && f.id !== null);
    const ack = join(dir, 'ack-summary.json');
    writeFileSync(ack, JSON.stringify({ acknowledged: errors.map((f) => ({ code: f.code, id: f.id })) }));
    const acked = await cli(DIRTY, '--acknowledged', ack, '--summary', '-');
    expect(acked.code).toBe(0);
    expect(acked.stdout).toContain(`Acknowledged: ${errors.length} acknowledged`);
    const old = join(dir, 'dirty-for-summary.json');
    await cli(DIRTY, '--json', old);
    const since = (await json(CLEAN, '--previous', old)) as Report & { changes: ReportChanges };
    const { changes } = since;
    const target = join(dir, 'changes-summary.md');
    await cli(CLEAN, '--previous', old, '--summary', target);
    expect(readFileSync(target, 'utf8')).toContain(
      `Since the previous report: ${changes.new.length} new, ${changes.resolved.length} resolved, ${changes.unchanged} unchanged.`,
    );
    expect(changes.resolved.length).toBeGreaterThan(0);
    const plain = (await cli(DIRTY, '--summary', '-')).stdout;
    expect(plain).not.toMatch(/Acknowledged:|Since the previous report/);
  });

  it('--acknowledged marks the acknowledged findings in the CSV files of --csv-dir', async () => {
    const report = await json(DIRTY);
    const f = report.findings.find((x) => x.severity === 'error' && x.id !== null)!;
    writeFileSync(join(dir, 'ack-csv.json'), JSON.stringify({ acknowledged: [{ code: f.code, id: f.id }] }));
    const out = join(dir, 'csv-ack');
    await cli(DIRTY, '--csv-dir', out, '--acknowledged', join(dir, 'ack-csv.json'));
    const rows = readFileSync(join(out, 'district-all.csv'), 'utf8').trim().split('\r\n');
    expect(rows[0].endsWith(',remind_name,acknowledged')).toBe(true);
    const yes = rows.filter((r) => r.endsWith(',yes'));
    expect(yes.length).toBe(f.schools.length || 1);
    expect(yes.every((r) => r.includes(`,${f.code},`) && r.includes(`,${f.id},`))).toBe(true);
  });

  it('--acknowledged matches by field and value when the acknowledgement gives them', async () => {
    const report = await json(DIRTY);
    const f = report.findings.find((x) => x.severity === 'error' && x.field !== null)!;
    const write = (field: string) =>
      writeFileSync(
        join(dir, 'ack-field.json'),
        JSON.stringify({ acknowledged: [{ code: f.code, id: f.id, field }] }),
      );
    write('not-' + f.field);
    let marked = await json(DIRTY, '--acknowledged', join(dir, 'ack-field.json'));
    expect(marked.totals).toMatchObject({ acknowledged: 0 });
    write(f.field!);
    marked = await json(DIRTY, '--acknowledged', join(dir, 'ack-field.json'));
    expect(marked.totals).toMatchObject({ acknowledged: 1 });
  });

  const exitCases = [
    { name: 'nothing blocks and there is no error', input: CLEAN, expected: 0 },
    { name: 'there are errors', input: DIRTY, expected: 1 },
    { name: 'a formatting finding blocks the files', input: BLOCKED, expected: 1 },
  ];
  it.each(exitCases)('exits with $expected when $name', async ({ input, expected }) => {
    const { code, stderr } = await cli(input);
    expect([code, stderr]).toEqual([expected, '']);
  });

  const failures = [
    {
      name: 'a path that does not exist',
      argv: () => [join(dir, 'nope')],
      says: /^Cannot read .*nope: no such file/,
    },
    {
      name: 'a folder without data files',
      argv: () => [writeFolder(dir, 'notes', { 'README.md': '# hi' })],
      says: /holds no CSV/,
    },
    {
      name: 'files of no known format',
      argv: () => [writeFolder(dir, 'other', { 'grades.csv': 'a,b\n1,2\n' })],
      says: /^The format of these files was not recognised\. Files seen: grades\.csv/,
    },
    {
      name: 'an unknown --format',
      argv: () => [CLEAN, '--format', 'csv-9'],
      says: /^Unknown format "csv-9"\. Formats: /,
    },
    { name: 'an unknown option', argv: () => [CLEAN, '--colour'], says: /--colour/ },
    { name: 'no input', argv: () => [], says: /^No input given\./ },
    {
      name: 'a --previous file that is not JSON',
      argv: () => [CLEAN, '--previous', join(CLEAN, 'schools.csv')],
      says: /^Cannot read the earlier report .*schools\.csv: /,
    },
    {
      name: 'a --previous file that is not a report',
      argv: () => {
        writeFileSync(join(dir, 'other.json'), '{"reportVersion": 1}');
        return [CLEAN, '--previous', join(dir, 'other.json')];
      },
      says: /other\.json is not a Roster Check report/,
    },
    {
      name: 'a --previous report with a broken finding',
      argv: () => {
        const report = JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8'));
        report.findings[0] = null;
        writeFileSync(join(dir, 'edited.json'), JSON.stringify(report));
        return [CLEAN, '--previous', join(dir, 'edited.json')];
      },
      says: /edited\.json is not a Roster Check report \(reportVersion 1\): findings\[0\]/,
    },
    {
      name: 'an --acknowledged file of another shape',
      argv: () => {
        writeFileSync(join(dir, 'ack-bad.json'), '{"acknowledged": [{"code": "teacher-email"}]}');
        return [CLEAN, '--acknowledged', join(dir, 'ack-bad.json')];
      },
      says: /ack-bad\.json is not a list of acknowledged findings: acknowledged\[0\]\.id is not a record ID/,
    },
    {
      name: 'a broken zip',
      argv: () => {
        writeFileSync(join(dir, 'broken.zip'), 'PK\u0003\u0004 not really a zip');
        return [join(dir, 'broken.zip')];
      },
      says: /^broken\.zip: /,
    },
    {
      name: 'a School Data Sync export (classic layout)',
      argv: () => [
        writeFolder(dir, 'sds', {
          'School.csv': 'SIS ID,Name\n1,North\n',
          'Section.csv': 'SIS ID,School SIS ID,Section Name\n10,1,Math\n',
          'TeacherRoster.csv': 'Section SIS ID,SIS ID\n10,7\n',
        }),
      ],
      says: /^These are Microsoft School Data Sync \(SDS v1 CSV\) files .*Remind does not take that format/,
    },
  ];
  it.each(failures)('exits with 2 and one line on stderr for $name', async ({ argv, says }) => {
    const { code, stdout, stderr } = await cli(...argv());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(says);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain('Unexpected problem');
  });

  const outputFailures = [
    {
      name: '--json into a missing folder',
      argv: () => ['--json', join(dir, 'missing', 'r.json')],
      says: /^Cannot write .*r\.json: ENOENT/,
    },
    { name: '--json onto a folder', argv: () => ['--json', dir], says: /^Cannot write .*: EISDIR/ },
    {
      name: '--csv-dir below a file',
      argv: () => ['--csv-dir', join(CLEAN, 'schools.csv', 'out')],
      says: /^Cannot create the folder .*schools\.csv.out: ENOTDIR/,
    },
  ];
  it.each(outputFailures)('exits with 2 and one line on stderr for $name', async ({ argv, says }) => {
    const { code, stderr } = await cli(CLEAN, ...argv());
    expect(code).toBe(2);
    expect(stderr).toMatch(says);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reads a .zip like the folder it was made from', async () => {
    const files = Object.fromEntries(
      Object.entries(reportDistrict({ noSchool: true })).map(([name, text]) => [
        `export/${name}`,
        strToU8(text),
      ]),
    );
    const zip = join(dir, 'district.zip');
    writeFileSync(zip, zipSync(files));
    const fromZip = await json(zip);
    const fromFolder = await json(DIRTY);
    expect(fromZip.files.map((f) => f.name).sort()).toEqual(Object.keys(files).sort());
    expect(fromZip.totals).toEqual(fromFolder.totals);
    expect(fromZip.files.map((f) => f.sha256).sort()).toEqual(fromFolder.files.map((f) => f.sha256).sort());
  });

  it('runs as a real process, plain Node on the built bundle as npm run validate starts it', () => {
    const spawn = (...args: string[]) =>
      spawnSync(CLI[0], [CLI[1], ...args], { cwd: ROOT, encoding: 'utf8' });
    const ok = spawn(CLEAN);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/^North +1 +1 +0 +0 +Ready$/m);
    const dirty = spawn(DIRTY, '--json', '-');
    expect(dirty.status).toBe(1);
    expect((JSON.parse(dirty.stdout) as Report).totals.schools).toBe(3);
    const missing = spawn(join(dir, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
