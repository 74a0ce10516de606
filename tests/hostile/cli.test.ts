/**
 * Some of the worst corpus cases through the real command line, as a separate Node process: the
 * exit status of report.md, one line on standard error when nothing can be checked, never a stack
 * trace, and a report of the documented shape when something can.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportShape } from '../../src/core/report/schema.ts';
import { CLI, prepareCli, ROOT, tempDir, writeFolder } from '../fixtures/cli.ts';
import { CASES } from './corpus.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(prepareCli, 120_000);

/**
 * The command line's outcome. The timeout only guards against a hang (a killed process has no exit
 * status, which fails the test); the engine's work on these inputs is bounded in corpus.test.ts.
 */
function cli(folder: string) {
  return spawnSync(CLI[0], [CLI[1], folder, '--json', '-'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

const WORST: Array<[name: string, exit: 0 | 1 | 2]> = [
  ['a zip whose entries claim 10 GB, alone', 2],
  ['a zip with no CSV in it, alone', 2],
  ['files of no known format', 2],
  ['a zip whose entries claim 10 GB, beside the files', 1],
  ['a zip whose students.csv unpacks to far more than it claims', 1],
  ['a PNG named students.csv', 1],
  ['UTF-16 LE without a byte-order mark', 1],
  ['a 50 MB single cell', 1],
];

describe('hostile input through the command line', () => {
  it.each(WORST)('%s: exits with %i, without a stack trace', (name, exit) => {
    const c = CASES.find((k) => k.name === name)!;
    const folder = writeFolder(dir, name.replace(/\W+/g, '-'), c.files());
    const { status, stdout, stderr } = cli(folder);
    expect(stderr).not.toMatch(/\n\s+at |Unexpected problem/);
    expect(status).toBe(exit);
    if (exit === 2) {
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr.startsWith(c.refused!)).toBe(true);
      return;
    }
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as {
      findings: Array<{ severity: string; code: string; file: string }>;
    };
    expect(checkReportShape(report)).toEqual([]);
    const seen = report.findings.filter((f) => f.severity === 'formatting').map((f) => `${f.code} ${f.file}`);
    const expected = c.formatting!.map((f) => {
      const [code, file] = f.split(' ');
      return `${code.split('/')[0]} ${file.replace(/:\d+$/, '')}`;
    });
    expect(seen).toEqual(expected);
  });
});
