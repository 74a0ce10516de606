import { describe, expect, it } from 'vitest';
import { sourceFromBytes, type SourceFile } from '../input/source.ts';
import { probe } from './probe.ts';
import { SNIFF_BYTES } from './read-file.ts';

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
});
