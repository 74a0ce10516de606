/**
 * npm run bench [-- --full] [--runs N] [--formats clever,oneroster-1.1] [--sizes 10000,100000]
 *                 [--many N] [--cli-runs N] [--cli-from CHECKOUT,…] [--cli-only | --no-cli]
 *
 * The engine on synthetic districts of 10 000 and 100 000 students (and 1 000 000 with --full) in
 * OneRoster 1.1 and Clever: wall time, MB/s, rows/s and, in the same process on the same bytes,
 * a bare papaparse pass, whose throughput the engine's is compared with; then peak memory of one
 * engine run in a fresh process. Prints a table, writes .bench/results.json (git-ignored).
 * Targets (issue #5): engine throughput ≥ 60 % of papaparse's; peak RSS ≤ 1.5 × input + 100 MB;
 * 1 000 000 students in at most 11 × the time of 100 000.
 * Then the command line itself (bench-cli.ts) on a OneRoster 1.1 district of 100 000 students whose
 * families share one phone (200 000 with --full; --many N), so its findings outnumber its students:
 * wall time and peak memory without output files, with --json and with --csv-dir.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { FormatId } from '../src/core/formats/types.ts';
import { BENCH_DIR, buildRunner, ensureDistrict, machine, type District } from './bench-data.ts';
import { buildCli, cliTable, measureCli, type CliMeasured } from './bench-cli.ts';

const run = promisify(execFile);
const RUNNER_DIR = join(BENCH_DIR, 'runner');
const RUNNER = join(RUNNER_DIR, 'bench-run.mjs');
const MB = 1e6;

export const TARGETS = { ratio: 0.6, memoryFactor: 1.5, memoryExtraMB: 100, scale: 11 };

interface Measured {
  format: FormatId;
  students: number;
  bytes: number;
  lines: number;
  rows: number;
  people: number;
  findings: number;
  engineMs: number[];
  papaparseMs: number[];
  engineMedianMs: number;
  papaparseMedianMs: number;
  engineMBps: number;
  papaparseMBps: number;
  rowsPerSecond: number;
  /** Engine throughput as a share of papaparse's (same bytes, same process). */
  ratio: number;
  memory: {
    ms: number;
    baselineRss: number;
    maxRss: number;
    peakHeapSampled: number;
    retainedHeap: number;
    retainedExternal: number;
    limit: number;
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function child(args: string[], nodeFlags: string[] = []): Promise<unknown> {
  const { stdout } = await run(process.execPath, [...nodeFlags, RUNNER, ...args], {
    maxBuffer: 1 << 24,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

async function measure(d: District, runs: number): Promise<Measured> {
  const t = (await child(['timing', d.dir, String(runs)])) as {
    engineMs: number[];
    papaparseMs: number[];
    rows: number;
    findings: number;
  };
  const m = (await child(['memory', d.dir], ['--expose-gc'])) as Omit<Measured['memory'], 'limit'>;
  const engineMedianMs = median(t.engineMs);
  const papaparseMedianMs = median(t.papaparseMs);
  return {
    format: d.format,
    students: d.students,
    bytes: d.bytes,
    lines: d.lines,
    rows: t.rows,
    people: d.people,
    findings: t.findings,
    engineMs: t.engineMs.map(Math.round),
    papaparseMs: t.papaparseMs.map(Math.round),
    engineMedianMs,
    papaparseMedianMs,
    engineMBps: d.bytes / MB / (engineMedianMs / 1000),
    papaparseMBps: d.bytes / MB / (papaparseMedianMs / 1000),
    rowsPerSecond: t.rows / (engineMedianMs / 1000),
    ratio: papaparseMedianMs / engineMedianMs,
    memory: { ...m, limit: TARGETS.memoryFactor * d.bytes + TARGETS.memoryExtraMB * MB },
  };
}

const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ok = (pass: boolean) => (pass ? 'yes' : 'NO');

/**
 * Time of 1 000 000 students over 100 000, per format (only when both were measured); papaparse's
 * own factor on the same files shows how much of it is the machine (caches, load drifting between
 * the two measurements) rather than the engine.
 */
function scaling(results: Measured[]): Array<{ format: FormatId; factor: number; papaparseFactor: number }> {
  const out = [];
  for (const big of results.filter((r) => r.students === 1_000_000)) {
    const small = results.find((r) => r.format === big.format && r.students === 100_000);
    if (small)
      out.push({
        format: big.format,
        factor: big.engineMedianMs / small.engineMedianMs,
        papaparseFactor: big.papaparseMedianMs / small.papaparseMedianMs,
      });
  }
  return out;
}

/** The results as a Markdown table (docs/dev/performance.md takes it as printed). */
export function table(results: Measured[]): string {
  const head =
    '| format | students | input MB | data rows | engine s | engine MB/s | rows/s | papaparse s | papaparse MB/s | engine / papaparse | ≥ 60 % | peak RSS MB | limit MB | within | RSS before MB | peak heap MB | retained heap MB |';
  const lines = results.map((r) =>
    [
      r.format,
      num(r.students),
      num(r.bytes / MB, 1),
      num(r.rows),
      num(r.engineMedianMs / 1000, 2),
      num(r.engineMBps, 1),
      num(r.rowsPerSecond),
      num(r.papaparseMedianMs / 1000, 2),
      num(r.papaparseMBps, 1),
      `${num(r.ratio * 100)} %`,
      ok(r.ratio >= TARGETS.ratio),
      num(r.memory.maxRss / MB),
      num(r.memory.limit / MB),
      ok(r.memory.maxRss <= r.memory.limit),
      num(r.memory.baselineRss / MB),
      num(r.memory.peakHeapSampled / MB),
      num(r.memory.retainedHeap / MB),
    ].join(' | '),
  );
  const scale = scaling(results).map(
    (s) =>
      `- ${s.format}: 1 000 000 students took ${num(s.factor, 1)} × the time of 100 000 (target ≤ ${TARGETS.scale}): ${ok(s.factor <= TARGETS.scale)}; papaparse alone: ${num(s.papaparseFactor, 1)} ×`,
  );
  return [head, '|' + ' --- |'.repeat(17), ...lines.map((l) => `| ${l} |`), '', ...scale].join('\n') + '\n';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean' },
      runs: { type: 'string' },
      formats: { type: 'string' },
      sizes: { type: 'string' },
      many: { type: 'string' },
      'cli-runs': { type: 'string' },
      'cli-from': { type: 'string' },
      'cli-only': { type: 'boolean' },
      'no-cli': { type: 'boolean' },
    },
  });
  const formats = (values.formats ?? 'oneroster-1.1,clever').split(',') as FormatId[];
  const sizes = values.sizes
    ? values.sizes.split(',').map(Number)
    : [10_000, 100_000, ...(values.full ? [1_000_000] : [])];
  const started = machine();
  await buildRunner(RUNNER_DIR);
  const results: Measured[] = [];
  for (const format of values['cli-only'] ? [] : formats) {
    for (const students of sizes) {
      const district = await ensureDistrict(format, students);
      const runs = Number(values.runs ?? (students >= 1_000_000 ? 3 : 5));
      process.stderr.write(`measuring ${format}, ${num(students)} students (${runs} runs)…\n`);
      results.push(await measure(district, runs));
    }
  }
  const cli: CliMeasured[] = [];
  if (!values['no-cli']) {
    const many = Number(values.many ?? (values.full ? 200_000 : 100_000));
    const district = await ensureDistrict('oneroster-1.1', many, true);
    const checkouts = [join(import.meta.dirname, '..'), ...(values['cli-from']?.split(',') ?? [])];
    const builds = [];
    for (const [k, checkout] of checkouts.entries()) builds.push(await buildCli(checkout, k));
    const runs = Number(values['cli-runs'] ?? 3);
    process.stderr.write(
      `measuring the command line, ${num(many)} students, shared phones (${runs} runs)…\n`,
    );
    cli.push(...(await measureCli(district, builds, runs)));
  }
  const info = { ...started, load: [...started.load, ...machine().load] };
  const report = {
    date: new Date().toISOString(),
    machine: info,
    targets: TARGETS,
    results,
    scaling: scaling(results),
    cli,
  };
  await writeFile(join(BENCH_DIR, 'results.json'), JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(
    `${info.cpu}, ${info.cores} cores, ${info.ramGB} GB RAM, Node ${info.node}, ${info.os}; load ${info.load.join(' → ')}\n\n` +
      (results.length ? table(results) : '') +
      (cli.length ? `\n${cliTable(cli)}` : '') +
      `\nWritten to ${join(BENCH_DIR, 'results.json')}\n`,
  );
}

await main();
