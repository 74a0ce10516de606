import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../worker/api.ts';
import { describeFiles, filesFromDrop, filesFromList } from './collect.ts';

const file = (name: string, relativePath = '') => {
  const f = new File(['x'], name);
  Object.defineProperty(f, 'webkitRelativePath', { value: relativePath });
  return f;
};

/** Minimal File and Directory Entries: a tree of names; directories answer in batches of two. */
type Tree = { [name: string]: Tree | string };
function entry(name: string, node: Tree | string, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof node === 'string')
    return {
      isFile: true,
      isDirectory: false,
      name,
      fullPath,
      file: (ok: (f: File) => void) => ok(new File([node], name)),
    } as unknown as FileSystemEntry;
  const children = Object.entries(node).map(([n, c]) => entry(n, c, fullPath));
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader: () => {
      let at = 0;
      return { readEntries: (ok: (e: FileSystemEntry[]) => void) => ok(children.slice(at, (at += 2))) };
    },
  } as unknown as FileSystemEntry;
}
function dropOf(top: Tree, files: File[] = []): DataTransfer {
  const items = Object.entries(top).map(([name, node]) => ({
    kind: 'file',
    webkitGetAsEntry: () => entry(name, node),
  }));
  return { items, files } as unknown as DataTransfer;
}
const summary = (files: InputFile[]) => files.map((f) => `${f.name}${f.fromFolder ? ' (folder)' : ''}`);

describe('collecting input files', () => {
  it('takes picked files by name and a picked folder by relative path', () => {
    expect(summary(filesFromList([file('users.csv'), file('orgs.csv')]))).toEqual(['users.csv', 'orgs.csv']);
    expect(summary(filesFromList([file('users.csv', 'export/users.csv')]))).toEqual([
      'export/users.csv (folder)',
    ]);
  });

  it('walks dropped folders (all batches) and keeps their paths', async () => {
    const dropped = await filesFromDrop(
      dropOf({
        'district.zip': 'PK',
        export: { 'a.csv': '1', 'b.csv': '2', 'c.csv': '3', nested: { 'd.csv': '4' } },
      }),
    );
    expect(summary(dropped)).toEqual([
      'district.zip',
      'export/a.csv (folder)',
      'export/b.csv (folder)',
      'export/c.csv (folder)',
      'export/nested/d.csv (folder)',
    ]);
    expect(await dropped[4].blob.text()).toBe('4');
  });

  it('falls back to the plain file list without entries', async () => {
    const data = { items: [{ kind: 'file' }], files: [file('users.csv')] } as unknown as DataTransfer;
    expect(summary(await filesFromDrop(data))).toEqual(['users.csv']);
  });

  it.each([
    [['users.csv'], false, 'users.csv'],
    [['a.csv', 'b.csv'], false, '2 files'],
    [['export/a.csv', 'export/b.csv'], true, 'the folder export (2 files)'],
  ])('describes %j as "%s"', (names, fromFolder, expected) => {
    const files = names.map((name) => ({ name, blob: new Blob([]), fromFolder }));
    expect(describeFiles(files)).toBe(expected);
  });
});
