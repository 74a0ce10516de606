/** Command-line paths to SourceFiles: a folder gives its data files, anything else is taken as given. */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../core/engine/validate.ts';
import type { SourceFile } from '../core/input/source.ts';
import { diskFile, folderFiles } from './node-source.ts';

export async function collectPaths(paths: string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`Cannot read ${path}: no such file or folder.`);
    }
    if (info.isDirectory()) {
      const inside = await folderFiles(path);
      if (inside.length === 0)
        throw new InputError(`The folder ${path} holds no CSV, spreadsheet or zip files.`);
      for (const p of inside) files.push(await diskFile(p, basename(p)));
    } else files.push(await diskFile(path, basename(path)));
  }
  return files;
}
