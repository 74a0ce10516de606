/**
 * Vitest global setup: when sample sets that are not in the repository are missing (a fresh clone
 * with nothing beside it), say once, loudly, which tests did not run and why. Under CI=true those
 * tests are not skipped (see sampleMissing): they run and fail, as a missing browser does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { missingSharedSets, SHARED_SAMPLES, SHARED_SETS } from './fixtures/samples.ts';

const ROOT = join(import.meta.dirname, '..');

/** The test files that skip what they cannot find (they call sampleMissing). */
function testsUsingSharedSamples(): string[] {
  return ['src', 'tests']
    .flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(ROOT, dir, f)),
    )
    .filter((f) => f.endsWith('.test.ts') && readFileSync(f, 'utf8').includes('sampleMissing('))
    .map((f) => relative(ROOT, f))
    .sort();
}

export function samplesBanner(missing: string[], tests: string[], ci: boolean): string {
  const sets = missing.map((set) => `${set} (${SHARED_SETS[set]})`).join(', ');
  const what = ci ? 'SAMPLE SETS MISSING under CI=true' : 'SAMPLE TESTS SKIPPED';
  const outcome = ci ? 'fail' : 'did not run';
  return (
    `!! ${what}: ${sets} not found in ${SHARED_SAMPLES} (not in the repository for their licence), ` +
    `so their tests in ${tests.join(', ')} ${outcome}. Put shared/samples beside the clone or set ` +
    `SHARED_SAMPLES; with CI=true this is a failure.`
  );
}

export function setup(): void {
  const missing = missingSharedSets();
  if (missing.length === 0) return;
  const ci = process.env.CI === 'true';
  console.warn(samplesBanner(missing, testsUsingSharedSamples(), ci));
}
