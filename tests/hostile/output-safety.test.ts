/**
 * Formula injection through the whole pipeline: roster values a spreadsheet would run reach every
 * CSV download (the page's, through the worker facade, and the command line's --csv-dir) with a
 * leading apostrophe, in every column they land in. csvCell itself is tested in csv.test.ts.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/validate.ts';
import type { DownloadRequest } from '../../src/worker/api.ts';
import { checked } from '../fixtures/worker-district.ts';
import { capture, tempDir, writeFolder } from '../fixtures/cli.ts';
import { csv } from '../helpers.ts';
import { REMIND_1_HEADERS as H, rowOf } from '../fixtures/headers.ts';
import { holds, runs } from '../fuzz/kit.ts';

const FORMULA = /^[=+\-@\t\r]/;
const HYPERLINK = '=HYPERLINK("http://x")';
const PHONE = '+44 20 7946 0958';

/** A Remind CSV 1.0 district whose names, emails, phones, dates and class names are formulas. */
function district(values = { first: HYPERLINK, last: '-2+3', email: '@SUM(A1)', cls: '=1+1' }) {
  return {
    'schools.csv': csv([H['schools.csv'], ['s1', "=cmd|' /C calc'!A0"]]),
    'teachers.csv': csv([H['teachers.csv'], ['s1', 't1', values.first, values.last, values.email, '']]),
    'students.csv': csv([
      H['students.csv'],
      rowOf(H['students.csv'], {
        school_id: 's1',
        student_id: 'st1',
        student_first_name: values.first,
        student_last_name: values.last,
        dob: '=TODAY()',
        guardian_first_name: 'Cy',
        guardian_last_name: values.last,
        guardian_phone: PHONE,
      }),
    ]),
    'classes.csv': csv([H['classes.csv'], ['s1', 'c1', 't404', values.cls]]),
    'enrollments.csv': csv([H['enrollments.csv'], ['s1', 'c1', 'st1']]),
  };
}

/** Every data cell of a CSV download, by column. */
function cellsOf(text: string): Array<Record<string, string>> {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
}

function expectNeutral(rows: Array<Record<string, string>>): void {
  for (const row of rows)
    for (const [column, value] of Object.entries(row))
      expect([column, value]).not.toEqual([column, expect.stringMatching(FORMULA)]);
}

async function pageDownloads(files: Record<string, string>): Promise<string[]> {
  const { api, report } = await checked(files);
  // Blob.text() would drop the byte-order mark the downloads must start with.
  const text = async (request: DownloadRequest) =>
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      await (await api.download(request)).blob.arrayBuffer(),
    );
  const texts = [await text({ kind: 'csv' })];
  for (const school of report.summary.schools) {
    texts.push(await text({ kind: 'csv', school: school.id }));
    for (const code of Object.keys({ ...school.error, ...school.alert }))
      texts.push(await text({ kind: 'csv', school: school.id, code }));
  }
  return texts;
}

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CSV downloads of a roster full of formulas', () => {
  it('from the page: every cell of every download is neutralised, the values kept after the apostrophe', async () => {
    const downloads = await pageDownloads(district());
    expect(downloads.length).toBeGreaterThan(3);
    for (const text of downloads) expectNeutral(cellsOf(text));
    const all = cellsOf(downloads[0]);
    const teacher = all.find((r) => r.code === 'teacher-email')!;
    expect(teacher).toMatchObject({ first_name: `'${HYPERLINK}`, last_name: "'-2+3", email: "'@SUM(A1)" });
    expect(teacher.school_name).toBe("'=cmd|' /C calc'!A0");
    expect(all.find((r) => r.code === 'student-dob')?.dob).toBe("'=TODAY()");
    expect(all.find((r) => r.code === 'phone-unsupported')?.phone).toBe(`'${PHONE}`);
    expect(all.find((r) => r.code === 'class-teacher')?.class_name).toBe("'=1+1");
  });

  it('from the command line (--csv-dir): the same', async () => {
    const out = join(dir, 'csv');
    const code = await main(
      [writeFolder(dir, 'district', district()), '--csv-dir', out],
      capture().stream,
      capture().stream,
    );
    expect(code).toBe(1);
    const names = readdirSync(out);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expectNeutral(cellsOf(readFileSync(join(out, name), 'utf8')));
  });

  it('for any value starting with a formula character (property)', async () => {
    const formula = fc
      .tuple(fc.constantFrom('=', '+', '-', '@'), fc.string({ maxLength: 12 }))
      .map(([start, rest]) => (start + rest).trim())
      .filter((v) => FORMULA.test(v));
    await holds(
      fc.asyncProperty(formula, formula, formula, async (first, last, email) => {
        const [text] = await pageDownloads(district({ first, last, email, cls: first }));
        const rows = cellsOf(text);
        expectNeutral(rows);
        expect(rows.find((r) => r.code === 'teacher-email')?.first_name).toBe(`'${first}`);
      }),
      runs(30, 0.01),
    );
  });
});
