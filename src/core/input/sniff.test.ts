import { describe, expect, it } from 'vitest';
import { sniff, type Sniffed } from './sniff.ts';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const utf16 = (text: string, order: 'le' | 'be') =>
  new Uint8Array([...text].flatMap((c) => (order === 'le' ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)])));

const header = 'school_id,school_name\ns1,North High\n';
const text = (encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bom: number): Sniffed => ({
  kind: 'text',
  encoding,
  bom,
});
const binary = (what: string): Sniffed => ({ kind: 'binary', what });

describe('sniff', () => {
  const cases: Array<[string, Uint8Array, string, Sniffed]> = [
    ['plain ASCII CSV', bytes(header), 'schools.csv', text('utf-8', 0)],
    ['UTF-8 with accents', bytes('id,name\n1,Zoë Müller\n'), 'users.csv', text('utf-8', 0)],
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], header), 'schools.csv', text('utf-8', 3)],
    ['UTF-16 LE BOM', bytes([0xff, 0xfe], [...utf16(header, 'le')]), 'schools.csv', text('utf-16le', 2)],
    ['UTF-16 BE BOM', bytes([0xfe, 0xff], [...utf16(header, 'be')]), 'schools.csv', text('utf-16be', 2)],
    ['Windows-1252 bytes', bytes('id,name\n1,Jos', [0xe9], '\n'), 'users.csv', text('utf-8', 0)],
    ['tabs, CR and Ctrl-Z are text', bytes('a\tb\r\nc,d\x1a'), 'x.csv', text('utf-8', 0)],
    ['empty file', bytes(), 'classes.csv', text('utf-8', 0)],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'students.csv', binary('a PNG image')],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'students.csv', binary('a JPEG image')],
    ['GIF', bytes('GIF89a'), 'students.csv', binary('a GIF image')],
    ['PDF', bytes('%PDF-1.7\n'), 'students.csv', binary('a PDF document')],
    ['gzip', bytes([0x1f, 0x8b, 8, 0]), 'students.csv', binary('a gzip archive')],
    ['zip named .csv', bytes([0x50, 0x4b, 3, 4, 20, 0]), 'students.csv', binary('a zip archive')],
    ['empty zip', bytes([0x50, 0x4b, 5, 6, 0, 0]), 'students.csv', binary('an empty zip archive')],
    ['xlsx', bytes([0x50, 0x4b, 3, 4, 20, 0]), 'students.xlsx', binary('an Excel workbook (.xlsx)')],
    ['XLSX upper case', bytes([0x50, 0x4b, 3, 4]), 'STUDENTS.XLSX', binary('an Excel workbook (.xlsx)')],
    ['ods', bytes([0x50, 0x4b, 3, 4]), 'students.ods', binary('a spreadsheet (.ods)')],
    ['numbers', bytes([0x50, 0x4b, 3, 4]), 'students.numbers', binary('a Numbers spreadsheet')],
    [
      'xls',
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'students.xls',
      binary('an old Excel workbook (.xls)'),
    ],
    [
      'UTF-16 LE without BOM',
      utf16(header, 'le'),
      'schools.csv',
      binary('UTF-16 (LE) text without a byte-order mark'),
    ],
    [
      'UTF-16 BE without BOM',
      utf16(header, 'be'),
      'schools.csv',
      binary('UTF-16 (BE) text without a byte-order mark'),
    ],
    // A stray zero byte is reported where it is, while reading (read-file.ts).
    ['one NUL byte in text', bytes('id,name\n1,A', [0], 'nn\n2,Bo\n'), 'users.csv', text('utf-8', 0)],
    [
      'NUL bytes all through it',
      bytes(
        'id,name\n',
        ...Array.from({ length: 12 }, () => ['1,A', [0]] as Array<number[] | string>).flat(),
      ),
      'users.csv',
      binary('a binary file (it contains zero bytes)'),
    ],
    [
      'UTF-32 LE BOM',
      bytes([0xff, 0xfe, 0, 0], [0x69, 0, 0, 0]),
      'users.csv',
      binary('UTF-32 (LE) text (by its byte-order mark), an encoding Remind does not read; save it as UTF-8'),
    ],
    [
      'UTF-32 BE BOM',
      bytes([0, 0, 0xfe, 0xff], [0, 0, 0, 0x69]),
      'users.csv',
      binary('UTF-32 (BE) text (by its byte-order mark), an encoding Remind does not read; save it as UTF-8'),
    ],
    [
      'many control characters',
      bytes('id,name\n', [...Array(20).fill(0x01)], '\n'),
      'users.csv',
      binary('a binary file (it contains control characters)'),
    ],
  ];
  it.each(cases)('%s', (_label, head, name, expected) => {
    expect(sniff(head, name)).toEqual(expected);
  });

  it('tolerates a handful of control characters in a large text', () => {
    const head = bytes('id,name\n'.repeat(200), [0x07, 0x0b, 0x1b]);
    expect(sniff(head, 'users.csv')).toEqual(text('utf-8', 0));
  });

  it('a BOM wins over anything that follows it', () => {
    expect(sniff(bytes([0xef, 0xbb, 0xbf], '%PDF'), 'x.csv')).toEqual(text('utf-8', 3));
  });
});
