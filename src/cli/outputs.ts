/** Writing the JSON report and the CSV downloads to disk (or stdout). */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidationResult } from '../core/report/build.ts';
import type { Finding } from '../core/report/types.ts';
import { csvPieces, isCsvDownloadName } from '../core/report/csv.ts';
import { csvSet } from '../core/report/csv-set.ts';
import { csvRows } from '../core/report/csv-rows.ts';
import { reportJsonPieces, type AcknowledgedMarks, type ReportChanges } from '../core/report/json.ts';
import { printableJson } from './printable.ts';

/** An output file or folder that cannot be written: one line for the person, no stack. */
export class OutputError extends Error {
  override name = 'OutputError';
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function writePieces(
  pieces: Iterable<string>,
  target: string | NodeJS.WritableStream,
): Promise<void> {
  if (typeof target !== 'string') {
    for (const piece of pieces) {
      if (!target.write(piece)) await new Promise((resolve) => target.once('drain', resolve));
    }
    return;
  }
  const stream = createWriteStream(target);
  // A file that cannot be opened or written reports through 'error', which must not go unheard.
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {}); // handled below; an error after the last write has nobody to tell
  try {
    await Promise.race([new Promise<void>((resolve) => stream.once('ready', () => resolve())), failed]);
    for (const piece of pieces) {
      if (!stream.write(piece))
        await Promise.race([new Promise<void>((r) => stream.once('drain', () => r())), failed]);
    }
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
  } catch (e) {
    stream.destroy();
    throw new OutputError(`Cannot write ${target}: ${reason(e)}`);
  }
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Iterable<U> {
  for (const item of items) yield f(item);
}

export async function writeJson(
  result: ValidationResult,
  target: string | NodeJS.WritableStream,
  changes?: ReportChanges,
  acknowledged?: AcknowledgedMarks,
): Promise<void> {
  const pieces = reportJsonPieces(result, changes, acknowledged);
  if (typeof target === 'string') return writePieces(pieces, target);
  await writePieces(map(pieces, printableJson), target);
  target.write('\n');
}

/**
 * Every CSV download the page offers (csv-set.ts), each file written as it is made. The files an
 * earlier run left in the folder under the names this tool writes go first, so that a fixed problem's
 * file does not stay next to the new ones; any other file or folder stays.
 */
export async function writeCsvDir(
  result: ValidationResult,
  dir: string,
  isAcknowledged?: (f: Finding) => boolean,
): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(`Cannot create the folder ${dir}: ${reason(e)}`);
  }
  await removeEarlierCsvFiles(dir);
  const written: string[] = [];
  for (const { name, filter, only } of csvSet(result)) {
    await writePieces(csvPieces(csvRows(result, filter, isAcknowledged, only)), join(dir, name));
    written.push(name);
  }
  return written;
}

async function removeEarlierCsvFiles(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new OutputError(`Cannot read the folder ${dir}: ${reason(e)}`);
  }
  for (const entry of entries) {
    if (!entry.isFile() || !isCsvDownloadName(entry.name)) continue;
    try {
      await rm(join(dir, entry.name));
    } catch (e) {
      throw new OutputError(`Cannot remove ${join(dir, entry.name)} of an earlier run: ${reason(e)}`);
    }
  }
}
