/** Command-line paths to SourceFiles: a folder gives its data files, anything else is taken as given. */
import { access, constants, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../core/engine/validate.ts';
import type { SourceFile } from '../core/input/source.ts';
import { diskFile, folderFiles } from './node-source.ts';

const WHY: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
};

/** One line for a file-system error on an input path (never a stack trace). */
export function readProblem(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const why = (code && WHY[code]) ?? (e instanceof Error ? e.message : String(e));
  return new InputError(`Cannot read ${path}: ${why}.`);
}

/** A file-system error from reading the inputs, as the InputError it is (null for anything else). */
export function inputProblem(e: unknown): InputError | null {
  const error = e as NodeJS.ErrnoException | null;
  return error && typeof error.code === 'string' && typeof error.path === 'string'
    ? readProblem(error.path, error)
    : null;
}

async function readable(path: string): Promise<string> {
  try {
    await access(path, constants.R_OK);
  } catch (e) {
    throw readProblem(path, e);
  }
  return path;
}

export async function collectPaths(paths: string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      throw readProblem(path, e);
    }
    if (info.isDirectory()) {
      let inside;
      try {
        inside = await folderFiles(path);
      } catch (e) {
        throw readProblem(path, e);
      }
      if (inside.length === 0)
        throw new InputError(`The folder ${path} holds no CSV, spreadsheet or zip files.`);
      for (const p of inside) files.push(await diskFile(await readable(p), basename(p)));
    } else files.push(await diskFile(await readable(path), basename(path)));
  }
  return files;
}
