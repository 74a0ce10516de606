import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/engine/validate.ts';
import { CLI, cleanDistrict, prepareCli, ROOT, tempDir, writeFolder } from '../../tests/fixtures/cli.ts';
import { inputProblem, readProblem } from './inputs.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(prepareCli, 120_000);

const errno = (code: string) => Object.assign(new Error(`${code}: some detail`), { code });

describe('input paths that cannot be read', () => {
  it.each([
    ['ENOENT', 'no such file or folder'],
    ['ENOTDIR', 'no such file or folder'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EISDIR', 'it is a folder'],
    ['EIO', 'EIO: some detail'],
  ])('says %s in one line naming the path', (code, why) => {
    const problem = readProblem('roster/users.csv', errno(code));
    expect(problem).toBeInstanceOf(InputError);
    expect(problem.message).toBe(`Cannot read roster/users.csv: ${why}.`);
  });

  it('turns a file-system error met while reading into an input problem, and nothing else', async () => {
    const missing = join(dir, 'gone.csv');
    const error = await open(missing, 'r').catch((e: unknown) => e);
    expect(inputProblem(error)?.message).toBe(`Cannot read ${missing}: no such file or folder.`);
    expect(inputProblem(new Error('a bug'))).toBeNull();
    expect(inputProblem(errno('EACCES'))).toBeNull(); // no path: not about an input file
    expect(inputProblem(null)).toBeNull();
  });

  // Permissions do not stop root, so as root the command runs as nobody (where runuser allows it).
  const root = process.getuid?.() === 0;
  const asNobody = root && existsSync('/usr/sbin/runuser');
  it.runIf(!root || asNobody)('exits with 2 and one line for a file without read permission', () => {
    const folder = writeFolder(dir, 'locked', cleanDistrict());
    const locked = join(folder, 'teachers.csv');
    chmodSync(dir, 0o755);
    chmodSync(folder, 0o755);
    chmodSync(locked, 0o000);
    prepareCli(); // just before: another test file may have made the bundle stale, and nobody cannot rebuild it
    const command = [...CLI, folder];
    const [bin, ...args] = asNobody ? ['/usr/sbin/runuser', '-u', 'nobody', '--', ...command] : command;
    const result = spawnSync(bin, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Cannot read ${locked}: permission denied.\n`);
  });
});
