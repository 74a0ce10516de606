import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { holdsAsync } from '../../../tests/fixtures/property-check.ts';
import { sourceFromBytes, type SourceFile } from './source.ts';
import { probe, PROBE_ROWS } from './probe.ts';
import { SNIFF_BYTES } from './sniff.ts';

/** The probe's rows as papaparse (the oracle) reads the same text: its first rows, blank ones left out. */
function papaparseRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), {
    header: false,
    newline: '\n',
    delimiter: ',',
    preview: PROBE_ROWS,
  });
  return parsed.data.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

describe('probe', () => {
  it('takes the trimmed header and the first rows, in any line ending', async () => {
    const p = await probe(
      sourceFromBytes('Export/Manifest.CSV', ' propertyName , value\r\n\r\noneroster.version,1.2\r'),
    );
    expect(p).toMatchObject({
      name: 'manifest.csv',
      binary: null,
      header: ['propertyName', 'value'],
      rows: [
        [' propertyName ', ' value'],
        ['oneroster.version', '1.2'],
      ],
    });
  });

  it('drops the row cut off at the end of the part it looks at', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `u${i},name ${i}`).join('\n');
    const p = await probe(sourceFromBytes('users.csv', 'id,name\n' + rows));
    const last = p.rows.at(-1)!;
    expect(last).toEqual([`u${p.rows.length - 2}`, `name ${p.rows.length - 2}`]);
    expect(p.rows.length).toBeLessThan(SNIFF_BYTES / 10);
  });

  it('reads a UTF-16 file with a byte-order mark', async () => {
    const text = 'id,name\n1,Zoë\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    expect((await probe(sourceFromBytes('users.csv', bytes))).header).toEqual(['id', 'name']);
  });

  it.each<[string, Uint8Array | string, string | null, string[] | null]>([
    ['a picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'a PNG image', null],
    ['an empty file', '', null, null],
    ['blank lines only', '\n\n', null, null],
  ])('%s', async (_label, content, binary, header) => {
    const p = await probe(sourceFromBytes('users.csv', content));
    expect([p.binary, p.header]).toEqual([binary, header]);
  });

  it('turns a file that cannot be read into a description, not an exception', async () => {
    const broken: SourceFile = {
      ...sourceFromBytes('users.csv', 'id\n'),
      head: () => Promise.reject(new Error('users.csv unpacks to more than the 3 bytes it claims')),
    };
    expect(await probe(broken)).toMatchObject({
      binary: 'a file that cannot be read (users.csv unpacks to more than the 3 bytes it claims)',
      header: null,
    });
  });

  it('keeps the first 200 records, blank lines counted', async () => {
    const text = 'id\n\n' + Array.from({ length: 300 }, (_, i) => `u${i}`).join('\n');
    const p = await probe(sourceFromBytes('users.csv', text));
    expect(p.rows).toHaveLength(PROBE_ROWS - 1);
    expect(p.rows.at(-1)).toEqual(['u197']);
  });

  it('reads the rows exactly as papaparse does (property)', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'x', 'Ann', ' y ', 'a"b', '"'),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' ', '\r') }).map((v) => `"${v}"`),
      fc.string({ unit: fc.constantFrom('a', '"') }).map((v) => `"${v.replace(/"/g, '""')}"`),
      fc.constantFrom('"x" ', '"x"y', '"x"\u00a0', '"x', 'x"'),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const text = fc
      .tuple(fc.array(row, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
      .map(([rows, eol, last]) => rows.join(eol) + (last ? eol : ''));
    await holdsAsync(
      fc.asyncProperty(text, async (t) => {
        const p = await probe(sourceFromBytes('users.csv', t));
        const rows = papaparseRows(t);
        expect(p.rows).toEqual(rows);
        expect(p.header).toEqual(rows.length ? rows[0].map((c) => c.trim()) : null);
      }),
      3000,
    );
  });

  it('stops where papaparse stops, around the 200th record (property)', async () => {
    const row = fc.constantFrom('', ' ', 'a', 'a,b', '"x\ny"', '"x"""');
    const text = fc
      .tuple(fc.array(row, { minLength: 150, maxLength: 260 }), fc.constantFrom('\n', '\r\n', '\r'))
      .map(([rows, eol]) => rows.join(eol));
    await holdsAsync(
      fc.asyncProperty(text, async (t) => {
        expect((await probe(sourceFromBytes('users.csv', t))).rows).toEqual(papaparseRows(t));
      }),
      500,
    );
  });
});
