/**
 * npx tsx scripts/report-outputs.ts [--root CHECKOUT] --out DIR [--against DIR] [--no-csv] <input> …
 *
 * Writes what the command line writes for each input (a folder, zip or CSV file), with the time and
 * the ID salt fixed so that two runs can be compared byte for byte: <out>/<k>-<name>/report.json
 * (the --json writer) and <out>/<k>-<name>/csv/ (the --csv-dir writer). The engine and writers are
 * those of CHECKOUT (default: this one), so an older commit's checkout gives the "before" outputs.
 * With --against, every file is compared with the same file under that folder, and the run fails
 * if any differs or is missing on either side.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const SALT = '00112233445566ff';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: 'string', default: join(import.meta.dirname, '..') },
    out: { type: 'string' },
    against: { type: 'string' },
    'no-csv': { type: 'boolean' },
  },
});
if (!values.out || positionals.length === 0) {
  process.stderr.write(
    'Usage: npx tsx scripts/report-outputs.ts [--root DIR] --out DIR [--against DIR] <input> …\n',
  );
  process.exit(2);
}
const root = resolve(values.root);
const load = (path: string) => import(pathToFileURL(join(root, path)).href);
const { validate } = await load('src/core/engine/validate.ts');
const { collectPaths } = await load('src/cli/inputs.ts');
const { writeJson, writeCsvDir } = await load('src/cli/outputs.ts');

const hash = () => {
  const h = createHash('sha256');
  return { update: (b: Uint8Array) => void h.update(b), digest: () => h.digest('hex') };
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

await rm(values.out, { recursive: true, force: true });
for (const [k, input] of positionals.entries()) {
  const dir = join(values.out, `${k}-${basename(input)}`);
  const started = performance.now();
  const result = await validate(await collectPaths([input]), { now: NOW, salt: SALT, hash });
  await mkdir(dir, { recursive: true });
  await writeJson(result, join(dir, 'report.json'));
  if (!values['no-csv']) await writeCsvDir(result, join(dir, 'csv'));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${dir}: ${result.findings.length} findings (${seconds} s)\n`);
}

if (values.against) {
  const ours = await filesUnder(values.out);
  const theirs = await filesUnder(values.against);
  let differ = 0;
  for (const name of new Set([...ours, ...theirs])) {
    if (!ours.includes(name) || !theirs.includes(name)) {
      process.stdout.write(`only in ${ours.includes(name) ? values.out : values.against}: ${name}\n`);
      differ++;
      continue;
    }
    const [a, b] = await Promise.all([
      readFile(join(values.out, name)),
      readFile(join(values.against, name)),
    ]);
    if (!a.equals(b)) {
      process.stdout.write(`differs: ${name}\n`);
      differ++;
    }
  }
  process.stdout.write(`${ours.length} files compared with ${values.against}: ${differ} differ\n`);
  process.exitCode = differ === 0 ? 0 : 1;
}
