/**
 * One benchmark measurement in a process of its own (started by bench.ts), printing its result as
 * one line of JSON:
 *   timing <dir> <runs>  the engine and a bare papaparse pass over the same files, alternately, in
 *                        this one process: one warm-up of each (the engine's, its first run, is
 *                        reported apart), then <runs> of each (medians taken by bench.ts);
 *   memory <dir>         one engine run in a fresh process: peak RSS and heap (needs --expose-gc).
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { collectPaths } from '../src/cli/inputs.ts';
import { validate } from '../src/core/engine/validate.ts';
import type { HashFactory } from '../src/core/input/hash.ts';
import type { ValidationResult } from '../src/core/report/build.ts';

/** SHA-256 through node:crypto, as the command line hashes files. */
const nodeSha256: HashFactory = () => {
  const h = createHash('sha256');
  return { update: (b) => void h.update(b), digest: () => h.digest('hex') };
};

export interface EngineRun {
  ms: number;
  /** Data rows the engine read (headers and blank lines not counted). */
  rows: number;
  findings: number;
}

export async function engineRun(
  dir: string,
  onProgress?: () => void,
): Promise<{ run: EngineRun; result: ValidationResult }> {
  const started = performance.now();
  const result = await validate(await collectPaths([dir]), {
    hash: nodeSha256,
    salt: '0123456789abcdef',
    onProgress,
  });
  const ms = performance.now() - started;
  const rows = result.summary.files.reduce((n, f) => n + f.rows, 0);
  return { run: { ms, rows, findings: result.findings.length }, result };
}

/**
 * papaparse alone over the same files, as a Node program would use it: its stream input (default
 * 64 KiB chunks, which it parses fastest) with header: false and a chunk callback that only counts rows.
 */
export async function papaparseRun(dir: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  let rows = 0;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.csv')).sort()) {
    await new Promise<void>((resolve, reject) => {
      const parse = Papa.parse as unknown as (input: NodeJS.ReadableStream, config: Papa.ParseConfig) => void;
      parse(createReadStream(join(dir, name)), {
        header: false,
        chunk: (results: Papa.ParseResult<unknown>) => void (rows += results.data.length),
        complete: () => resolve(),
        error: (error: unknown) => reject(error),
      } as Papa.ParseConfig);
    });
  }
  return { ms: performance.now() - started, rows };
}

async function timing(dir: string, runs: number) {
  // The engine first: its first run in a fresh process is what `npm run validate` does (V8 still compiling).
  const first = await engineRun(dir);
  await papaparseRun(dir);
  const engine: EngineRun[] = [];
  const papaparse: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    if (i % 2 === 0) {
      papaparse.push((await papaparseRun(dir)).ms);
      engine.push((await engineRun(dir)).run);
    } else {
      engine.push((await engineRun(dir)).run);
      papaparse.push((await papaparseRun(dir)).ms);
    }
  }
  return {
    firstEngineMs: first.run.ms,
    engineMs: engine.map((r) => r.ms),
    papaparseMs: papaparse,
    rows: engine[0].rows,
    findings: engine[0].findings,
  };
}

/**
 * The process's peak resident memory. On Linux VmHWM from /proc: getrusage's maxRSS would also count
 * the parent's memory, which a child started by fork and exec inherits as its high-water mark.
 */
function highWaterRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function memory(dir: string) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the memory measurement needs node --expose-gc');
  gc();
  const baselineRss = process.memoryUsage().rss;
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const { run, result } = await engineRun(dir, sample);
  sample();
  gc();
  const after = process.memoryUsage();
  if (result.findings.length < 0) throw new Error('unreachable: keeps the result alive until measured');
  return {
    ms: run.ms,
    baselineRss,
    // The kernel's high-water mark for the process: nothing between samples is missed.
    maxRss: highWaterRss(),
    peakHeapSampled: peakHeap,
    retainedHeap: after.heapUsed,
    retainedExternal: after.external,
  };
}

const [mode, dir, runs] = process.argv.slice(2);
if (mode === 'timing' || mode === 'memory') {
  const result = mode === 'timing' ? await timing(dir, Number(runs)) : await memory(dir);
  process.stdout.write(JSON.stringify(result) + '\n');
}
