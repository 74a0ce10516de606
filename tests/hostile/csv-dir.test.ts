/**
 * `--csv-dir` once wrote one file over another without a word: school IDs "a b", "a/b" and "a-b" all
 * became school-a-b-*.csv, "学校", "школа" and "مدرسة" all school-file-*.csv, and a school whose ID is
 * "no-school" met the findings of no school. Every school now has files of its own.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/validate.ts';
import { districtFiles, REMIND_1 } from '../fixtures/districts.ts';
import { capture, tempDir, writeFolder } from '../fixtures/cli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IDS = ['a b', 'a/b', 'a-b', '学校', 'школа', 'مدرسة', 'no-school', 'district'];

/** One school per ID, each with a teacher without an email (one error each). */
function schools(): string {
  const teacher = REMIND_1['teachers.csv'][0];
  return writeFolder(
    dir,
    'schools',
    districtFiles('remind-csv-1.0', {
      'schools.csv': [
        ...REMIND_1['schools.csv'],
        ...IDS.map((id, i) => ({ school_id: id, school_name: `School ${i}` })),
      ],
      'teachers.csv': [
        ...REMIND_1['teachers.csv'],
        ...IDS.map((id, i) => ({ ...teacher, school_id: id, teacher_id: `tx${i}`, teacher_email: '' })),
      ],
    }),
  );
}

describe('--csv-dir with school IDs that look alike as file names', () => {
  it('writes every school its own files, each holding only that school', async () => {
    const out = join(dir, 'csv');
    const err = capture();
    expect(await main([schools(), '--csv-dir', out], capture().stream, err.stream)).toBe(1);
    expect(err.text()).toBe('');
    const files = readdirSync(out).sort();
    // Per school: the teacher-email file and the all file; the fix plan's one cause; the district's file.
    expect(files).toHaveLength(IDS.length * 2 + 2);
    expect(files).toContain('fix-1-teacher-email-missing.csv');
    const schoolIn = (name: string) => {
      const lines = readFileSync(join(out, name), 'utf8').trimEnd().split('\r\n');
      return lines.slice(1).map((line) => line.split(',')[0]);
    };
    const byFile = files.filter((f) => f.endsWith('-all.csv') && f !== 'district-all.csv').map(schoolIn);
    expect(byFile.map((ids) => [...new Set(ids)]).sort()).toEqual(IDS.map((id) => [id]).sort());
  });
});
