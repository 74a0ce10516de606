import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import type { FormatId } from '../formats/types.ts';
import { sourceFromBytes } from '../input/source.ts';
import { filesOf, findings, run, summary } from '../../../tests/helpers.ts';
import { DISTRICTS, districtFiles } from '../../../tests/fixtures/districts.ts';
import type { Progress } from './progress.ts';
import { InputError, validate } from './validate.ts';

const FORMATS = Object.keys(DISTRICTS) as FormatId[];

describe('validate', () => {
  it.each(FORMATS)('%s: a clean district is detected and has no findings', async (format) => {
    const result = await run(districtFiles(format));
    expect(result.summary.format.id).toBe(format);
    expect(summary(result)).toEqual([]);
    expect(result.summary.blocked).toBe(false);
    expect(result.summary.totals).toMatchObject({
      schools: 1,
      teachers: 1,
      students: 1,
      parents: 1,
      classes: 1,
    });
  });

  it.each(FORMATS)('%s: reads files in dependency order whatever order they are given in', async (format) => {
    const files = districtFiles(format);
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    expect(summary(await run(reversed))).toEqual([]);
  });

  it('runs every stage even when stage 1 finds problems', async () => {
    const files = districtFiles('remind-csv-1.0', {
      'students.csv': [
        { school_id: 's1', student_id: 'st1', dob: '01/05/2012' },
        { school_id: 's1', student_id: 'st2', dob: '' },
      ],
    });
    files['teachers.csv'] += 's1,t2,Al\n';
    const result = await run(files);
    expect(summary(result)).toEqual(['row-columns teachers.csv', 'student-dob/missing st2']);
    expect(result.summary.blocked).toBe(true);
    expect(result.summary.totals).toMatchObject({ formatting: 1, error: 1 });
  });

  it('checks the rest of the input when one file is broken', async () => {
    const files: Record<string, string | Uint8Array> = districtFiles('remind-csv-1.0', {
      'teachers.csv': [{ school_id: 's1', teacher_id: 't1', teacher_first_name: 'Ada', teacher_email: '' }],
    });
    files['students.csv'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    const result = await run(files);
    expect(summary(result)).toEqual([
      'file-unreadable students.csv',
      'class-teacher/teacher-not-provisioned c1',
      'teacher-email/missing t1',
    ]);
  });

  it('uses the format it is told to, even when another would fit better', async () => {
    const result = await run(districtFiles('clever'), { format: 'remind-csv-1.0' });
    expect(result.summary.format.id).toBe('remind-csv-1.0');
    expect(summary(result, 'header-missing').length).toBeGreaterThan(0);
  });

  it('counts the data rows of each file in the report', async () => {
    const result = await run(districtFiles('oneroster-1.1'));
    const rows = Object.fromEntries(result.summary.files.map((f) => [f.name, f.rows]));
    expect(rows).toMatchObject({ 'users.csv': 3, 'enrollments.csv': 2, 'orgs.csv': 2, 'manifest.csv': 2 });
  });
});

describe('validate progress', () => {
  it('reports each file, then checking, then done, with values that only grow', async () => {
    const files = districtFiles('remind-csv-1.0');
    files['students.csv'] += Array.from(
      { length: 60_000 },
      (_, i) => `s1,x${i},A,B,01/05/2012,,,,,,,\n`,
    ).join('');
    const seen: Progress[] = [];
    await run(files, { onProgress: (p) => seen.push({ ...p }) });
    const total = Object.values(files).reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    expect(seen.at(-1)).toMatchObject({ phase: 'done', bytesDone: total, bytesTotal: total, rows: 60_006 });
    expect(seen.at(-2)?.phase).toBe('checking');
    const reading = seen.filter((p) => p.phase === 'reading');
    expect([...new Set(reading.map((p) => p.file))]).toEqual([
      'schools.csv',
      'teachers.csv',
      'students.csv',
      'classes.csv',
      'enrollments.csv',
    ]);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].bytesDone).toBeGreaterThanOrEqual(seen[i - 1].bytesDone);
      expect(seen[i].rows).toBeGreaterThanOrEqual(seen[i - 1].rows);
    }
    for (const p of seen) {
      expect(p.bytesTotal).toBe(total);
      expect(p.bytesDone).toBeLessThanOrEqual(total);
      expect(p.rowsPerSecond).toBeGreaterThanOrEqual(0);
    }
  });

  it('says how much of the checking is done, from 0 to at most 1, growing', async () => {
    const files = generateInMemory(planDistrict({ format: 'clever', students: 3000 }));
    const seen: Progress[] = [];
    // Only Date is faked: 60 ms pass at each report, so the 50 ms throttle lets the steps' reports through.
    vi.useFakeTimers({ toFake: ['Date'] });
    const slowly = (p: Progress) => {
      seen.push({ ...p });
      if (p.phase === 'checking') vi.setSystemTime(Date.now() + 60);
    };
    try {
      await run(Object.fromEntries(files), { onProgress: slowly });
    } finally {
      vi.useRealTimers();
    }
    const checking = seen.filter((p) => p.phase === 'checking');
    expect(checking[0].checked).toBe(0);
    expect(checking.length).toBeGreaterThan(3);
    for (let i = 1; i < checking.length; i++) {
      expect(checking[i].checked).toBeGreaterThanOrEqual(checking[i - 1].checked!);
      expect(checking[i].checked).toBeLessThanOrEqual(1);
    }
    expect(seen.filter((p) => p.phase !== 'checking').every((p) => p.checked === undefined)).toBe(true);
  });
});

describe('validate input errors', () => {
  const expectInputError = async (promise: Promise<unknown>, ...parts: string[]) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    for (const part of parts) expect(message).toContain(part);
  };

  it('names the files seen and what each format needs when no format matches', async () => {
    await expectInputError(
      run({ 'budget.csv': 'a,b\n1,2\n', 'photo.csv': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }),
      'The format of these files was not recognised.',
      'Files seen: budget.csv, photo.csv (a PNG image).',
      'Remind CSV 1.0: schools.csv, teachers.csv, students.csv, classes.csv, enrollments.csv',
      'Clever: schools.csv, teachers.csv, students.csv, sections.csv, enrollments.csv',
      'OneRoster 1.1: manifest.csv, orgs.csv, users.csv, classes.csv, enrollments.csv (and ideally demographics.csv)',
      'OneRoster 1.2:',
      'Remind CSV 2.0:',
    );
  });

  it('says so when no file was given', async () => {
    await expectInputError(validate([]), 'Files seen: no files.');
  });

  it('does not guess from file names alone when no header fits', async () => {
    await expectInputError(
      run({ 'users.csv': 'foo,bar\n1,2\n', 'orgs.csv': 'x\n' }),
      'Files seen: users.csv, orgs.csv.',
    );
  });

  it('refuses an unknown format name', async () => {
    await expectInputError(
      run(districtFiles('clever'), { format: 'csv-3' as FormatId }),
      'Unknown format "csv-3".',
    );
  });

  it('refuses an archive it cannot open, naming it', async () => {
    await expectInputError(
      run([sourceFromBytes('district.zip', zipSync({ 'readme.md': strToU8('hi') }))]),
      'district.zip: it contains no CSV files',
    );
    await expectInputError(
      run([sourceFromBytes('district.zip', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))]),
      'district.zip: it is not a readable zip archive',
    );
  });

  it('reads a district from a zip like loose files', async () => {
    const files = districtFiles('clever');
    const zip = zipSync(
      Object.fromEntries(Object.entries(files).map(([n, t]) => [`export/${n}`, strToU8(t)])),
    );
    const zipped = await run([sourceFromBytes('district.zip', zip)]);
    expect(zipped.summary.files.map((f) => f.name)).toEqual(Object.keys(files).map((n) => `export/${n}`));
    expect(summary(zipped)).toEqual(summary(await run(filesOf(files))));
    expect(findings(zipped)).toEqual([]);
  });
});
