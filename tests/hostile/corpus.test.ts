import { Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/engine/validate.ts';
import { csvWork } from '../../src/core/input/csv.ts';
import type { ValidationResult } from '../../src/core/report/build.ts';
import { csvRows } from '../../src/core/report/csv-rows.ts';
import { csvPieces } from '../../src/core/report/csv.ts';
import { reportJsonPieces } from '../../src/core/report/json.ts';
import { checkReportShape } from '../../src/core/report/schema.ts';
import { createValidator } from '../../src/worker/validator.ts';
import { findings, run, summary, TODAY } from '../helpers.ts';
import { CASES, type HostileCase } from './corpus.ts';
import { PLANTED, type Files } from './inputs.ts';

const formattingOf = (result: ValidationResult) =>
  findings(result)
    .filter((f) => f.severity === 'formatting')
    .map((f) => `${f.code}${f.reason ? '/' + f.reason : ''} ${f.file}${f.row === null ? '' : ':' + f.row}`);

/**
 * The outcome of `run` and the CSV reading it took, in characters (csvWork). Bounded work, not a
 * time limit: the parser is handed at most three times the text (a re-parse of an open record per
 * chunk, as a 50 MB cell once had, is quadratic); a hang is a test that never ends.
 */
async function counted<T>(run: () => Promise<T>): Promise<{ value: T | Error; work: typeof csvWork }> {
  const before = { ...csvWork };
  const value = await run().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  const work = {
    pushed: csvWork.pushed - before.pushed,
    parsed: csvWork.parsed - before.parsed,
    unescaped: csvWork.unescaped - before.unescaped,
  };
  return { value, work };
}

function expectBoundedWork(c: HostileCase, work: typeof csvWork): void {
  expect(work.parsed).toBeLessThanOrEqual(3 * work.pushed);
  if (c.unescaped !== undefined) expect(work.unescaped).toBe(c.unescaped);
}

const REFUSED = CASES.filter((c) => c.refused !== undefined);
const READ = CASES.filter((c) => c.refused === undefined);

describe.each(READ)('hostile input: $name', (c: HostileCase) => {
  it('is reported file by file, in bounded work, and the other files are still checked', async () => {
    const { value: result, work } = await counted(() => run(c.files()));
    if (result instanceof Error) throw result;
    expectBoundedWork(c, work);
    expect(formattingOf(result)).toEqual(c.formatting);
    if (c.says) expect(findings(result).find((f) => f.severity === 'formatting')?.message).toMatch(c.says);
    // Every message names its file, and its row where there is one (a header finding names the column).
    for (const f of findings(result).filter((f) => f.severity === 'formatting')) {
      expect(f.message).toContain(f.file);
      if (f.row !== null && f.code !== 'header-missing') expect(f.message).toContain(`row ${f.row}`);
    }
    if (c.planted !== false) expect(summary(result)).toContain(PLANTED);
    if (c.totals) expect(result.summary.totals).toMatchObject(c.totals);
    c.also?.(result);
  });

  it('gives a report of the documented shape, and its downloads', async () => {
    const result = await run(c.files());
    const json = [...reportJsonPieces(result)].join('');
    expect(checkReportShape(JSON.parse(json))).toEqual([]);
    const lines = [...csvPieces(csvRows(result))].join('').trim().split('\r\n');
    expect(lines).toHaveLength(result.findings.length + 1);
  });

  it('is answered by the worker facade with the same totals', async () => {
    const outcome = await facadeRun(c.files());
    expect(outcome.ok && outcome.summary.totals).toMatchObject(c.totals ?? { schools: 1 });
  });
});

describe.each(REFUSED)('hostile input: $name', (c: HostileCase) => {
  it('is refused with one clear line naming it, in bounded work', async () => {
    const { value, work } = await counted(() => run(c.files()));
    expectBoundedWork(c, work);
    expect(value).toBeInstanceOf(InputError);
    const message = (value as Error).message;
    expect(message.startsWith(c.refused!)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('is answered by the worker facade with that message, not thrown', async () => {
    const outcome = await facadeRun(c.files());
    expect(!outcome.ok && outcome.message.startsWith(c.refused!)).toBe(true);
  });
});

/** The page's side: the worker's facade, as the page calls it. */
function facadeRun(files: Files) {
  return createValidator().run({
    input: { kind: 'files', files: inputFiles(files) },
    now: TODAY.toISOString(),
  });
}

function inputFiles(files: Files) {
  return Object.entries(files).map(([name, content]) => ({
    name,
    blob: new NodeBlob([content]) as unknown as Blob,
  }));
}
