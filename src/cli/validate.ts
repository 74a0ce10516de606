/**
 * npm run validate -- <folder | file.zip | file.csv …> [--format ID] [--json FILE|-] [--csv-dir DIR] [--previous OLD.json]
 *                     [--summary FILE|-]
 * Exit 0: nothing blocks and no errors; 1: formatting blocks or errors; 2: input unreadable or format unknown.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { InputError, validate } from '../core/engine/validate.ts';
import { FORMAT_IDS } from '../core/formats/registry.ts';
import type { FormatId } from '../core/formats/types.ts';
import type { HashFactory } from '../core/input/hash.ts';
import { collectPaths, inputProblem } from './inputs.ts';
import { readPrevious } from './previous.ts';
import { summaryTable } from './table.ts';
import { compareFindings, describeChanges } from '../core/report/changes.ts';
import { OutputError, writeCsvDir, writeJson, writePieces } from './outputs.ts';
import { printable } from './printable.ts';
import { summaryMarkdown } from '../core/report/summary-md.ts';

export const USAGE =
  'Usage: npm run validate -- <folder | file.zip | file.csv …> [--format ID] [--json FILE|-] [--csv-dir DIR] [--previous OLD.json] [--summary FILE|-]';

const nodeSha256: HashFactory = () => {
  const h = createHash('sha256');
  return { update: (b) => void h.update(b), digest: () => h.digest('hex') };
};

export async function main(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        json: { type: 'string' },
        'csv-dir': { type: 'string' },
        previous: { type: 'string' },
        summary: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    err.write(`${printable(e instanceof Error ? e.message : String(e))}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    out.write(`${USAGE}\nFormats: ${FORMAT_IDS.join(', ')}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    err.write(`No input given.\n${USAGE}\n`);
    return 2;
  }
  if (values.format && !FORMAT_IDS.includes(values.format as FormatId)) {
    err.write(`Unknown format "${printable(values.format)}". Formats: ${FORMAT_IDS.join(', ')}.\n`);
    return 2;
  }
  if (values.json === '-' && values.summary === '-') {
    err.write(`--json - and --summary - cannot both go to standard output.\n${USAGE}\n`);
    return 2;
  }
  try {
    const files = await collectPaths(positionals);
    const previous = values.previous ? await readPrevious(values.previous) : null;
    const result = await validate(files, {
      format: values.format as FormatId | undefined,
      hash: nodeSha256,
      previous: previous?.snapshot ?? null,
    });
    if (values.json === '-') await writeJson(result, out);
    else if (values.summary === '-') out.write(summaryMarkdown(result.summary));
    else {
      out.write(printable(summaryTable(result), true));
      if (previous) {
        const changes = compareFindings(previous.findings, result.findings);
        const since = printable(previous.generatedAt || 'the earlier report');
        out.write(`Changes: ${describeChanges(changes, since)}\n`);
        if (!previous.snapshot)
          out.write('(The earlier report carries no roster IDs, so removals could not be checked.)\n');
      }
    }
    if (values.json && values.json !== '-') await writeJson(result, values.json);
    if (values.summary && values.summary !== '-')
      await writePieces([summaryMarkdown(result.summary)], values.summary);
    if (values['csv-dir']) await writeCsvDir(result, values['csv-dir']);
    const { blocked, totals } = result.summary;
    return blocked || totals.error > 0 ? 1 : 0;
  } catch (caught) {
    // A file that became unreadable while being read is an input problem too, not an unexpected one.
    const e = caught instanceof OutputError ? caught : (inputProblem(caught) ?? caught);
    const known = e instanceof InputError || e instanceof OutputError;
    err.write(
      `${known ? '' : 'Unexpected problem: '}${printable(e instanceof Error ? e.message : String(e))}\n`,
    );
    return 2;
  }
}

const isEntry = process.argv[1] && /validate\.[tj]s$/.test(process.argv[1]);
if (isEntry) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
