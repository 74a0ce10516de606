import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sourceFromBytes, type SourceFile } from '../input/source.ts';
import { run } from '../../../tests/helpers.ts';
import { sampleDir } from '../../../tests/fixtures/samples.ts';
import { compareFindings } from './changes.ts';

const dir = sampleDir('oneroster/edfi-lms-toolkit-or11-bulk');
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .sort()
    .map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
);
const under = (folder: string) =>
  Object.fromEntries(Object.entries(files).map(([n, b]) => [`${folder}${n}`, b]));

const ways: Record<string, () => SourceFile[]> = {
  'loose files': () => Object.entries(files).map(([n, b]) => sourceFromBytes(n, b)),
  'a folder': () => Object.entries(under('edfi-export/')).map(([n, b]) => sourceFromBytes(n, b)),
  'a flat zip': () => [sourceFromBytes('district.zip', zipSync(files))],
  'a zip with a folder inside': () => [sourceFromBytes('export.zip', zipSync(under('2026-11/')))],
};

describe('the same files chosen four ways are the same findings', async () => {
  const results = Object.fromEntries(
    await Promise.all(
      Object.entries(ways).map(async ([way, sources]) => [way, await run(sources())] as const),
    ),
  );
  const pairs = Object.keys(ways).flatMap((a) =>
    Object.keys(ways)
      .filter((b) => b !== a)
      .map((b) => [a, b]),
  );

  it('the sample set has file findings (a row or file finding without an ID)', () => {
    const loose = [...results['loose files'].findings];
    expect(loose.some((f) => f.id === null && f.file !== null)).toBe(true);
  });

  it.each(pairs)('%s, then %s: 0 new, 0 resolved', (a, b) => {
    const before = [...results[a].findings];
    const now = [...results[b].findings];
    expect(compareFindings(before, now)).toEqual({ new: 0, resolved: 0, unchanged: now.length });
  });
});
