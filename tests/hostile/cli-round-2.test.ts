/**
 * The second round's worst zips through the real command line (a separate Node process): 200 MB of
 * commas once crashed V8 ("invalid size", exit 133), and a directory claiming gigabytes of a few
 * hundred bytes never finished. Each is now one finding on students.csv, exit 1, no stack trace.
 * Reading is bounded by work, not by a clock: the reader keeps at most MAX_CELLS cells of a row
 * (csv.test.ts) and reads no zip entry past the end of the file (zip.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, prepareCli, ROOT, tempDir } from '../fixtures/cli.ts';
import { commasZip, zipClaimingCompressed } from './round-2.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(prepareCli, 120_000);

function cli(zip: Uint8Array, name: string) {
  const path = join(dir, name);
  writeFileSync(path, zip);
  return spawnSync(CLI[0], [CLI[1], path, '--json', '-'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('the second round of hostile zips, through the command line', () => {
  it.each([
    ['50 MB of commas', () => commasZip(50), /row 1, its header, has 52,428,801 cells/],
    ['a directory claiming 2^45 bytes (ZIP64)', () => zipClaimingCompressed(2 ** 45, true), /past the end/],
  ])(
    '%s: one finding on students.csv, exit 1, no stack trace',
    (label, zip, says) => {
      const { status, stdout, stderr } = cli(zip(), `${label.replace(/\W+/g, '-')}.zip`);
      expect(stderr).toBe('');
      expect(status).toBe(1);
      const report = JSON.parse(stdout) as {
        findings: Array<{ code: string; file: string; message: string }>;
      };
      const onStudents = report.findings.filter((f) => f.file === 'students.csv');
      expect(onStudents.map((f) => f.code)).toEqual(['file-unreadable']);
      expect(onStudents[0].message).toMatch(says);
    },
    180_000,
  );
});
