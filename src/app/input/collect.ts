/**
 * From what the person picked or dropped to InputFiles. Folders keep their relative paths as file
 * names ("export/users.csv"); dropped folders are walked with the File and Directory Entries API.
 */
import type { InputFile } from '../../worker/api.ts';

/** Files from a file input: a folder picker fills webkitRelativePath. */
export function filesFromList(list: Iterable<File>): InputFile[] {
  return [...list].map((file) => {
    const path = file.webkitRelativePath;
    return path ? { name: path, blob: file, fromFolder: true } : { name: file.name, blob: file };
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches (Chromium: 100 at a time) until it answers with none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, inFolder: boolean, out: InputFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    const name = inFolder ? entry.fullPath.replace(/^\/+/, '') : file.name;
    out.push(inFolder ? { name, blob: file, fromFolder: true } : { name, blob: file });
  } else if (entry.isDirectory) {
    for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, true, out);
  }
}

/** Dropped files and folders. Entries must be taken while the drop event runs, before any await. */
export async function filesFromDrop(data: DataTransfer): Promise<InputFile[]> {
  const items = [...data.items].filter((item) => item.kind === 'file');
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return filesFromList(data.files);
  const out: InputFile[] = [];
  for (const entry of entries) await walk(entry!, false, out);
  return out;
}

/** "users.csv", "5 files", "the folder export (5 files)". */
export function describeFiles(files: readonly InputFile[]): string {
  if (files.length === 1) return files[0].name;
  const folders = new Set(files.map((f) => (f.fromFolder ? f.name.split('/')[0] : '')));
  const count = `${files.length.toLocaleString('en-US')} files`;
  if (folders.size === 1 && !folders.has('')) return `the folder ${[...folders][0]} (${count})`;
  return count;
}
