/**
 * npm run gen -- --format <id> --students <n> --out <dir> [--seed <n>] [--schools <n>] [--rate <r>] [--shared-phones] [--clean] [--json]
 * Writes a synthetic district (src/core/generate/) to <dir>, streaming: memory stays flat however
 * large the district. Prints what was written and what was planted (--json: as JSON).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FORMAT_IDS } from '../src/core/formats/registry.ts';
import type { FormatId } from '../src/core/formats/types.ts';
import { DATA_FILE } from '../src/core/input/expand.ts';
import {
  generateDistrict,
  GENERATED_FILES,
  planDistrict,
  type DistrictCounts,
  type GenerateOptions,
} from '../src/core/generate/generate.ts';

const USAGE =
  'Usage: npm run gen -- --format <id> --students <n> --out <dir> [--seed <n>] [--schools <n>] [--rate <r>] [--shared-phones] [--clean] [--json]';

export interface WrittenFile {
  name: string;
  rows: number;
  bytes: number;
}

export interface GenerationSummary {
  options: GenerateOptions;
  dir: string;
  seconds: number;
  files: WrittenFile[];
  counts: DistrictCounts;
  planted: Record<string, number>;
  expected: Record<string, number>;
}

/** Refuses to mix with other data files in `dir` (they would be validated too), unless `clean`. */
async function prepare(dir: string, format: FormatId, clean: boolean): Promise<void> {
  await mkdir(dir, { recursive: true });
  const ours = new Set(GENERATED_FILES[format].map((f) => f.toLowerCase()));
  const others = (await readdir(dir)).filter((n) => DATA_FILE.test(n) && !ours.has(n.toLowerCase()));
  if (others.length && !clean)
    throw new Error(`${dir} holds other data files (${others.join(', ')}); use an empty folder or --clean.`);
  for (const n of others) await rm(join(dir, n));
}

async function close(stream: WriteStream): Promise<number> {
  stream.end();
  await once(stream, 'finish');
  return stream.bytesWritten;
}

export async function writeDistrict(
  options: GenerateOptions,
  dir: string,
  clean = false,
): Promise<GenerationSummary> {
  const started = performance.now();
  await prepare(dir, options.format, clean);
  const plan = planDistrict(options);
  const files: WrittenFile[] = [];
  const open = new Map<string, WriteStream>();
  for (const chunk of generateDistrict(plan)) {
    let stream = open.get(chunk.file);
    if (!stream) {
      for (const [name, done] of open) files.find((f) => f.name === name)!.bytes = await close(done);
      open.clear();
      stream = createWriteStream(join(dir, chunk.file), { highWaterMark: 1 << 20 });
      open.set(chunk.file, stream);
      files.push({ name: chunk.file, rows: 0, bytes: 0 });
    }
    files[files.length - 1].rows += chunk.rows;
    if (!stream.write(chunk.text)) await once(stream, 'drain');
  }
  for (const [name, done] of open) files.find((f) => f.name === name)!.bytes = await close(done);
  const seconds = (performance.now() - started) / 1000;
  return {
    options,
    dir,
    seconds,
    files,
    counts: plan.counts,
    planted: plan.planted,
    expected: plan.expected,
  };
}

const num = (n: number) => n.toLocaleString('en-US');

export function describe(s: GenerationSummary): string {
  const width = Math.max(...s.files.map((f) => f.name.length), 5);
  const line = (name: string, rows: string, bytes: string) =>
    `  ${name.padEnd(width)}  ${rows.padStart(12)}  ${bytes.padStart(15)}`;
  const rows = s.files.reduce((n, f) => n + f.rows, 0);
  const bytes = s.files.reduce((n, f) => n + f.bytes, 0);
  const list = (m: Record<string, number>) =>
    Object.entries(m)
      .map(([k, v]) => `${k} ${num(v)}`)
      .join(', ');
  return [
    `${s.options.format} district, ${num(s.counts.students)} students, seed ${s.options.seed ?? 1} → ${s.dir} ` +
      `(${s.seconds.toFixed(1)} s)`,
    line('file', 'rows', 'bytes'),
    ...s.files.map((f) => line(f.name, num(f.rows), num(f.bytes))),
    line('total', num(rows), num(bytes)),
    `Entities: ${list({ ...s.counts })}`,
    `Planted (records): ${list(s.planted)}`,
    `Findings to expect: ${list(s.expected)}`,
    '',
  ].join('\n');
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a whole number of at least 1 (got "${value}").`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        students: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        schools: { type: 'string' },
        rate: { type: 'string' },
        'shared-phones': { type: 'boolean' },
        clean: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (!values.format || !values.students || !values.out)
      throw new Error('--format, --students and --out are needed.');
    if (!FORMAT_IDS.includes(values.format as FormatId))
      throw new Error(`Unknown format "${values.format}". Formats: ${FORMAT_IDS.join(', ')}.`);
    const rate = values.rate === undefined ? undefined : Number(values.rate);
    if (rate !== undefined && !(rate >= 0 && rate <= 0.1))
      throw new Error('--rate must be between 0 and 0.1.');
    const options: GenerateOptions = {
      format: values.format as FormatId,
      students: positiveInt('students', values.students)!,
      seed: values.seed === undefined ? 1 : Number(values.seed),
      schools: positiveInt('schools', values.schools),
      rate,
      ...(values['shared-phones'] && { sharedPhones: true }),
    };
    if (!Number.isSafeInteger(options.seed)) throw new Error('--seed must be a whole number.');
    const summary = await writeDistrict(options, values.out, values.clean ?? false);
    process.stdout.write(values.json ? JSON.stringify(summary, null, 2) + '\n' : describe(summary));
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
