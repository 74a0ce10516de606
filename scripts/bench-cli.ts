/**
 * The command line's own cost, for `npm run bench`: wall time and peak resident memory of whole
 * `validate` runs (a fresh Node process each) on a district with many findings, without output
 * files, with `--json FILE` and with `--csv-dir DIR`. Each command line measured is built from a
 * checkout (this one by default; `--cli-from` others, e.g. the commit before a change) the way
 * scripts/validate.mjs builds it; runs alternate between them and between the three modes.
 */
import { spawn } from 'node:child_process';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { build } from 'vite';
import { BENCH_DIR, type District } from './bench-data.ts';

const MB = 1e6;
const RUN = join(import.meta.dirname, 'bench-cli-run.mjs');
const OUT = join(BENCH_DIR, 'cli-out');
export const CLI_MODES = ['no output', '--json', '--csv-dir'] as const;
export type CliMode = (typeof CLI_MODES)[number];

export interface CliBuild {
  label: string;
  bundle: string;
}

export interface CliMeasured {
  label: string;
  format: string;
  students: number;
  bytes: number;
  findings: number | null;
  mode: CliMode;
  wallMs: number[];
  peakRss: number[];
  limit: number;
}

/** The command line of `checkout` as one file (Vite's server-side build, as scripts/validate.mjs does). */
export async function buildCli(checkout: string, k: number): Promise<CliBuild> {
  const root = resolve(checkout);
  const outDir = join(BENCH_DIR, `cli-${k}`);
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: join(root, 'src', 'cli', 'validate.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'validate.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return { label: k === 0 ? 'this checkout' : basename(root), bundle: join(outDir, 'validate.mjs') };
}

/** One run in a fresh process: wall time from start to exit, and the process's VmHWM. */
async function runOnce(cli: CliBuild, dir: string, mode: CliMode): Promise<{ ms: number; rss: number }> {
  const hwm = join(OUT, 'hwm');
  const args = [dir];
  if (mode === '--json') args.push('--json', join(OUT, 'report.json'));
  if (mode === '--csv-dir') {
    await rm(join(OUT, 'csv'), { recursive: true, force: true });
    args.push('--csv-dir', join(OUT, 'csv'));
  }
  const started = performance.now();
  const child = spawn(process.execPath, [RUN, cli.bundle, hwm, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const ms = performance.now() - started;
  // Exit 1 is the verdict (errors found); 2 and above is a failure of the run itself.
  if (code === null || code > 1) throw new Error(`${cli.label} ${mode} exited with ${code}: ${stderr}`);
  return { ms, rss: Number(await readFile(hwm, 'utf8')) * 1024 };
}

/** The findings the last --json run counted (the report's `totals`, read from its first bytes). */
async function findingsInReport(): Promise<number | null> {
  const file = await open(join(OUT, 'report.json'));
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(1 << 16), 0, 1 << 16, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const totals = /"totals": (\{[^}]*\})/.exec(text);
    if (!totals) return null;
    const t = JSON.parse(totals[1]) as Record<string, number>;
    return t.error + t.alert + t.formatting + t.hold;
  } finally {
    await file.close();
  }
}

export async function measureCli(d: District, builds: CliBuild[], runs: number): Promise<CliMeasured[]> {
  await mkdir(OUT, { recursive: true });
  const results = builds.flatMap((cli) =>
    CLI_MODES.map((mode): CliMeasured => ({
      label: cli.label,
      format: d.format,
      students: d.students,
      bytes: d.bytes,
      findings: null,
      mode,
      wallMs: [],
      peakRss: [],
      limit: 1.5 * d.bytes + 100 * MB,
    })),
  );
  for (let r = 0; r < runs; r++) {
    // Each round starts with another mode and another build, so none always follows the same one.
    for (let m = 0; m < CLI_MODES.length; m++) {
      const mode = CLI_MODES[(m + r) % CLI_MODES.length];
      for (let b = 0; b < builds.length; b++) {
        const cli = builds[(b + r) % builds.length];
        const { ms, rss } = await runOnce(cli, d.dir, mode);
        const entry = results.find((x) => x.label === cli.label && x.mode === mode)!;
        entry.wallMs.push(ms);
        entry.peakRss.push(rss);
        if (mode === '--json') entry.findings ??= await findingsInReport();
      }
    }
  }
  await rm(OUT, { recursive: true, force: true });
  for (const r of results)
    r.findings = results.find((x) => x.label === r.label && x.findings !== null)?.findings ?? null;
  return results;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const range = (xs: number[], scale: number, digits: number) =>
  `${num(Math.min(...xs) / scale, digits)}–${num(Math.max(...xs) / scale, digits)}`;

/** The results as a Markdown table: medians, with the range over the runs. */
export function cliTable(results: CliMeasured[]): string {
  const head =
    '| command line | district | input MB | findings | output | wall s (median) | wall s (range) | peak RSS MB (median) | peak RSS MB (range) | limit MB | within |';
  const lines = results.map((r) =>
    [
      r.label,
      `${r.format} ${num(r.students)} shared phones`,
      num(r.bytes / MB, 1),
      r.findings === null ? '' : num(r.findings),
      r.mode,
      num(median(r.wallMs) / 1000, 2),
      range(r.wallMs, 1000, 2),
      num(median(r.peakRss) / MB),
      range(r.peakRss, MB, 0),
      num(r.limit / MB),
      Math.max(...r.peakRss) <= r.limit ? 'yes' : 'NO',
    ].join(' | '),
  );
  return [head, '|' + ' --- |'.repeat(11), ...lines.map((l) => `| ${l} |`)].join('\n') + '\n';
}
