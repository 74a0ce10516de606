/**
 * From what the person gave (files, a folder's files, .zip archives) to the files to check. A zip's
 * data files must sit at its root or in one folder; when they are spread over several, the folder
 * with the most is used and the others are reported as not checked. A zip that cannot be opened
 * (damaged, no CSV inside, too big) is reported as not checked and the other inputs are still
 * read; only when nothing at all is left to read does its ZipError stop the run.
 */
import { baseName, type SourceFile } from './source.ts';
import { checkZip, listZip, ZipError, zipEntrySource, type ZipEntry } from './zip.ts';

/** Files that can hold roster data (or that someone meant to: a spreadsheet stands in for a CSV). */
export const DATA_FILE = /\.(csv|txt|tsv|xlsx?|ods)$/i;

export interface Expanded {
  files: SourceFile[];
  /** Entries of archives that are not checked, and why. */
  skipped: Array<{ path: string; detail: string }>;
}

function isZip(file: SourceFile, head: Uint8Array): boolean {
  return /\.zip$/i.test(file.path) && head[0] === 0x50 && head[1] === 0x4b;
}

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

function pickFolder(entries: ZipEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(folderOf(e.path), (counts.get(folderOf(e.path)) ?? 0) + 1);
  return [...counts].sort(
    (a, b) => b[1] - a[1] || a[0].split('/').length - b[0].split('/').length || (a[0] < b[0] ? -1 : 1),
  )[0][0];
}

export async function expandInputs(inputs: readonly SourceFile[]): Promise<Expanded> {
  const out: Expanded = { files: [], skipped: [] };
  let refused: ZipError | null = null;
  for (const input of inputs) {
    const head = await input.head(4);
    if (!isZip(input, head)) {
      out.files.push(input);
      continue;
    }
    const opened: Expanded = { files: [], skipped: [] };
    try {
      await openZip(input, opened);
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      refused ??= new ZipError(`${input.path}: ${error.message}`);
      out.skipped.push({ path: input.path, detail: error.message });
      continue;
    }
    out.files.push(...opened.files);
    out.skipped.push(...opened.skipped);
  }
  if (refused && out.files.length === 0) throw refused;
  return out;
}

/** The data files of one archive into `out`; a ZipError (without the archive's name) when it cannot be used. */
async function openZip(input: SourceFile, out: Expanded): Promise<void> {
  if (!input.random) throw new ZipError('a zip inside a zip is not opened');
  let entries: ZipEntry[];
  try {
    entries = await listZip(input.random);
    checkZip(entries);
  } catch (error) {
    throw new ZipError(error instanceof Error ? error.message : String(error));
  }
  const files = entries.filter((e) => {
    if (e.path.endsWith('/') || e.path.startsWith('__MACOSX/') || baseName(e.path).startsWith('.'))
      return false;
    if (DATA_FILE.test(e.path)) return true;
    if (/\.zip$/i.test(e.path))
      out.skipped.push({ path: e.path, detail: `a zip inside ${input.path} is not opened` });
    return false;
  });
  if (files.length === 0) throw new ZipError('it contains no CSV files');
  const folder = pickFolder(files);
  for (const e of files) {
    if (folderOf(e.path) === folder) out.files.push({ ...zipEntrySource(input.random, e), zip: input.path });
    else
      out.skipped.push({
        path: e.path,
        detail: `it is in another folder of ${input.path} than the files checked (${folder || 'the top level'})`,
      });
  }
}
