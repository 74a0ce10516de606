/**
 * The second round of bad input (issue 14): files that share a name, rows of millions of empty
 * cells, zips whose directory lies about an entry's size, and odd encodings. Same shape as
 * corpus.ts, whose CASES include these.
 */
import { zipSync } from 'fflate';
import type { HostileCase } from './corpus.ts';
import * as make from './inputs.ts';
import type { Files } from './inputs.ts';

const students = (...rows: string[]) => make.district()['students.csv'] + rows.map((r) => r + '\n').join('');
const otherStudents = () => students(make.studentRow('st2', 'Copy').join(','));
const withoutStudents = (): Files => {
  const files: Files = make.district();
  delete files['students.csv'];
  return files;
};

/** A zip whose directory lists `name` twice (each with its own content), as a broken archiver writes. */
export function zipWithEntryTwice(name: string, first: string, second: string): Uint8Array {
  const stand = name.replace(/.(?=\.[^.]*$)/, '~'); // same length, so the bytes can be renamed in place
  const zip = make.zipOf({ [name]: first, [stand]: second });
  const [from, to] = [new TextEncoder().encode(stand), new TextEncoder().encode(name)];
  for (let i = 0; i + from.length <= zip.length; i++)
    if (from.every((b, j) => zip[i + j] === b)) zip.set(to, i);
  return zip;
}

/** students.csv of `megabytes` MB of commas (one row of millions of empty cells), in a district zip. */
export function commasZip(megabytes: number): Uint8Array {
  const files: Files = withoutStudents();
  files['students.csv'] = new Uint8Array(megabytes * 1024 * 1024).fill(0x2c);
  return make.zipOf(files);
}

/**
 * A district zip whose directory says students.csv takes `claimed` compressed bytes while its data is
 * a few hundred: in the directory's 32-bit field, or (`zip64`) in a ZIP64 extra field beside 0xFFFFFFFF.
 */
export function zipClaimingCompressed(claimed: number, zip64 = false): Uint8Array {
  const entries: Record<string, Uint8Array | [Uint8Array, { extra: Record<number, Uint8Array> }]> = {};
  for (const [name, text] of Object.entries(make.district())) {
    const data = new TextEncoder().encode(text);
    if (name !== 'students.csv' || !zip64) entries[name] = data;
    else {
      const extra = new Uint8Array(8);
      new DataView(extra.buffer).setBigUint64(0, BigInt(claimed), true);
      entries[name] = [data, { extra: { 1: extra } }];
    }
  }
  const zip = zipSync(entries);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    if (name === 'students.csv') view.setUint32(i + 20, zip64 ? 0xffffffff : claimed, true);
  }
  return zip;
}

export const ROUND_2: HostileCase[] = [
  {
    name: 'two zips that both hold students.csv',
    files: () => ({
      'a.zip': make.zipOf(make.district()),
      'b.zip': make.zipOf({ 'students.csv': otherStudents() }),
    }),
    formatting: ['file-ignored b.zip/students.csv'],
    says: /^b\.zip\/students\.csv was not checked: another students\.csv was given \(a\.zip\/students\.csv\); only that one was read\.$/,
    totals: { students: 1 },
  },
  {
    name: 'a loose students.csv and a zip holding another',
    files: () => ({ ...make.district(), 'copy.zip': make.zipOf({ 'students.csv': otherStudents() }) }),
    formatting: ['file-ignored copy.zip/students.csv'],
    says: /another students\.csv was given \(students\.csv\); only that one was read/,
    totals: { students: 1 },
  },
  {
    name: 'a zip that lists students.csv twice',
    files: () => ({
      ...withoutStudents(),
      'district.zip': zipWithEntryTwice('students.csv', students(), otherStudents()),
    }),
    formatting: ['file-ignored district.zip/students.csv (2)'],
    says: /it is the 2nd file given as district\.zip\/students\.csv; another students\.csv was given \(district\.zip\/students\.csv\)/,
    totals: { students: 1 },
  },
  ...(
    [
      ['2 GB', 2 ** 31, false],
      ['4 GB − 2', 2 ** 32 - 2, false],
      ['2^45 (ZIP64)', 2 ** 45, true],
    ] as const
  ).map(([label, claimed, zip64]): HostileCase => ({
    name: `a zip whose directory says students.csv takes ${label} of its few hundred bytes`,
    files: () => ({ 'district.zip': zipClaimingCompressed(claimed, zip64) }),
    formatting: ['file-unreadable students.csv'],
    says: new RegExp(
      `^students\\.csv cannot be read as CSV: it is damaged \\(the zip's directory says its data takes ${claimed.toLocaleString('en-US')} bytes, past the end of the file\\)\\.$`,
    ),
    totals: { students: 0, teachers: 2 },
  })),
  {
    // One row of 52 million empty cells: their boundaries once took gigabytes (200 MB crashed V8).
    name: 'a zip whose students.csv is 50 MB of commas',
    files: () => ({ 'district.zip': commasZip(50) }),
    formatting: ['file-unreadable students.csv:1'],
    says: /^students\.csv cannot be read as CSV: row 1, its header, has 52,428,801 cells, more than the 65,536 columns this tool reads/,
    totals: { students: 0, teachers: 2 },
  },
  {
    name: 'a row of 100 000 commas',
    files: () => ({ ...withoutStudents(), 'students.csv': students(','.repeat(100_000)) }),
    formatting: ['row-columns students.csv:3'],
    says: /row 3 has 100001 cells where the header has 12/,
    totals: { students: 1 },
  },
  {
    name: 'one NUL byte in a name, in the first 64 KB',
    files: () => ({
      ...withoutStudents(),
      'students.csv': students(make.studentRow('st2', 'A\0l').join(',')),
    }),
    formatting: ['encoding/zero-byte students.csv:3'],
    says: /^students\.csv holds a zero byte \(NUL, which no text holds\) at row 3; it was kept in the cell\.$/,
    totals: { students: 2 },
  },
  {
    name: 'one NUL byte in a name, after 64 KB',
    files: () => {
      const rows = Array.from({ length: 3000 }, (_, i) => make.studentRow(`x${i}`).join(','));
      return {
        ...withoutStudents(),
        'students.csv': students(...rows, make.studentRow('st2', 'A\0l').join(',')),
      };
    },
    formatting: ['encoding/zero-byte students.csv:3003'],
    says: /at row 3003/,
    totals: { students: 3002 },
  },
  {
    name: 'zero bytes all through students.csv (a binary file)',
    files: () => ({
      ...withoutStudents(),
      'students.csv': new Uint8Array(4096).map((_, i) => (i % 7 ? 0x41 : 0)),
    }),
    formatting: ['file-unreadable students.csv'],
    says: /it is a binary file \(it contains zero bytes\)/,
  },
  ...(['le', 'be'] as const).map((order): HostileCase => ({
    name: `UTF-32 ${order.toUpperCase()} with a byte-order mark`,
    files: () => ({ ...withoutStudents(), 'students.csv': utf32(students(), order) }),
    formatting: ['file-unreadable students.csv'],
    says: new RegExp(
      `it is UTF-32 \\(${order.toUpperCase()}\\) text \\(by its byte-order mark\\), an encoding Remind does not read`,
    ),
    totals: { students: 0 },
  })),
  {
    // Rows appended by another program: 10 students that were once lost behind one row-columns.
    name: 'UTF-16 that goes on in UTF-8 halfway',
    files: () => {
      const first = make.utf16(students(), 'le', true);
      const more = Array.from(
        { length: 10 },
        (_, i) => make.studentRow(`u${i}`, 'Zoë').join(',') + '\n',
      ).join('');
      return { ...withoutStudents(), 'students.csv': concat(first, new TextEncoder().encode(more)) };
    },
    formatting: ['encoding/switched students.csv:3'],
    says: /^students\.csv is UTF-16 up to row 3, where it goes on in another encoding/,
    totals: { students: 11 },
  },
];

function utf32(text: string, order: 'le' | 'be'): Uint8Array {
  const points = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
  const out = new Uint8Array(points.length * 4);
  const view = new DataView(out.buffer);
  points.forEach((p, i) => view.setUint32(i * 4, p, order === 'le'));
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
