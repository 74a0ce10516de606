/**
 * The benchmark's inputs and surroundings: synthetic districts under .bench/ (generated once,
 * reused while their recorded options match) and a description of the machine.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { FormatId } from '../src/core/formats/types.ts';
import { writeDistrict, type WrittenFile } from './gen.ts';

export const BENCH_DIR = join(import.meta.dirname, '..', '.bench');
const SEED = 1;

export interface District {
  format: FormatId;
  students: number;
  dir: string;
  files: WrittenFile[];
  bytes: number;
  /** Lines in all files, headers included. */
  lines: number;
  people: number;
}

/**
 * The district's folder, generating it first unless an earlier run left it complete. `sharedPhones`:
 * the many-findings district (every family's parents and students share one phone).
 */
export async function ensureDistrict(
  format: FormatId,
  students: number,
  sharedPhones = false,
): Promise<District> {
  const name = `${format}-${students}${sharedPhones ? '-shared-phones' : ''}`;
  const dir = join(BENCH_DIR, name);
  const marker = join(BENCH_DIR, `${name}.json`);
  const options = { format, students, seed: SEED, ...(sharedPhones && { sharedPhones }) };
  if (existsSync(marker)) {
    const known = JSON.parse(await readFile(marker, 'utf8')) as District & { options: typeof options };
    if (
      JSON.stringify(known.options) === JSON.stringify(options) &&
      known.files.every((f) => existsSync(join(dir, f.name)))
    )
      return known;
  }
  const what = `${format}, ${students.toLocaleString('en-US')} students${sharedPhones ? ', shared phones' : ''}`;
  process.stderr.write(`generating ${what}…\n`);
  const summary = await writeDistrict(options, dir, true);
  const c = summary.counts;
  const district: District = {
    format,
    students,
    dir,
    files: summary.files,
    bytes: summary.files.reduce((n, f) => n + f.bytes, 0),
    lines: summary.files.reduce((n, f) => n + f.rows, 0),
    people: c.teachers + c.students + c.parents + c.staff,
  };
  await writeFile(marker, JSON.stringify({ ...district, options }, null, 2));
  return district;
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGB: number;
  node: string;
  os: string;
  /** 1-minute load average when the benchmark started and ended (other work on the machine skews times). */
  load: number[];
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${type()} ${release()}`,
    load: [Number(loadavg()[0].toFixed(2))],
  };
}

/**
 * The measuring script (bench-run.ts) as one plain JavaScript file (Vite's server-side build), run by
 * bare Node: like the page's worker, the engine then runs without a TypeScript loader, whose own
 * thread would add some 40 MB to every process measured. Each benchmark builds into a folder of its own.
 */
export async function buildRunner(outDir: string): Promise<string> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: join(import.meta.dirname, 'bench-run.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'bench-run.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, 'bench-run.mjs');
}
