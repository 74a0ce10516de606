/** Shared test helpers: build inputs in memory and run the engine on them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, type ValidateOptions } from '../src/core/engine/validate.ts';
import { sourceFromBytes, type SourceFile } from '../src/core/input/source.ts';
import type { ValidationResult } from '../src/core/report/build.ts';
import type { Finding } from '../src/core/report/types.ts';
import { DATA_FILE } from '../src/core/input/expand.ts';

/** A fixed day of validation, so birth-date checks do not depend on when tests run. */
export const TODAY = new Date('2026-11-28T12:00:00');

/** name → content (string or bytes) as in-memory source files, in the given order. */
export function filesOf(files: Record<string, string | Uint8Array>): SourceFile[] {
  return Object.entries(files).map(([name, content]) => sourceFromBytes(name, content));
}

/** The data files of a folder on disk, as the command line would take them. */
export function folderSources(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((n) => DATA_FILE.test(n) || /\.zip$/i.test(n))
    .sort()
    .map((n) => sourceFromBytes(n, new Uint8Array(readFileSync(join(dir, n)))));
}

export async function run(
  files: Record<string, string | Uint8Array> | SourceFile[],
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  return validate(Array.isArray(files) ? files : filesOf(files), { now: TODAY, ...options });
}

export function findings(result: ValidationResult, code?: string): Finding[] {
  return [...result.findings].filter((f) => code === undefined || f.code === code);
}

/** "code/reason id" strings, handy for exact expectations. */
export function summary(result: ValidationResult, code?: string): string[] {
  return findings(result, code).map((f) =>
    `${f.code}${f.reason ? '/' + f.reason : ''} ${f.id ?? f.file ?? ''}`.trim(),
  );
}

/** CSV text from rows of cells (quotes cells that need it). */
export function csv(rows: string[][], eol = '\n'): string {
  return (
    rows
      .map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join(eol) + eol
  );
}
