/**
 * fc.assert for this folder's property tests (test code: imported by *.test.ts only), seeded as
 * test/fuzz seeds its properties. Under CI (CI=true) the seed is fixed, so a change is judged on the
 * same cases every time; locally each run explores new cases. A failure names its seed and path, and
 * FUZZ_SEED=… FUZZ_PATH=… replays exactly that case.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

const CI_SEED = 20261128;

export function holds<T>(property: fc.IPropertyWithHooks<T>, numRuns: number): void {
  const fixed = process.env.CI === 'true' ? CI_SEED : undefined;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : fixed;
  const path = process.env.FUZZ_PATH;
  const details = fc.check(property, { numRuns: seed !== undefined && path ? 1 : numRuns, seed, path });
  if (!details.failed) return;
  const file = expect.getState().testPath?.replace(/^.*?\/(src|test)\//, '$1/') ?? 'src/core/input';
  // The path only fits this property: -t picks its test (any other character matches as a regex ".").
  const test = (expect.getState().currentTestName ?? '')
    .split(' > ')
    .at(-1)!
    .replace(/[^\w ]/g, '.');
  const replay = `FUZZ_SEED=${details.seed} FUZZ_PATH="${details.counterexamplePath}" npx vitest run ${file} -t '${test}'`;
  throw new Error(`${fc.defaultReportMessage(details)}\n\nReplay this case: ${replay}`);
}
