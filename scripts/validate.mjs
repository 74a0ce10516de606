/**
 * `npm run validate` starts here, in plain Node: the command line runs as one bundled JavaScript
 * file (.cli/validate.mjs, git-ignored), built with Vite's server-side build like the benchmark's
 * runner, so no TypeScript loader starts with it. The bundle is rebuilt first when it is missing or
 * older than its sources (newestSource); otherwise Vite is not even loaded.
 * Exit codes and output are the command's own (src/cli/validate.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI_DIR = join(ROOT, '.cli');
export const BUNDLE = join(CLI_DIR, 'validate.mjs');

/**
 * Newest modification time of what the bundle is made from: the files under src/ and their folders
 * (a folder's time changes when a file in it is removed or renamed), the package files (dependencies)
 * and this script.
 */
function newestSource() {
  const own = [join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)];
  let newest = Math.max(...own.filter((path) => existsSync(path)).map((path) => statSync(path).mtimeMs));
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(ROOT, 'src'));
  return newest;
}

export function isFresh() {
  return existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestSource();
}

/**
 * Builds into a folder of its own and renames the file into place, so that runs started together
 * (parallel tests) never see a half-written bundle.
 */
export async function buildBundle() {
  const { build } = await import('vite');
  const scratch = mkdtempSync(join(ROOT, '.cli-build-'));
  try {
    await build({
      root: ROOT,
      configFile: false,
      publicDir: false,
      logLevel: 'silent',
      build: {
        ssr: join(ROOT, 'src', 'cli', 'validate.ts'),
        outDir: scratch,
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        rollupOptions: { output: { entryFileNames: 'validate.mjs' } },
      },
      ssr: { noExternal: true, target: 'node' },
    });
    const built = readdirSync(scratch);
    if (built.length !== 1)
      throw new Error(`The command line's bundle is more than one file: ${built.join(', ')}`);
    mkdirSync(CLI_DIR, { recursive: true });
    renameSync(join(scratch, 'validate.mjs'), BUNDLE);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function run() {
  if (!isFresh()) {
    if (process.stderr.isTTY) process.stderr.write('Building the command line (once, after a change)…\n');
    await buildBundle();
  }
  const { main } = await import(pathToFileURL(BUNDLE).href);
  // As src/cli/validate.ts does when run as the entry itself: a closed pipe ends the run quietly.
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
