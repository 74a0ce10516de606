/**
 * npm run validate -- <folder | file.zip | file.csv …> [--format ID] [--json FILE|-] [--csv-dir DIR] [--previous OLD.json]
 *                     [--summary FILE|-] [--acknowledged ACK.json]
 * Exit 0: nothing blocks and no errors (acknowledged findings aside); 1: formatting blocks or errors;
 * 2: input unreadable or format unknown.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { InputError, validate } from '../core/engine/validate.ts';
import { FORMAT_IDS } from '../core/formats/registry.ts';
import type { FormatId } from '../core/formats/types.ts';
import type { HashFactory } from '../core/input/hash.ts';
import { collectPaths, inputProblem } from './inputs.ts';
import { readAcknowledged, readPrevious, type PreviousReport } from './previous.ts';
import { acknowledgedBy, verdictOf } from '../core/report/acknowledged.ts';
import { summaryTable } from './table.ts';
import { describeChanges, listChanges } from '../core/report/changes.ts';
import { NOT_COMPARED_TEXT, whyNotCompared } from '../core/report/district.ts';
import type { ValidationResult } from '../core/report/build.ts';
import type { ReportChanges } from '../core/report/json.ts';
import { OutputError, writeCsvDir, writeJson, writePieces } from './outputs.ts';
import { printable } from './printable.ts';
import { summaryMarkdown } from '../core/report/summary-md.ts';

export const USAGE =
  'Usage: npm run validate -- <folder | file.zip | file.csv …> [--format ID] [--json FILE|-] [--csv-dir DIR] [--previous OLD.json] [--summary FILE|-] [--acknowledged ACK.json]';

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
        acknowledged: { type: 'string' },
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
    const acknowledgements = values.acknowledged ? await readAcknowledged(values.acknowledged) : null;
    const result = await validate(files, {
      format: values.format as FormatId | undefined,
      hash: nodeSha256,
      // Only an earlier report of the same district is compared (and can raise hold-removals).
      previous: previous
        ? (schools) => (whyNotCompared(schools, previous.schools) ? null : previous.snapshot)
        : null,
    });
    const changes = previous ? changesSince(previous, result) : undefined;
    const is = acknowledgements ? acknowledgedBy(acknowledgements) : () => false;
    const verdict = acknowledgements ? verdictOf(result.findings, is) : null;
    const marks = verdict ? { is, count: verdict.acknowledged } : undefined;
    // Hold-removals were judged only against an earlier report of this district that has its roster IDs.
    const removalsChecked = Boolean(previous?.snapshot && changes && !changes.reason);
    const summaryText = () =>
      summaryMarkdown(result.summary, {
        acknowledged: verdict?.acknowledged,
        removalsChecked,
        changes: changes && { ...changes, new: changes.new.length, resolved: changes.resolved.length },
      });
    if (values.json === '-') await writeJson(result, out, changes, marks);
    else if (values.summary === '-') out.write(summaryText());
    else {
      out.write(printable(summaryTable(result, removalsChecked), true));
      if (previous && changes) {
        if (changes.reason) out.write(`Changes: not compared: ${changes.reason}.\n`);
        else {
          const counts = { ...changes, new: changes.new.length, resolved: changes.resolved.length };
          const since = printable(previous.generatedAt || 'the earlier report');
          out.write(`Changes: ${describeChanges(counts, since)}\n`);
          if (!previous.snapshot)
            out.write('(The earlier report carries no roster IDs, so removals could not be checked.)\n');
        }
      }
      if (verdict)
        out.write(
          `Acknowledged: ${verdict.acknowledged} finding(s) known and left as they are; the exit status ignores them.\n`,
        );
    }
    if (values.json && values.json !== '-') await writeJson(result, values.json, changes, marks);
    if (values.summary && values.summary !== '-') await writePieces([summaryText()], values.summary);
    if (values['csv-dir']) await writeCsvDir(result, values['csv-dir'], marks?.is);
    if (verdict) return verdict.blocked || verdict.errors > 0 ? 1 : 0;
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

/** report.md's `changes`: compared only with an earlier report of the same district. */
export function changesSince(previous: PreviousReport, result: ValidationResult): ReportChanges {
  const why = whyNotCompared(result.summary.schools, previous.schools);
  if (why) return { comparedWith: null, reason: NOT_COMPARED_TEXT[why], new: [], resolved: [], unchanged: 0 };
  const lists = listChanges(previous.findings, result.findings);
  return { comparedWith: previous.generatedAt, reason: null, ...lists };
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
