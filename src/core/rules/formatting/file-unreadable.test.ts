import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { districtFiles } from '../../../../tests/fixtures/districts.ts';
import { sourceFromBytes, type SourceFile } from '../../input/source.ts';
import { filesOf, findings, run, summary } from '../../../../tests/helpers.ts';

const utf16le = (text: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++)
    out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], (bom ? 2 : 0) + i * 2);
  return out;
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const XLSX = zipSync({
  '[Content_Types].xml': strToU8('<Types/>'),
  'xl/workbook.xml': strToU8('<workbook/>'),
});
const XLS = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);

/** The Remind CSV 1.0 district with students.csv replaced by `name` holding `content`. */
function withStudents(name: string, content: string | Uint8Array) {
  const files: Record<string, string | Uint8Array> = districtFiles('remind-csv-1.0');
  delete files['students.csv'];
  files[name] = content;
  return files;
}

describe('file-unreadable', () => {
  const students = districtFiles('remind-csv-1.0')['students.csv'];
  it.each<[string, string, string | Uint8Array, string]>([
    ['a PNG named like the file', 'students.csv', PNG, 'it is a PNG image'],
    ['an Excel workbook in its place', 'students.xlsx', XLSX, 'it is an Excel workbook (.xlsx)'],
    ['an old Excel workbook in its place', 'Students.XLS', XLS, 'it is an old Excel workbook (.xls)'],
    [
      'UTF-16 without a byte-order mark',
      'students.csv',
      utf16le(students, false),
      'it is UTF-16 (LE) text without a byte-order mark',
    ],
    ['an empty file', 'students.csv', '', 'the file is empty'],
    ['a file of blank lines', 'students.csv', '\r\n\r\n  \n', 'the file is empty'],
  ])('%s: blocks, no file-missing', async (_label, name, content, detail) => {
    const result = await run(withStudents(name, content), { format: 'remind-csv-1.0' });
    expect(summary(result, 'file-unreadable')).toEqual([`file-unreadable ${name}`]);
    expect(summary(result, 'file-missing')).toEqual([]);
    expect(findings(result, 'file-unreadable')[0]).toMatchObject({
      row: null,
      message: `${name} cannot be read as CSV: ${detail}.`,
    });
    expect(result.summary.blocked).toBe(true);
  });

  it('reads the other files and does not report references to the unreadable one', async () => {
    const result = await run(withStudents('students.csv', PNG), { format: 'remind-csv-1.0' });
    // enrollments.csv refers to st1, which only the unreadable students.csv defines.
    expect(summary(result)).toEqual(['file-unreadable students.csv']);
    expect(result.summary.totals).toMatchObject({ schools: 1, teachers: 1, classes: 1, students: 0 });
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const result = await run(withStudents('students.csv', utf16le(students, true)));
    expect(summary(result)).toEqual([]);
    expect(result.summary.totals.students).toBe(1);
  });

  it.each(['classes.csv', 'enrollments.csv'])('Remind CSV 1.0 allows an empty %s', async (name) => {
    const files = districtFiles('remind-csv-1.0');
    files[name] = '';
    if (name === 'classes.csv') files['enrollments.csv'] = '';
    const result = await run(files);
    expect(summary(result, 'file-unreadable')).toEqual([]);
    expect(result.summary.blocked).toBe(false);
  });

  it('is reported with the row where reading stopped when a file fails part way', async () => {
    const district = districtFiles('remind-csv-1.0');
    const more = Array.from({ length: 10 }, (_, i) => `s1,x${i},Al,Kim,01/05/2012,,,,,,,\n`).join('');
    const first = strToU8(district['students.csv'] + more + 's1,x10,Al');
    const files: SourceFile[] = filesOf(district);
    files[files.findIndex((f) => f.path === 'students.csv')] = {
      ...sourceFromBytes('students.csv', first),
      size: first.length * 2,
      async *chunks() {
        yield first;
        throw new Error('the file changed while it was read');
      },
    };
    const result = await run(files);
    expect(findings(result, 'file-unreadable').map((f) => [f.file, f.row, f.message])).toEqual([
      [
        'students.csv',
        13,
        'students.csv cannot be read as CSV: reading stopped near row 13 (the file changed while it was read).',
      ],
    ]);
    // The rows read before the failure still count.
    expect(result.summary.totals.students).toBe(11);
  });

  it('is reported, not thrown, when even the first bytes of a zipped file cannot be unpacked', async () => {
    const files = districtFiles('remind-csv-1.0');
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 46 <= zip.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
      if (name === 'teachers.csv') view.setUint32(i + 24, 10, true);
    }
    const result = await run([sourceFromBytes('district.zip', zip)], { format: 'remind-csv-1.0' });
    expect(summary(result, 'file-unreadable')).toEqual(['file-unreadable teachers.csv']);
    expect(findings(result, 'file-unreadable')[0].message).toBe(
      'teachers.csv cannot be read as CSV: it unpacks to more than the 10 bytes it claims.',
    );
    expect(result.summary.totals.students).toBe(1);
  });
});
