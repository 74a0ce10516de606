/**
 * node scripts/bench-cli-run.mjs <bundle.mjs> <hwm-file> [validate arguments…]
 * One command-line run for `npm run bench` (bench-cli.ts): the built command line's `main`, as
 * scripts/validate.mjs runs it (without its check that the bundle is fresh), then the process's peak
 * resident memory (VmHWM, kB) written to <hwm-file> as the process exits.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundle, hwmFile, ...args] = process.argv.slice(2);
process.on('exit', () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  writeFileSync(hwmFile, m ? m[1] : String(process.resourceUsage().maxRSS));
});
const { main } = await import(pathToFileURL(resolve(bundle)).href);
process.exitCode = await main(args, process.stdout, process.stderr);
