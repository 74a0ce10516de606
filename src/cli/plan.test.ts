import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { capture, tempDir, writeFolder } from '../../tests/fixtures/cli.ts';
import { plantedCauses } from '../../tests/fixtures/planted-causes.ts';
import { FILES_CANNOT_SHOW, REMOVALS_NOT_CHECKED } from '../core/report/plan-text.ts';
import { main } from './validate.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const planted = plantedCauses();
const PLANTED = writeFolder(dir, 'planted', planted.files);

async function cli(...argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('the fix plan on the command line', () => {
  it('prints the planted causes under the table, blocking first, with what each clears', async () => {
    const { stdout } = await cli(PLANTED);
    const plan = stdout.slice(stdout.indexOf('Fix plan:'));
    const [blocking, missing, email] = planted.expected;
    expect(plan).toMatch(/^Fix plan: Fix these 3 things to clear all \d[\d,]* findings\.$/m);
    const listed = [...plan.matchAll(/^ {2}(\d)\. (\S+)(?: \((\S+)\))?( \[blocks\])?: .*Clears ([\d,]+)/gm)];
    expect(listed.map((m) => [m[2], m[3] ?? null, Number(m[5].replace(/,/g, ''))])).toEqual(
      [blocking, missing, email].map((c) => [c.code, c.reason, c.findings + c.knockOn]),
    );
    expect(listed[0][4]).toBe(' [blocks]');
    expect(stdout.indexOf('Fix plan:')).toBeGreaterThan(stdout.indexOf('Status'));
    expect(stdout).toContain(FILES_CANNOT_SHOW);
  });

  it('says removals were not checked unless an earlier report of the district was compared', async () => {
    expect((await cli(PLANTED)).stdout).toContain(`${FILES_CANNOT_SHOW} ${REMOVALS_NOT_CHECKED}`);
    expect((await cli(PLANTED, '--summary', '-')).stdout).toContain(REMOVALS_NOT_CHECKED);
    const old = `${dir}/planted-before.json`;
    await cli(PLANTED, '--json', old);
    const compared = await cli(PLANTED, '--previous', old);
    expect(compared.stdout).toContain(FILES_CANNOT_SHOW);
    expect(compared.stdout).not.toContain(REMOVALS_NOT_CHECKED);
    expect((await cli(PLANTED, '--previous', old, '--summary', '-')).stdout).not.toContain(
      REMOVALS_NOT_CHECKED,
    );
  });

  it('gives the same causes in --json', async () => {
    const { stdout } = await cli(PLANTED, '--json', '-');
    const causes = JSON.parse(stdout).causes as { code: string; knockOn: number }[];
    expect(causes.map((c) => [c.code, c.knockOn])).toEqual(planted.expected.map((c) => [c.code, c.knockOn]));
  });
});

describe('--summary', () => {
  it('writes the summary without personal data to a file, beside the table', async () => {
    const target = `${dir}/summary.md`;
    const { code, stdout } = await cli(PLANTED, '--summary', target);
    expect(code).toBe(1);
    expect(stdout).toContain('Fix plan:');
    const md = readFileSync(target, 'utf8');
    expect(md).toMatch(/^# Roster Check summary\n/);
    expect(md).toContain('| teacher-email (missing) |');
  });

  it('prints only the summary with --summary -, and still writes --json FILE', async () => {
    const target = `${dir}/with-summary.json`;
    const { stdout } = await cli(PLANTED, '--summary', '-', '--json', target);
    expect(stdout).toMatch(/^# Roster Check summary\n/);
    expect(stdout).not.toContain('Fix plan:');
    expect(JSON.parse(readFileSync(target, 'utf8')).causes).toHaveLength(planted.expected.length);
  });

  it('refuses --json - with --summary -', async () => {
    const { code, stderr } = await cli(PLANTED, '--summary', '-', '--json', '-');
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot both go to standard output/);
  });

  it('exits with 2 when the summary cannot be written', async () => {
    const { code, stderr } = await cli(PLANTED, '--summary', `${dir}/no/such/folder/summary.md`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Cannot write /);
  });
});
