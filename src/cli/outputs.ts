/** Writing the JSON report and the CSV downloads to disk (or stdout). */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidationResult } from '../core/report/build.ts';
import { csvPieces, fileSlug } from '../core/report/csv.ts';
import { csvRows } from '../core/report/csv-rows.ts';
import { reportJsonPieces } from '../core/report/json.ts';

async function writePieces(pieces: Iterable<string>, target: string | NodeJS.WritableStream): Promise<void> {
  const stream: NodeJS.WritableStream = typeof target === 'string' ? createWriteStream(target) : target;
  for (const piece of pieces) {
    if (!stream.write(piece)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  if (typeof target === 'string') await new Promise<void>((resolve) => stream.end(resolve));
}

export async function writeJson(
  result: ValidationResult,
  target: string | NodeJS.WritableStream,
): Promise<void> {
  await writePieces(reportJsonPieces(result), target);
  if (typeof target !== 'string') target.write('\n');
}

/** One CSV per school and code, one per school with all its findings, and one for the district. */
export async function writeCsvDir(result: ValidationResult, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, rows: ReturnType<typeof csvRows>) => {
    await writePieces(csvPieces(rows), join(dir, name));
    written.push(name);
  };
  for (const school of result.summary.schools) {
    const codes = [...Object.keys(school.error), ...Object.keys(school.alert)];
    if (codes.length === 0) continue;
    const slug = school.id === null ? 'no-school' : fileSlug(school.id);
    for (const code of codes)
      await write(`school-${slug}-${code}.csv`, csvRows(result, { school: school.id, code }));
    await write(`school-${slug}-all.csv`, csvRows(result, { school: school.id }));
  }
  await write('district-all.csv', csvRows(result));
  return written;
}
