/**
 * Roster values reach the terminal through the command line: a class ID holding `ESC[2J ESC[H All
 * clear` cleared the screen and printed fake text, a school name set the window title. Every control
 * character (C0, DEL, C1) is printed as a visible escape, in the table, the findings, the one-line
 * refusals and the JSON on standard output.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/validate.ts';
import { capture, cleanDistrict, tempDir, writeFolder } from '../fixtures/cli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLEAR = '\x1b[2J\x1b[H All clear';
const TITLE = '\x1b]0;pwned\x07';
const C1 = '\x9b2J\x7f';
// Any control character but the newlines between our own lines.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

async function cli(...argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

function hostileDistrict(): string {
  const files = cleanDistrict();
  files['schools.csv'] = files['schools.csv'].replace('North', `North${TITLE}${C1}`);
  files['enrollments.csv'] += `s1,c1${CLEAR},st1\n`;
  return writeFolder(dir, 'hostile', files);
}

describe('control characters from roster data, printed by the command line', () => {
  it('are escaped in the table and the findings', async () => {
    const { code, stdout, stderr } = await cli(hostileDistrict());
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain('c1\\x1b[2J\\x1b[H All clear');
    expect(stdout).toContain('North\\x1b]0;pwned\\x07\\x9b2J\\x7f');
  });

  it('are escaped in the JSON on standard output, which still reads back the same', async () => {
    const { stdout } = await cli(hostileDistrict(), '--json', '-');
    expect(stdout).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(stdout) as {
      schools: Array<{ name: string }>;
      findings: Array<{ value: string }>;
    };
    expect(report.schools.map((s) => s.name)).toContain(`North${TITLE}${C1}`);
    expect(report.findings.map((f) => f.value)).toContain(`c1${CLEAR}`);
  });

  it('are escaped in a one-line refusal naming a file', async () => {
    const folder = writeFolder(dir, 'names', { [`grades${CLEAR}\n.csv`]: 'a,b\n1,2\n' });
    const { code, stdout, stderr } = await cli(folder);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('grades\\x1b[2J\\x1b[H All clear\\n.csv');
  });
});
