/** The Node side of the generator (scripts/gen.ts): streaming to disk, and what it refuses. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderSources, run } from '../../../tests/helpers.ts';
import { writeDistrict } from '../../../scripts/gen.ts';
import { GENERATED_FILES, generateInMemory, planDistrict } from './generate.ts';

const made: string[] = [];
const tempDir = () => {
  made.push(mkdtempSync(join(tmpdir(), 'gen-')));
  return made[made.length - 1];
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeDistrict', () => {
  it('writes the same bytes as the in-memory district, and reports each file', async () => {
    const dir = tempDir();
    const options = { format: 'oneroster-1.1' as const, students: 1500, seed: 4 };
    const summary = await writeDistrict(options, dir);
    const expected = generateInMemory(planDistrict(options));
    expect(readdirSync(dir).sort()).toEqual([...GENERATED_FILES['oneroster-1.1']].sort());
    for (const file of summary.files) {
      const text = readFileSync(join(dir, file.name), 'utf8');
      expect(text).toBe(expected.get(file.name));
      expect(file.bytes).toBe(statSync(join(dir, file.name)).size);
      expect(file.rows).toBe(text.split('\n').length - 1);
    }
    const result = await run(folderSources(dir));
    expect(result.summary.totals.students).toBe(1500);
  });

  it('refuses a folder holding other data files, unless told to clean them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sections.csv'), 'old');
    writeFileSync(join(dir, 'notes.md'), 'kept');
    await expect(writeDistrict({ format: 'remind-csv-1.0', students: 50 }, dir)).rejects.toThrow(
      /sections\.csv/,
    );
    await writeDistrict({ format: 'remind-csv-1.0', students: 50 }, dir, true);
    expect(readdirSync(dir).sort()).toEqual([...GENERATED_FILES['remind-csv-1.0'], 'notes.md'].sort());
  });
});
