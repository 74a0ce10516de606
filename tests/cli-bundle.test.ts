/**
 * `npm run validate` runs plain Node on a bundle of the command line (scripts/validate.mjs): built
 * when missing or older than the sources, reused as it is otherwise.
 */
import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, prepareCli, ROOT } from './fixtures/cli.ts';

const BUNDLE = join(ROOT, '.cli', 'validate.mjs');
const help = () => spawnSync(CLI[0], [CLI[1], '--help'], { cwd: ROOT, encoding: 'utf8' });

beforeAll(prepareCli, 120_000);

describe('the command line bundle', () => {
  it('is reused while it is newer than every source', () => {
    const before = statSync(BUNDLE).mtimeMs;
    const result = help();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^Usage: npm run validate -- /);
    expect(statSync(BUNDLE).mtimeMs).toBe(before);
  });

  it('is rebuilt, silently, when a source is newer than it', () => {
    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(BUNDLE, old, old);
    const result = help();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^Usage: npm run validate -- /);
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(old.getTime());
  }, 120_000);
});
