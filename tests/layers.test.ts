/**
 * The layers of src/ are enforced by ESLint (eslint.config.js, docs/dev/architecture.md#layers): a
 * snippet placed in each layer with a forbidden import must fail the lint, an allowed one must pass.
 * The real tree's lint is `npm run check` (and the last test here, for src/ only).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

const svelte = (imports: string) => `<script lang="ts">\n  ${imports}\n</script>\n`;

describe('layer rules', () => {
  it.each([
    ['src/storage/x.ts', "import type { RunOutcome } from '../worker/api.ts';"],
    ['src/storage/x.ts', "import { mount } from 'svelte';"],
    ['src/app/history/x.ts', "import { FindingIndex } from '../../worker/finding-index.ts';"],
    ['src/app/x.ts', "import { createValidator } from '../worker/validator.ts';"],
    ['src/app/x.ts', "import { HISTORY_CHUNK } from '../worker/api.ts';"],
    ['src/app/x.ts', "import { validate } from '../core/engine/validate.ts';"],
    ['src/app/components/X.svelte', svelte("import { FindingIndex } from '../../worker/finding-index.ts';")],
    ['src/worker/x.ts', "import { openHistory } from '../storage/db.ts';"],
    ['src/worker/x.ts', "import { runState } from '../app/state/run-state.svelte.ts';"],
    ['src/shared/x.ts', "import type { ValidatorApi } from '../worker/api.ts';"],
    ['src/sw/x.ts', "import { CsvReader } from '../core/input/csv.ts';"],
    ['src/cli/x.ts', "import { openHistory } from '../storage/db.ts';"],
    ['src/core/formats/x.ts', "import type { Tick } from '../engine/validate.ts';"],
    ['src/core/report/x.ts', "import { validate } from '../engine/validate.ts';"],
    ['src/core/devices/x.ts', "import { validate } from '../engine/validate.ts';"],
    ['src/core/rules/x.ts', "import { buildResult } from '../report/build.ts';"],
    ['src/core/rules/formatting/x.ts', "import type { ValidationResult } from '../../report/build.ts';"],
    ['src/core/model/x.ts', "import type { Probe } from '../input/probe.ts';"],
    ['src/core/input/x.ts', "import type { Roster } from '../model/roster.ts';"],
    ['src/core/report/x.ts', "import { filterKey } from '../../shared/report-types.ts';"],
    ['src/core/engine/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/core/input/x.ts', "import Papa from 'papaparse';"],
    ['src/worker/x.ts', "import Papa from 'papaparse';"],
    ['src/app/x.ts', "import Papa from 'papaparse';"],
  ])('%s: %s fails', async (path, code) => {
    expect(await restricted(path, code)).toHaveLength(1);
  });

  it.each([
    ['src/storage/x.ts', "import type { RuleInfo } from '../shared/report-types.ts';"],
    ['src/app/x.ts', "import type { RunOutcome, ValidatorApi } from '../worker/api.ts';"],
    ['src/app/x.ts', "import { filterKey } from '../shared/report-types.ts';"],
    ['src/app/x.ts', "import type { Progress } from '../core/engine/progress.ts';"],
    ['src/app/components/X.svelte', svelte("import type { RuleInfo } from '../../shared/report-types.ts';")],
    ['src/worker/x.ts', "import { filterKey } from '../shared/report-types.ts';"],
    ['src/core/engine/x.ts', "import { buildResult } from '../report/build.ts';"],
    ['src/core/report/x.ts', "import { ruleFor } from '../rules/registry.ts';"],
    ['src/core/rules/x.ts', "import { removedSince } from '../snapshot/snapshot.ts';"],
    ['src/core/formats/x.ts', "import type { Probe } from '../input/probe.ts';"],
    // Tests may use papaparse as the oracle, and reach any layer.
    ['src/core/input/x.test.ts', "import Papa from 'papaparse';"],
    ['src/storage/x.test.ts', "import type { RunOutcome } from '../worker/api.ts';"],
  ])('%s: %s passes', async (path, code) => {
    expect(await restricted(path, code)).toEqual([]);
  });

  it('holds in the real tree', async () => {
    const results = await eslint.lintFiles(['src']);
    const broken = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
        .map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(broken).toEqual([]);
  }, 120_000);
});
