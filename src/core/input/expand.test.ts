import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandInputs } from './expand.ts';
import { sourceFromBytes, type SourceFile } from './source.ts';
import { ZipError } from './zip.ts';

const csv = (s: string) => strToU8(s);
const zipOf = (files: Zippable) => zipSync(files);

async function expand(inputs: SourceFile[]) {
  const out = await expandInputs(inputs);
  return { files: out.files.map((f) => f.path), skipped: out.skipped };
}

describe('expandInputs', () => {
  it('passes plain files through, in order', async () => {
    const inputs = [sourceFromBytes('users.csv', 'a\n'), sourceFromBytes('notes.txt', 'b\n')];
    expect(await expand(inputs)).toEqual({ files: ['users.csv', 'notes.txt'], skipped: [] });
  });

  it.each<[string, Zippable, string[]]>([
    ['files at the root', { 'users.csv': csv('a'), 'orgs.csv': csv('b') }, ['users.csv', 'orgs.csv']],
    [
      'files in one folder',
      { 'export/': {}, 'export/users.csv': csv('a'), 'export/orgs.csv': [csv('b'), { level: 0 }] },
      ['export/users.csv', 'export/orgs.csv'],
    ],
    [
      'spreadsheets and text files are data files too',
      { 'students.xlsx': csv('x'), 'users.TXT': csv('y'), 'readme.md': csv('z') },
      ['students.xlsx', 'users.TXT'],
    ],
    [
      'macOS metadata and dotfiles are skipped silently',
      {
        'users.csv': csv('a'),
        '__MACOSX/._users.csv': csv('junk'),
        '__MACOSX/x/y.csv': csv('junk'),
        '.hidden.csv': csv('junk'),
        'sub/.DS_Store': csv('junk'),
      },
      ['users.csv'],
    ],
  ])('%s', async (_label, files, expected) => {
    expect(await expand([sourceFromBytes('roster.zip', zipOf(files))])).toEqual({
      files: expected,
      skipped: [],
    });
  });

  it('reads the entries themselves, inflated', async () => {
    const [file] = (await expandInputs([sourceFromBytes('r.zip', zipOf({ 'd/users.csv': csv('id\n1\n') }))]))
      .files;
    expect(new TextDecoder().decode(await file.head(100))).toBe('id\n1\n');
    expect(file.size).toBe(5);
  });

  it('uses the folder with the most files and reports the others as not checked', async () => {
    const zip = zipOf({
      'old/users.csv': csv('a'),
      'new/users.csv': csv('a'),
      'new/orgs.csv': csv('b'),
      'top.csv': csv('c'),
    });
    expect(await expand([sourceFromBytes('district.zip', zip)])).toEqual({
      files: ['new/users.csv', 'new/orgs.csv'],
      skipped: [
        {
          path: 'old/users.csv',
          detail: 'it is in another folder of district.zip than the files checked (new/)',
        },
        { path: 'top.csv', detail: 'it is in another folder of district.zip than the files checked (new/)' },
      ],
    });
  });

  it('breaks a tie between folders by the shallower, then the first in name order', async () => {
    const tie = zipOf({ 'b/users.csv': csv('a'), 'a/x/users.csv': csv('a'), 'users.csv': csv('a') });
    const top = (await expand([sourceFromBytes('t.zip', tie)])).files;
    expect(top).toEqual(['users.csv']);
    const named = zipOf({ 'b/users.csv': csv('a'), 'a/users.csv': csv('a') });
    expect((await expand([sourceFromBytes('n.zip', named)])).files).toEqual(['a/users.csv']);
  });

  it('does not open a zip inside the zip, and says so', async () => {
    const inner = zipOf({ 'users.csv': csv('a') });
    const zip = zipOf({ 'orgs.csv': csv('b'), 'more/inner.zip': inner });
    expect(await expand([sourceFromBytes('outer.zip', zip)])).toEqual({
      files: ['orgs.csv'],
      skipped: [{ path: 'more/inner.zip', detail: 'a zip inside outer.zip is not opened' }],
    });
  });

  it('expands several zips and plain files together', async () => {
    const inputs = [
      sourceFromBytes('a.zip', zipOf({ 'users.csv': csv('a') })),
      sourceFromBytes('orgs.csv', 'b\n'),
      sourceFromBytes('b.zip', zipOf({ 'x/classes.csv': csv('c') })),
    ];
    expect((await expand(inputs)).files).toEqual(['users.csv', 'orgs.csv', 'x/classes.csv']);
  });

  it('treats a file named .zip that is not a zip as a plain file', async () => {
    expect((await expand([sourceFromBytes('users.zip', 'id\n1\n')])).files).toEqual(['users.zip']);
  });

  it.each<[string, Uint8Array, string]>([
    [
      'no CSV inside',
      zipOf({ 'readme.md': csv('x'), 'pic.png': csv('y') }),
      'r.zip: it contains no CSV files',
    ],
    [
      'only a nested zip',
      zipOf({ 'inner.zip': zipOf({ 'a.csv': csv('a') }) }),
      'r.zip: it contains no CSV files',
    ],
    ['an empty archive', zipOf({}), 'r.zip: it contains no CSV files'],
    [
      'a truncated archive',
      zipOf({ 'users.csv': csv('id\n'.repeat(2000)) }).subarray(0, 60),
      'r.zip: it is not a readable zip archive (no central directory found)',
    ],
    [
      'garbage after a zip signature',
      new Uint8Array([0x50, 0x4b, 3, 4, ...csv('garbage'.repeat(10))]),
      'r.zip: it is not a readable zip archive (no central directory found)',
    ],
  ])('refuses %s with a message naming the archive', async (_label, bytes, message) => {
    await expect(expandInputs([sourceFromBytes('r.zip', bytes)])).rejects.toThrow(new ZipError(message));
  });

  it('reads the other inputs when a zip cannot be opened, and says why it was not checked', async () => {
    const inputs = [
      sourceFromBytes('empty.zip', zipOf({ 'readme.md': csv('x') })),
      sourceFromBytes('users.csv', 'a\n'),
      sourceFromBytes('broken.zip', new Uint8Array([0x50, 0x4b, 3, 4, ...csv('garbage')])),
    ];
    expect(await expand(inputs)).toEqual({
      files: ['users.csv'],
      skipped: [
        { path: 'empty.zip', detail: 'it contains no CSV files' },
        { path: 'broken.zip', detail: 'it is not a readable zip archive (no central directory found)' },
      ],
    });
  });

  it('refuses an archive claiming more than the limit before opening any entry', async () => {
    const bytes = zipOf({ 'users.csv': csv('id\n1\n') });
    // Patch the uncompressed size in the central directory to 4 GB - 1, twice over via a second entry.
    const two = zipOf({ 'users.csv': csv('id\n1\n'), 'orgs.csv': csv('id\n1\n') });
    const patched = two.slice();
    const view = new DataView(patched.buffer);
    for (let i = 0; i + 4 <= patched.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffffe, true);
    }
    await expect(expandInputs([sourceFromBytes('big.zip', patched)])).rejects.toThrow(
      new ZipError('big.zip: its files would unpack to 8.0 GB, more than the 4.0 GB this tool accepts'),
    );
    expect((await expandInputs([sourceFromBytes('ok.zip', bytes)])).files).toHaveLength(1);
  });
});
