/**
 * What every fuzz test asserts, and how long it runs. The engine, given anything at all, either
 * refuses with an InputError of one line (nothing recognisable to check) or returns a report that
 * matches the report schema and whose JSON and CSV downloads can be written. Any other exception
 * is a bug.
 *
 * Runs per property: FUZZ_RUNS (default: a few hundred, about half a minute for the whole folder).
 * A failure prints the seed and path; FUZZ_SEED=… FUZZ_PATH=… replays exactly that case.
 */
import { InputError, validate } from '../../src/core/engine/validate.ts';
import type { FormatId } from '../../src/core/formats/types.ts';
import { sourceFromBytes } from '../../src/core/input/source.ts';
import { csvRows } from '../../src/core/report/csv-rows.ts';
import { csvPieces } from '../../src/core/report/csv.ts';
import { reportJsonPieces } from '../../src/core/report/json.ts';
import { checkReportShape } from '../../src/core/report/schema.ts';
import { TODAY } from '../helpers.ts';

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** Runs for one property: `share` of FUZZ_RUNS when it is set, else `ciRuns`. */
export function runs(ciRuns: number, share = 1): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return asked > 0 ? Math.max(1, Math.round(asked * share)) : ciRuns;
}

/** A test timeout that grows with FUZZ_RUNS. */
export function timeout(ciMs: number): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return asked > 0 ? Math.max(ciMs, asked * 50) : ciMs;
}

/** fc.assert with the project's seed policy and replay command (tests/fixtures/property-check.ts). */
export { holdsAsync as holds } from '../fixtures/property-check.ts';

export type Outcome = 'refused' | 'report';

/** Runs the engine and checks everything it hands back; throws on anything that is not allowed. */
export async function checkEngine(files: readonly NamedBytes[], format?: FormatId): Promise<Outcome> {
  let result;
  try {
    result = await validate(
      files.map((f) => sourceFromBytes(f.name, f.bytes)),
      { format, now: TODAY, salt: '0123456789abcdef' },
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (error.message === '' || error.message.includes('\n'))
      throw new Error(`InputError is not one line: ${JSON.stringify(error.message)}`, { cause: error });
    return 'refused';
  }
  const report: unknown = JSON.parse([...reportJsonPieces(result)].join(''));
  const problems = checkReportShape(report);
  if (problems.length)
    throw new Error(`report does not match the schema:\n${problems.slice(0, 10).join('\n')}`);
  let lines = 0;
  for (const piece of csvPieces(csvRows(result))) lines += piece.split('\r\n').length - 1;
  if (lines < result.findings.length + 1)
    throw new Error(`CSV has ${lines} lines for ${result.findings.length} findings`);
  return 'report';
}
