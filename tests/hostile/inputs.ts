/**
 * Bad input as admins really drop it, generated in code: wrong encodings, pictures and workbooks in
 * place of CSVs, broken quoting, absurd sizes, and zips that are nested, empty or lying about their
 * size. Each builder returns bytes; the corpus (corpus.ts) says what the tool must make of them.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { districtFiles } from '../fixtures/districts.ts';
import { csv } from '../helpers.ts';

export type Files = Record<string, string | Uint8Array>;

/**
 * A clean Remind CSV 1.0 district plus one planted error in teachers.csv (t2 has no email): when
 * `teacher-email/missing t2` is in a report, the files beside a broken one were still checked.
 */
export function district(): Record<string, string> {
  const files = districtFiles('remind-csv-1.0');
  files['teachers.csv'] += 's1,t2,Bea,Moss,,\n';
  return files;
}
export const PLANTED = 'teacher-email/missing t2';

export const STUDENT_HEADER = district()['students.csv'].split('\n')[0].split(',');
/** One more student row of Remind CSV 1.0 (12 cells), for files that need rows of their own. */
export const studentRow = (id: string, first = 'Al') => [
  's1',
  id,
  first,
  'Ray',
  '01/05/2012',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
];

export function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const [hi, lo] = [text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff];
    out.set(order === 'le' ? [lo, hi] : [hi, lo], (bom ? 2 : 0) + i * 2);
  }
  return out;
}

/** Text saved as Windows-1252 (every character below U+0100 is one byte; enough for Latin names). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

/** A real PNG's first bytes: signature and the start of its IHDR chunk. */
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
  8,
]);

/** What Excel writes: a zip of XML parts. */
export const XLSX = zipSync({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
  'xl/workbook.xml': strToU8('<workbook/>'),
  'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData/></worksheet>'),
});

export function zipOf(files: Files, folder = ''): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files))
    entries[folder + name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}

/** A small zip whose directory claims `gigabytes` unpacked, spread over four entries (no ZIP64 needed). */
export function zipBomb(gigabytes = 10): Uint8Array {
  const names = ['schools.csv', 'teachers.csv', 'students.csv', 'classes.csv'];
  const zip = zipOf(Object.fromEntries(names.map((n) => [n, 'id\n1\n'])));
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const each = Math.floor((gigabytes * 1024 ** 3) / names.length);
  for (let i = 0; i + 46 <= zip.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, each, true);
  return zip;
}

/**
 * The other kind of zip bomb: a district zip whose directory says students.csv is `claimed` bytes,
 * while it inflates to `megabytes` MB (the size check before reading cannot see it; reading must).
 */
export function zipUnderclaiming(megabytes = 20, claimed = 50): Uint8Array {
  const files: Files = district();
  files['students.csv'] = new Uint8Array(megabytes * 1024 * 1024).fill(0x78); // 'x'
  const zip = zipOf(files);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    if (name === 'students.csv') view.setUint32(i + 24, claimed, true);
  }
  return zip;
}

/** Lines joined with CRLF, bare CR and LF in turn. */
export function mixedLineEndings(text: string): string {
  const eols = ['\r\n', '\r', '\n'];
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, i) => line + eols[i % 3])
    .join('');
}

/**
 * students.csv with one quoted guardian name of `megabytes` MB (row 3): `unit` (ASCII) repeated, as
 * many whole times as fit.
 */
export function hugeCell(megabytes: number, unit = 'x'): Uint8Array {
  const head = district()['students.csv'];
  const row = studentRow('st9').slice(0, 8).join(',') + ',"';
  const tail = '",,,\n';
  const unitBytes = strToU8(unit);
  const size = megabytes * 1024 * 1024 - ((megabytes * 1024 * 1024) % unit.length);
  const out = new Uint8Array(head.length + row.length + size + tail.length);
  out.set(strToU8(head + row));
  const start = head.length + row.length;
  out.set(unitBytes, start);
  // Doubling copies: the cell is built in a few dozen steps, not one per unit.
  for (let filled = unit.length; filled < size; filled *= 2)
    out.copyWithin(start + filled, start, start + Math.min(filled, size - filled));
  out.set(strToU8(tail), start + size);
  return out;
}

/** students.csv whose header and rows have `columns` columns (the real ones first, then extras). */
export function wideStudents(columns: number): string {
  const extra = Array.from({ length: columns - STUDENT_HEADER.length }, (_, i) => `extra_${i + 1}`);
  const blank = extra.map(() => '');
  return csv([
    [...STUDENT_HEADER, ...extra],
    [...studentRow('st1', 'Bo'), ...blank],
    [...studentRow('st2'), ...blank],
  ]);
}
